import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { COMMITTEE_MANAGERS, COMMITTEE_READERS } from './committees.controller.js';
import { MeetingDetailDto, MinutesViewDto } from './dto/meeting-view.dto.js';
import { RecordMinutesDto } from './dto/record-minutes.dto.js';
import { MeetingsService } from './meetings.service.js';
import { MinutesService } from './minutes.service.js';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('api/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly minutes: MinutesService,
  ) {}

  @Get(':id')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({ summary: 'One meeting, with its minutes once recorded' })
  @ApiOkResponse({ type: MeetingDetailDto })
  get(@Param('id', UuidParamPipe) id: string) {
    return this.meetings.get(id);
  }

  @Get(':id/invite.ics')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({ summary: 'The meeting as an iCalendar (RFC 5545) event in UTC, linking the printable agenda' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A VCALENDAR with one VEVENT; its UID is the same on every download' })
  async invite(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.meetings.invite(id);
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="meeting-${id}.ics"`);
    return ics;
  }

  @Post(':id/minutes')
  @Roles(...COMMITTEE_MANAGERS)
  @ApiOperation({ summary: 'The minutes: attending departments and decisions, each optionally creating a prevention action; once per meeting' })
  @ApiCreatedResponse({ type: MinutesViewDto })
  @ApiConflictResponse({ description: 'MINUTES_ALREADY_RECORDED, or MEETING_NOT_STARTED' })
  @ApiResponse({ status: 422, description: 'An unknown department, root cause or category, a due date that has passed, or blaming wording (BLAMING_DESCRIPTION)' })
  recordMinutes(@Param('id', UuidParamPipe) id: string, @Body() dto: RecordMinutesDto) {
    return this.minutes.record(id, dto);
  }
}
