import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { EmptyBodyPipe } from '../common/empty-body.pipe.js';
import { etagOf, parseIfMatch } from '../common/if-match.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { RecordRootCauseDto } from './dto/record-root-cause.dto.js';
import { PreventRecurrenceService } from './prevent-recurrence.service.js';

/** Resolvers record what caused a complaint; department heads own prevention, so they may too. */
const INVESTIGATORS = ['resolver', 'department_head'] as const;

@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one answers 412' })
@ApiResponse({ status: 409, description: 'Not allowed in the current status; the body names it and the allowed actions' })
@Controller('api/complaints')
export class PreventRecurrenceController {
  constructor(
    private readonly preventRecurrence: PreventRecurrenceService,
    private readonly complaints: ComplaintsService,
  ) {}

  private async answer(id: string, reply: FastifyReply) {
    const complaint = await this.complaints.get(id);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }

  @Post(':id/root-cause')
  @Roles(...INVESTIGATORS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record (or replace) the root cause: a taxonomy code, a no-blame description and exactly one of a prevention action, a new one, or "no systemic cause"',
  })
  @ApiResponse({ status: 422, description: 'Unknown cause or prevention action, or the no-blame guard refused a text (findings listed)' })
  async recordRootCause(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: RecordRootCauseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.preventRecurrence.recordRootCause(principal, id, dto, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }

  @Post(':id/close')
  @Roles(...INVESTIGATORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a resolved complaint whose root cause is recorded, or a suggestion' })
  @ApiResponse({ status: 409, description: 'CLOSE_NEEDS_ROOT_CAUSE, or not allowed in the current status' })
  async close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body(EmptyBodyPipe) _body: undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.preventRecurrence.close(principal, id, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }
}
