import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import type { OutboxChannel, OutboxStatus } from '../../notifications/outbox-message.entity.js';

export const OUTBOX_STATUSES: OutboxStatus[] = ['pending', 'failed', 'dead', 'sent'];
export const OUTBOX_CHANNELS: OutboxChannel[] = ['email', 'phone', 'sms', 'letter', 'portal', 'webhook'];

export class ListOutboxQuery extends PageQueryDto {
  @ApiProperty({
    required: false,
    enum: OUTBOX_STATUSES,
    description: 'pending: not tried yet or being delivered; failed: waiting for its next attempt; dead: given up; sent. Absent: pending, failed and dead together',
  })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiProperty({ required: false, enum: OUTBOX_CHANNELS })
  @IsOptional()
  @IsIn(OUTBOX_CHANNELS)
  channel?: OutboxChannel;
}
