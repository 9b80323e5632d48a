import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event-types.js';

export class WebhookViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://desk.example.com/hooks/redress' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  events: WebhookEventType[];

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Since when every delivery has failed; null while healthy' })
  failingSince: Date | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when the endpoint was disabled for failing too long; POST …/enable re-enables it' })
  disabledAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class CreatedWebhookDto extends WebhookViewDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret, shown this once' })
  secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookViewDto], description: 'Oldest first' })
  items: WebhookViewDto[];
}

export class EnabledWebhookDto extends WebhookViewDto {
  @ApiProperty({ example: 3, description: 'Messages dead-lettered while it was disabled (or before), now due again' })
  redriven: number;
}
