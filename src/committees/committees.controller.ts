import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { PageQueryDto } from '../common/pagination.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { CommitteesService } from './committees.service.js';
import { CommitteePageDto, CommitteeViewDto } from './dto/committee-view.dto.js';
import { CreateCommitteeDto } from './dto/create-committee.dto.js';
import { ListMeetingsQuery } from './dto/list-meetings.query.js';
import { MeetingPageDto, MeetingViewDto } from './dto/meeting-view.dto.js';
import { ScheduleMeetingDto } from './dto/schedule-meeting.dto.js';
import { MeetingsService } from './meetings.service.js';

/** The chair runs the committee; admins set it up. */
export const COMMITTEE_MANAGERS = ['chair', 'admin'] as const;
/** Every staff role: when the committee meets is no secret, and department heads attend. */
export const COMMITTEE_READERS = ['agent', 'resolver', 'department_head', 'chair', 'admin'] as const;

@ApiTags('committees')
@ApiBearerAuth()
@Controller('api/committees')
export class CommitteesController {
  constructor(
    private readonly committees: CommitteesService,
    private readonly meetings: MeetingsService,
  ) {}

  @Post()
  @Roles(...COMMITTEE_MANAGERS)
  @ApiOperation({ summary: 'A committee of departments meeting on a cron cadence in a time zone; its next meetings are created at once' })
  @ApiCreatedResponse({ type: CommitteeViewDto })
  @ApiResponse({ status: 400, description: 'A bad field, including a cadence that is not 5-field cron, never occurs or overlaps itself' })
  @ApiResponse({ status: 422, description: 'DEPARTMENT_NOT_FOUND: a member department does not exist' })
  @ApiConflictResponse({ description: 'COMMITTEE_NAME_TAKEN' })
  create(@Body() dto: CreateCommitteeDto) {
    return this.committees.create(dto);
  }

  @Get()
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({ summary: 'Committees, newest first, with keyset pagination' })
  @ApiOkResponse({ type: CommitteePageDto })
  list(@Query() query: PageQueryDto) {
    return this.committees.list(query);
  }

  @Get(':id')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({ summary: 'One committee' })
  @ApiOkResponse({ type: CommitteeViewDto })
  get(@Param('id', UuidParamPipe) id: string) {
    return this.committees.get(id);
  }

  @Get(':id/meetings')
  @Roles(...COMMITTEE_READERS)
  @ApiOperation({ summary: "A committee's meetings: upcoming (soonest first), past (latest first) or all, by source, with keyset pagination" })
  @ApiOkResponse({ type: MeetingPageDto })
  listMeetings(@Param('id', UuidParamPipe) id: string, @Query() query: ListMeetingsQuery) {
    return this.meetings.list(id, query);
  }

  @Post(':id/meetings')
  @Roles(...COMMITTEE_MANAGERS)
  @ApiOperation({ summary: 'A meeting added by hand, lasting the committee\'s duration; its agenda falls due agendaLeadDays before' })
  @ApiCreatedResponse({ type: MeetingViewDto })
  @ApiConflictResponse({ description: 'MEETING_ALREADY_SCHEDULED: the committee has a meeting starting then' })
  @ApiResponse({ status: 422, description: 'MEETING_IN_PAST' })
  scheduleMeeting(@Param('id', UuidParamPipe) id: string, @Body() dto: ScheduleMeetingDto) {
    return this.meetings.schedule(id, dto);
  }
}
