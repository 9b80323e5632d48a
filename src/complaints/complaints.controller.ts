import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { etagOf, parseIfMatch } from '../common/if-match.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { SimilarComplaintDto } from '../similar-complaints/dto/similar-complaint.dto.js';
import { ComplaintsService } from './complaints.service.js';
import { AcknowledgeComplaintDto } from './dto/acknowledge-complaint.dto.js';
import { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { ListComplaintsQuery } from './dto/list-complaints.query.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** Who may read complaints; SimilarComplaintsController reuses it for a complaint's look-alikes. */
export const READERS = ['agent', 'resolver', 'department_head', 'admin'] as const;
const FIRST_LINE = ['agent', 'resolver'] as const;

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Roles(...FIRST_LINE)
  @ApiOperation({ summary: 'Log a complaint or suggestion; with Idempotency-Key a retry returns the same complaint' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any 1-200 visible ASCII characters, unique per request' })
  @ApiExtraModels(SimilarComplaintDto)
  @ApiResponse({
    status: 201,
    description:
      'Created: the complaint, plus knownIssues: up to 5 earlier similar complaints (same category) that have a prevention action, ' +
      'items as in GET /api/complaints/{id}/similar (SimilarComplaintDto); empty when none, or when the search took too long, ' +
      'which knownIssuesTimedOut: true tells apart',
  })
  @ApiResponse({ status: 200, description: 'A retry with the same Idempotency-Key and body: the complaint created before, with knownIssues looked up again' })
  @ApiResponse({ status: 422, description: 'Unknown category, or an Idempotency-Key reused with a different body' })
  async intake(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'Idempotency-Key must be 1-200 visible ASCII characters', [
        { field: 'Idempotency-Key', problem: 'must be 1-200 visible ASCII characters' },
      ]);
    }
    const { complaint, replayed } = await this.complaints.intake(principal, dto, idempotencyKey);
    void reply.status(replayed ? 200 : 201).header('etag', etagOf(complaint.version));
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return complaint;
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The queue, newest first, with keyset pagination' })
  list(@Query() query: ListComplaintsQuery) {
    return this.complaints.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One complaint; its ETag is the version to send as If-Match' })
  async get(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const complaint = await this.complaints.get(id);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }

  @Get(':id/timeline')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every event of the complaint, oldest first' })
  timeline(@Param('id', UuidParamPipe) id: string) {
    return this.complaints.timeline(id);
  }

  @Post(':id/acknowledge')
  @Roles(...FIRST_LINE)
  @HttpCode(200)
  @ApiOperation({ summary: 'First-line response: the message goes to the customer through their preferred channel' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one answers 412' })
  @ApiResponse({ status: 409, description: 'Not allowed in the current status; the body names it and the allowed actions' })
  @ApiResponse({ status: 412, description: 'The complaint changed since you read it' })
  async acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AcknowledgeComplaintDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const complaint = await this.complaints.acknowledge(principal, id, dto, parseIfMatch(ifMatch));
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }
}
