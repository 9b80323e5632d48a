import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { EmptyBodyPipe } from '../common/empty-body.pipe.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { CreatedWebhookDto, EnabledWebhookDto, WebhookListDto } from './dto/webhook-view.dto.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Subscribe an endpoint to events; the signing secret is answered this once' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  create(@Body() dto: CreateWebhookDto) {
    return this.webhooks.create(dto);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every endpoint, with whether it is failing or disabled' })
  @ApiOkResponse({ type: WebhookListDto })
  list() {
    return this.webhooks.list();
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe: the endpoint gets nothing more, not even what it was still owed' })
  @ApiNoContentResponse()
  async delete(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.webhooks.delete(id);
  }

  @Post(':id/enable')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-enable a disabled endpoint and re-drive what it was owed' })
  @ApiOkResponse({ type: EnabledWebhookDto })
  enable(@Param('id', UuidParamPipe) id: string, @Body(EmptyBodyPipe) _body: unknown) {
    return this.webhooks.enable(id);
  }
}
