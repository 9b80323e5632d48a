import { ApiProperty } from '@nestjs/swagger';
import type { OutboxChannel, OutboxStatus } from '../../notifications/outbox-message.entity.js';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from './list-outbox.query.js';

/** A message as the admin sees it: where it goes, how delivery went, and what to do about it. */
export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "Set when the message is to a complaint's customer" })
  complaintId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'CMP-2026-000123' })
  reference: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "Set when the message is to a department's heads" })
  departmentId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set when the message is a webhook event' })
  webhookId: string | null;

  @ApiProperty({ example: 'acknowledgement', description: 'Why the message exists; for a webhook, the event type' })
  purpose: string;

  @ApiProperty({ enum: OUTBOX_CHANNELS })
  channel: OutboxChannel;

  @ApiProperty({ example: '+37120000000', description: 'The one address the message may go to' })
  address: string;

  @ApiProperty({ enum: OUTBOX_STATUSES })
  status: OutboxStatus;

  @ApiProperty({ example: 1, description: 'Attempts started so far' })
  attempts: number;

  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed' })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a pending or failed message is next tried (while being delivered: when its claim expires)' })
  nextAttemptAt: Date | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: Date | null;

  @ApiProperty({ nullable: true, type: String, example: 'written to 5f0c….eml', description: 'What the channel answered' })
  receipt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Without SMTP: GET this path for the e-mail as written (message/rfc822)' })
  mailFile: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMessageDto], description: 'Newest first' })
  items: OutboxMessageDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
