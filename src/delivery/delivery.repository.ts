import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { KeysetPosition } from '../common/pagination.js';
import type { OutboxChannel, OutboxStatus } from '../notifications/outbox-message.entity.js';
import type { ClaimedMessage } from './claimed-message.js';

/** A message as listed for admins. */
export interface OutboxRow {
  id: string;
  complaintId: string | null;
  reference: string | null;
  departmentId: string | null;
  webhookId: string | null;
  purpose: string;
  channel: OutboxChannel;
  address: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  availableAt: Date;
  deliveredAt: Date | null;
  receipt: string | null;
  createdAt: Date;
}

export interface OutboxFilter {
  statuses: OutboxStatus[];
  channel?: OutboxChannel;
  after?: KeysetPosition;
  limit: number;
}

const OUTBOX_ROW = `m.id, m.complaint_id AS "complaintId", c.reference, m.department_id AS "departmentId", m.webhook_id AS "webhookId",
       m.purpose, m.channel, m.address, m.status, m.attempts, m.last_error AS "lastError", m.available_at AS "availableAt",
       m.delivered_at AS "deliveredAt", m.receipt, m.created_at AS "createdAt"`;

export interface Claim {
  token: string;
  now: Date;
  leaseUntil: Date;
  limit: number;
}

/** How a failed attempt ends: retried at `retryAt`, or dead-lettered when it was the last attempt allowed. */
export interface FailedAttempt {
  id: string;
  token: string;
  error: string;
  retryAt: Date;
  maxAttempts: number;
  /** Dead-letter now whatever the count: the channel knows no retry can help. */
  permanent: boolean;
}

/** The dispatcher's statements, in one place; every one is a single round trip. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` due messages for this batch: oldest due first, skipping rows another dispatcher is claiming
   * right now. A claim moves available_at to the end of the lease, so it needs no sweeper: if the holder dies, the
   * message is simply due again when the lease ends. The attempt is counted here, so that a message that kills
   * its dispatcher every time still reaches its last attempt.
   */
  async claim(claim: Claim): Promise<ClaimedMessage[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT id FROM outbox_messages
          WHERE status IN ('pending', 'failed') AND available_at <= $1
          ORDER BY available_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE outbox_messages m
            SET claim_token = $3, available_at = $4, attempts = m.attempts + 1
           FROM due
          WHERE m.id = due.id
         RETURNING m.*
       )
       SELECT m.id, m.claim_token AS "claimToken", m.complaint_id AS "complaintId", m.department_id AS "departmentId",
              m.webhook_id AS "webhookId", m.purpose, m.channel, m.address, m.language, m.body, m.dedupe_key AS "dedupeKey",
              m.attempts, m.created_at AS "createdAt", c.reference, c.owning_department_id AS "owningDepartmentId",
              c.contact_instructions AS "contactInstructions", w.secret AS "webhookSecret"
         FROM claimed m
         LEFT JOIN complaints c ON c.id = m.complaint_id
         LEFT JOIN webhooks w ON w.id = m.webhook_id
        ORDER BY m.available_at, m.id`,
      [claim.now, claim.limit, claim.token, claim.leaseUntil],
    );
  }

  /** Marks the message delivered, if this batch still holds it; false when its lease ran out and another took it. */
  async markDelivered(manager: EntityManager, id: string, token: string, at: Date, receipt: string): Promise<boolean> {
    const rows = await manager.query(
      `WITH changed AS (
       UPDATE outbox_messages SET status = 'sent', delivered_at = $3, receipt = $4, claim_token = NULL, last_error = NULL
        WHERE id = $1 AND claim_token = $2
       RETURNING id
       )
       SELECT * FROM changed`,
      [id, token, at, receipt],
    );
    return rows.length === 1;
  }

  /** Records a failed attempt; answers the new status, or null when this batch no longer holds the message. */
  async markFailed(manager: EntityManager, f: FailedAttempt): Promise<{ status: 'failed' | 'dead'; attempts: number } | null> {
    const [row] = await manager.query(
      `WITH changed AS (
       UPDATE outbox_messages
          SET status = CASE WHEN $5 OR attempts >= $4 THEN 'dead' ELSE 'failed' END,
              available_at = $6, last_error = $3, claim_token = NULL
        WHERE id = $1 AND claim_token = $2
       RETURNING status, attempts
       )
       SELECT * FROM changed`,
      [f.id, f.token, f.error, f.maxAttempts, f.permanent, f.retryAt],
    );
    return row ?? null;
  }

  /**
   * Gives back what a stopping dispatcher claimed but did not finish: due again at once, the attempt not counted.
   * Answers how many were released.
   */
  async release(tokens: string[], now: Date): Promise<number> {
    if (tokens.length === 0) return 0;
    const rows = await this.dataSource.query(
      `WITH changed AS (
       UPDATE outbox_messages SET claim_token = NULL, available_at = $2, attempts = GREATEST(attempts - 1, 0)
        WHERE claim_token = ANY ($1::uuid[]) AND status IN ('pending', 'failed')
       RETURNING id
       )
       SELECT * FROM changed`,
      [tokens, now],
    );
    return rows.length;
  }

  /** Newest first, keyset-paginated on (created_at, id); ix_outbox_messages_status_created serves each status. */
  async page(filter: OutboxFilter): Promise<OutboxRow[]> {
    const params: unknown[] = [filter.statuses, filter.limit];
    const where = ['m.status = ANY ($1::text[])'];
    if (filter.channel) where.push(`m.channel = $${params.push(filter.channel)}`);
    if (filter.after) where.push(`(m.created_at, m.id) < ($${params.push(new Date(filter.after.at))}, $${params.push(filter.after.id)})`);
    return this.dataSource.query(
      `SELECT ${OUTBOX_ROW}
         FROM outbox_messages m LEFT JOIN complaints c ON c.id = m.complaint_id
        WHERE ${where.join(' AND ')}
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $2`,
      params,
    );
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OutboxRow | null> {
    const [row] = await manager.query(`SELECT ${OUTBOX_ROW} FROM outbox_messages m LEFT JOIN complaints c ON c.id = m.complaint_id WHERE m.id = $1`, [id]);
    return row ?? null;
  }

  /** Makes a dead or failed message due now with a fresh count of attempts; false when it is neither. */
  async redrive(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const rows = await manager.query(
      `WITH changed AS (
       UPDATE outbox_messages SET status = 'pending', attempts = 0, available_at = $2
        WHERE id = $1 AND status IN ('dead', 'failed') AND claim_token IS NULL
       RETURNING id
       )
       SELECT * FROM changed`,
      [id, now],
    );
    return rows.length === 1;
  }
}
