import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Principal } from '../auth/roles.js';
import { EmptyBodyPipe } from '../common/empty-body.pipe.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ListOutboxQuery } from './dto/list-outbox.query.js';
import { OutboxMessageDto, OutboxPageDto } from './dto/outbox-message.dto.js';
import { OutboxService } from './outbox.service.js';

@ApiTags('delivery')
@ApiBearerAuth()
@Controller('api/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Messages leaving Redress and how their delivery goes: pending, failed (to retry), dead (given up) or sent; newest first' })
  @ApiOkResponse({ type: OutboxPageDto })
  list(@Query() query: ListOutboxQuery) {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-drive a dead letter (or retry a failed message now), with a fresh count of attempts' })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiResponse({ status: 409, description: 'OUTBOX_MESSAGE_NOT_RETRYABLE: the message is pending or sent' })
  retry(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string, @Body(EmptyBodyPipe) _body: unknown) {
    return this.outbox.retry(principal, id);
  }

  @Get(':id/mail')
  @Roles('admin')
  @ApiProduces('message/rfc822')
  @ApiOperation({ summary: 'Without SMTP: the e-mail exactly as it was written to its .eml file' })
  @ApiResponse({ status: 200, description: 'The message, RFC 5322' })
  @ApiResponse({ status: 404, description: 'MAIL_FILE_NOT_FOUND' })
  async mail(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const content = await this.outbox.mailFile(id);
    void reply.header('content-type', 'message/rfc822');
    return content;
  }
}
