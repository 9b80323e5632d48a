import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { etagOf, parseIfMatch } from '../common/if-match.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { CustomerUpdatesService } from './customer-updates.service.js';
import { AddNoteDto } from './dto/add-note.dto.js';
import { ExpectedDateDto } from './dto/expected-date.dto.js';
import { InformationRequestDto } from './dto/information-request.dto.js';
import { ReopenDto } from './dto/reopen.dto.js';
import { ResolveComplaintDto } from './dto/resolve-complaint.dto.js';
import { ResolutionService } from './resolution.service.js';

const WORKERS = ['agent', 'resolver', 'department_head'] as const;

@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one answers 412' })
@ApiResponse({ status: 409, description: 'Not allowed in the current status; the body names it and the allowed actions' })
@ApiResponse({ status: 422, description: 'The empathy guard blocked the customer-facing text (findings listed); resend with an override and a justification' })
@Controller('api/complaints')
export class ResolutionController {
  constructor(
    private readonly resolution: ResolutionService,
    private readonly updates: CustomerUpdatesService,
    private readonly complaints: ComplaintsService,
  ) {}

  private async answer(id: string, reply: FastifyReply) {
    const complaint = await this.complaints.get(id);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }

  @Post(':id/resolution')
  @Roles(...WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve: upheld needs a remedy; anything less is a refusal with a reason, next steps and the referral rights' })
  async resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ResolveComplaintDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.resolution.resolve(principal, id, dto, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }

  @Post(':id/reopen')
  @Roles('resolver', 'department_head')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved complaint with a reason' })
  async reopen(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ReopenDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.resolution.reopen(principal, id, dto, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }

  @Post(':id/notes')
  @Roles(...WORKERS)
  @HttpCode(201)
  @ApiOperation({ summary: 'An internal note, or a customer-visible one that is sent to the customer through the empathy guard' })
  addNote(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string, @Body() dto: AddNoteDto) {
    return this.updates.addNote(principal, id, dto);
  }

  @Post(':id/information-requests')
  @Roles(...WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the customer for information: the SLA clocks pause until they answer on their status page' })
  async requestInformation(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: InformationRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.updates.requestInformation(principal, id, dto, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }

  @Post(':id/expected-date')
  @Roles(...WORKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the expected resolution date; a later date needs a customer-facing reason and sends a delay notice' })
  async changeExpectedDate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ExpectedDateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.updates.changeExpectedDate(principal, id, dto, parseIfMatch(ifMatch));
    return this.answer(id, reply);
  }
}
