import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { etagOf, parseIfMatch } from '../common/if-match.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { CreatePreventionActionDto } from './dto/create-prevention-action.dto.js';
import { EffectivenessViewDto } from './dto/effectiveness-view.dto.js';
import { ListPreventionActionsQuery } from './dto/list-prevention-actions.query.js';
import { PreventionActionPageDto, PreventionActionViewDto } from './dto/prevention-action-view.dto.js';
import { UpdatePreventionActionDto } from './dto/update-prevention-action.dto.js';
import { PreventionActionsService } from './prevention-actions.service.js';
import { PreventionEffectivenessService } from './prevention-effectiveness.service.js';

/** Resolvers propose actions from a root cause; heads own them; the committee (chair) and admins may record them too. */
const CREATORS = ['resolver', 'department_head', 'chair', 'admin'] as const;
/** Every staff role: prevention is everyone's business, and the committee reads it. */
const READERS = ['agent', 'resolver', 'department_head', 'chair', 'admin'] as const;

@ApiTags('prevention actions')
@ApiBearerAuth()
@Controller('api/prevention-actions')
export class PreventionActionsController {
  constructor(
    private readonly actions: PreventionActionsService,
    private readonly effectiveness: PreventionEffectivenessService,
  ) {}

  @Post()
  @Roles(...CREATORS)
  @ApiOperation({ summary: 'A prevention action for a root cause; its baseline (matching complaints of the windowDays before) is stored now' })
  @ApiCreatedResponse({ type: PreventionActionViewDto })
  @ApiResponse({ status: 422, description: 'Unknown root cause, department or category, or a due date that has passed' })
  async create(@Body() dto: CreatePreventionActionDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const action = await this.actions.create(dto);
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Prevention actions, newest first, with keyset pagination' })
  @ApiOkResponse({ type: PreventionActionPageDto })
  list(@Query() query: ListPreventionActionsQuery) {
    return this.actions.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One prevention action; its ETag is the version to send as If-Match' })
  @ApiOkResponse({ type: PreventionActionViewDto })
  async get(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const action = await this.actions.get(id);
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Patch(':id')
  @Roles('department_head')
  @ApiOperation({
    summary: "The owning department's head moves the action on (in_progress, done, back to planning after not_effective) or edits it",
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; a stale one answers 412' })
  @ApiOkResponse({ type: PreventionActionViewDto })
  @ApiResponse({ status: 403, description: 'NOT_OWNING_DEPARTMENT: the head of another department' })
  @ApiResponse({ status: 409, description: 'A status not allowed now (the body names the current status and the allowed next ones), or a field fixed in this status' })
  @ApiResponse({ status: 412, description: 'The action changed since you read it' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdatePreventionActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = await this.actions.update(principal, id, dto, parseIfMatch(ifMatch));
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Get(':id/effectiveness')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Baseline against after done (so far while verifying), the verdict, and every check recorded' })
  @ApiOkResponse({ type: EffectivenessViewDto })
  getEffectiveness(@Param('id', UuidParamPipe) id: string) {
    return this.effectiveness.effectiveness(id);
  }
}
