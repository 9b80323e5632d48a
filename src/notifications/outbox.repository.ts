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

/** One e-mail per head of each department; `dedupePrefix` plus the head makes each message's key. */
export interface DepartmentMessage {
  departmentIds: string[];
  purpose: string;
  body: string;
  dedupePrefix: string;
  availableAt: Date;
}

/** Joins a message's dedupe key to the channel of its fallback: `acknowledgement:<id>:fallback:email`. */
export const FALLBACK_MARK = ':fallback:';

/** Staff have no language of their own; what staff read in the product is English. */
const STAFF_LANGUAGE = 'en';

@Injectable()
export class OutboxRepository {
  /** Queues a message inside the caller's transaction: it exists if and only if the change that caused it does. */
  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<string> {
    const { identifiers } = await manager.getRepository(OutboxMessageEntity).insert(message);
    return identifiers[0].id;
  }

  /** The message a call, text or letter carried, locked, for the fallback that may follow it. */
  async lockMessage(manager: EntityManager, id: string): Promise<OutboxMessageEntity | null> {
    return manager.getRepository(OutboxMessageEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The channels a message was already tried on: the message queued first (`rootKey`) and each fallback of it, whose
   * keys extend the root's.
   */
  async channelsTried(manager: EntityManager, rootKey: string): Promise<ContactChannel[]> {
    const rows: { channel: ContactChannel }[] = await manager.query(
      `SELECT DISTINCT channel FROM outbox_messages WHERE dedupe_key = $1 OR dedupe_key LIKE $2`,
      [rootKey, `${rootKey.replace(/[\\%_]/g, (c) => `\\${c}`)}${FALLBACK_MARK}%`],
    );
    return rows.map((row) => row.channel);
  }

  /**
   * Queues, inside the caller's transaction, an e-mail to every head of the given departments, addressed to the
   * department (a department is who is told; its heads are where it reads mail). A department without a head gets
   * none: its staff-notification inbox still holds the news. Answers how many were queued; a retried transaction
   * queues none twice.
   */
  async enqueueForDepartmentHeads(manager: EntityManager, message: DepartmentMessage): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO outbox_messages (department_id, purpose, channel, address, language, body, available_at, dedupe_key)
       SELECT s.department_id, $2, 'email', s.email, $3, $4, $5, $6 || ':' || s.id
         FROM staff s
        WHERE s.role = 'department_head' AND s.department_id = ANY($1::uuid[])
       ON CONFLICT ON CONSTRAINT uq_outbox_messages_dedupe_key DO NOTHING
       RETURNING id`,
      [message.departmentIds, message.purpose, STAFF_LANGUAGE, message.body, message.availableAt, message.dedupePrefix],
    );
    return rows.length;
  }
}
