import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ContactChannel } from '../complaints/complaint.entity.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';

export interface OutgoingMessage {
  complaintId: string;
  purpose: string;
  channel: ContactChannel;
  address: string;
  language: string;
  body: string;
  dedupeKey: string;
  availableAt: Date;
  guardFindings?: object[];
}

@Injectable()
export class OutboxRepository {
  /** Queues a message inside the caller's transaction: it exists if and only if the change that caused it does. */
  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<void> {
    await manager.getRepository(OutboxMessageEntity).insert(message);
  }
}
