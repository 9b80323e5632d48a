import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import type { CreatedWebhookDto, EnabledWebhookDto, WebhookViewDto } from './dto/webhook-view.dto.js';
import type { WebhookEntity } from './webhook.entity.js';
import { WebhookErrorCode } from './webhook-error-code.js';
import { WebhooksRepository } from './webhooks.repository.js';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly clock: Clock,
  ) {}

  /** The secret is 32 random bytes in the Standard Webhooks form, answered this once. */
  async create(dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const webhook = await this.webhooks.insert({ url: dto.url, events: dto.events, description: dto.description?.trim() || null, secret });
    return { ...view(webhook), secret };
  }

  async list(): Promise<{ items: WebhookViewDto[] }> {
    return { items: (await this.webhooks.all()).map(view) };
  }

  async delete(id: string): Promise<void> {
    if (!(await this.webhooks.delete(id))) throw notFound();
  }

  async enable(id: string): Promise<EnabledWebhookDto> {
    const redriven = await this.webhooks.enable(id, this.clock.now());
    if (redriven === null) throw notFound();
    return { ...view((await this.webhooks.findById(id))!), redriven };
  }
}

function view({ secret: _secret, ...webhook }: WebhookEntity): WebhookViewDto {
  return webhook;
}

function notFound(): AppError {
  return new AppError(WebhookErrorCode.WEBHOOK_NOT_FOUND, 'There is no such webhook');
}
