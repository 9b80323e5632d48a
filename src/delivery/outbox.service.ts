import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, pageOf, type Page } from '../common/pagination.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { EmailChannel } from './channels/email.channel.js';
import { DeliveryErrorCode } from './delivery-error-code.js';
import { DeliveryRepository, type OutboxRow } from './delivery.repository.js';
import type { ListOutboxQuery } from './dto/list-outbox.query.js';
import type { OutboxMessageDto } from './dto/outbox-message.dto.js';

/** What admins see of the outbox and how they re-drive it. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly email: EmailChannel,
    private readonly clock: Clock,
  ) {}

  async list(query: ListOutboxQuery): Promise<Page<OutboxMessageDto>> {
    const rows = await this.deliveries.page({
      statuses: query.status ? [query.status] : ['pending', 'failed', 'dead'],
      channel: query.channel,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = pageOf(rows, query.limit);
    return { items: page.items.map((row) => this.view(row)), nextCursor: page.nextCursor };
  }

  /** Re-drives a dead letter (or hurries a failed message): due at once, attempts counted afresh, noted on the timeline. */
  async retry(principal: Principal, id: string): Promise<OutboxMessageDto> {
    const row = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const found = await this.deliveries.findById(id, manager);
      if (!found) throw notFound();
      if (!(await this.deliveries.redrive(manager, id, now))) {
        throw new AppError(
          DeliveryErrorCode.OUTBOX_MESSAGE_NOT_RETRYABLE,
          `The message is ${found.status}; only dead or failed messages can be retried`,
          [],
          { currentStatus: found.status },
        );
      }
      if (found.complaintId) {
        await this.complaints.appendEvent(manager, {
          complaintId: found.complaintId,
          type: 'delivery_retried',
          actorKind: principal.kind,
          actorId: principal.id,
          occurredAt: now,
          data: { outboxMessageId: id, purpose: found.purpose, channel: found.channel },
        });
      }
      return (await this.deliveries.findById(id, manager))!;
    });
    return this.view(row);
  }

  /** The e-mail as written to its file, when there is no SMTP server. */
  async mailFile(id: string): Promise<Buffer> {
    const row = await this.deliveries.findById(id);
    if (!row) throw notFound();
    const file = row.channel === 'email' && row.status === 'sent' ? this.email.fileOf(id) : null;
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!content) throw new AppError(DeliveryErrorCode.MAIL_FILE_NOT_FOUND, 'No file was written for this message (it is not a sent e-mail, or SMTP delivered it)');
    return content;
  }

  private view(row: OutboxRow): OutboxMessageDto {
    const { availableAt, ...rest } = row;
    const waiting = row.status === 'pending' || row.status === 'failed';
    const inFile = row.channel === 'email' && row.status === 'sent' && this.email.mailDirectory !== null;
    return { ...rest, nextAttemptAt: waiting ? availableAt : null, mailFile: inFile ? `/api/outbox/${row.id}/mail` : null };
  }
}

function notFound(): AppError {
  return new AppError(DeliveryErrorCode.OUTBOX_MESSAGE_NOT_FOUND, 'There is no such outbox message');
}
