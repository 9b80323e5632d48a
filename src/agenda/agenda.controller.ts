import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator.js';
import { EmptyBodyPipe } from '../common/empty-body.pipe.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { AgendaService, type AgendaFormat } from './agenda.service.js';
import { AgendaQuery } from './dto/agenda.query.js';
import { AgendaVersionDto, AgendaVersionSummaryDto } from './dto/agenda-version.dto.js';

/** The chair prepares the meeting; admins can too. */
export const AGENDA_PUBLISHERS = ['chair', 'admin'] as const;
/** Those who sit on the committee read its agenda; agents and resolvers do not (it reviews their departments' work). */
export const AGENDA_READERS = ['department_head', 'chair', 'admin'] as const;

const CONTENT_TYPES: Record<AgendaFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

@ApiTags('committees')
@ApiBearerAuth()
@Controller('api/meetings')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Post(':id/agenda')
  @Roles(...AGENDA_PUBLISHERS)
  @ApiOperation({ summary: "Generates and publishes a new version of the meeting's agenda now; member departments are notified" })
  @ApiCreatedResponse({ type: AgendaVersionSummaryDto })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND' })
  generate(@Param('id', UuidParamPipe) id: string, @Body(EmptyBodyPipe) _body: undefined): Promise<AgendaVersionSummaryDto> {
    return this.agenda.generate(id);
  }

  @Get(':id/agenda')
  @Roles(...AGENDA_READERS)
  @ApiOperation({ summary: "A version of the meeting's agenda (the latest by default) as JSON, Markdown or a printable HTML page" })
  @ApiProduces('application/json', 'text/markdown', 'text/html')
  @ApiOkResponse({ type: AgendaVersionDto, description: 'ETag: the content hash (weak: versions with the same figures share it)' })
  @ApiResponse({ status: 304, description: 'If-None-Match held the ETag' })
  @ApiResponse({ status: 400, description: 'An unknown format or a version that is not a positive integer' })
  @ApiNotFoundResponse({ description: 'MEETING_NOT_FOUND, or AGENDA_NOT_FOUND: no agenda yet, or no such version' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: AgendaQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const rendered = await this.agenda.render(id, query.format, query.version);
    // Weak: the hash leaves generatedAt out, so two versions of the same figures share it while their bytes differ.
    const etag = `W/"${rendered.contentHash}"`;
    // Staff-only content: no shared cache keeps it; a browser revalidates with the ETag.
    void reply.header('etag', etag).header('cache-control', 'private, no-cache').header('x-agenda-version', String(rendered.version));
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.slice(2))) {
      void reply.status(304);
      return '';
    }
    void reply.header('content-type', CONTENT_TYPES[query.format]);
    return rendered.body;
  }
}
