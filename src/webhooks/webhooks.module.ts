import { Module } from '@nestjs/common';
import { WebhookChannel } from './webhook.channel.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhookEventsRepository, WebhooksRepository, WebhooksService, WebhookChannel],
  exports: [WebhookEventsRepository, WebhookChannel],
})
export class WebhooksModule {}
