import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  PUBLIC_EVENT_FIELDS,
  PUBLIC_EVENT_TYPES,
  type LatestResolution,
  type OpenInformationRequest,
  type PublicEventRow,
} from './customer-status.js';

/**
 * The reads behind the customer's status page. Each selects only what the page may show: the allow-list starts
 * in SQL, so internal event types and data never even reach Node.
 */
@Injectable()
export class PublicStatusRepository {
  /** The public events of one complaint, oldest first, with only the data fields the page reads. */
  async publicTimeline(manager: EntityManager, complaintId: string): Promise<PublicEventRow[]> {
    const fields = PUBLIC_EVENT_FIELDS.map((field) => `'${field}', data -> '${field}'`).join(', ');
    const rows: { type: string; occurred_at: Date; data: PublicEventRow['data'] }[] = await manager.query(
      `SELECT type, occurred_at, jsonb_strip_nulls(jsonb_build_object(${fields})) AS data
         FROM complaint_events
        WHERE complaint_id = $1 AND type = ANY($2::text[])
        ORDER BY occurred_at, id`,
      [complaintId, [...PUBLIC_EVENT_TYPES]],
    );
    return rows.map((row) => ({ type: row.type, occurredAt: row.occurred_at, data: row.data }));
  }

  /** The question waiting for the customer's answer, if any (at most one is open, by a unique index). */
  async openInformationRequest(manager: EntityManager, complaintId: string): Promise<OpenInformationRequest | null> {
    const [row]: { question: string; asked_at: Date }[] = await manager.query(
      `SELECT question, asked_at FROM information_requests WHERE complaint_id = $1 AND answered_at IS NULL LIMIT 1`,
      [complaintId],
    );
    return row ? { question: row.question, askedAt: row.asked_at } : null;
  }

  /** The current answer (a dispute leads to another; the latest counts) and whether the customer rated it. */
  async latestResolution(manager: EntityManager, complaintId: string): Promise<LatestResolution | null> {
    const [row]: { outcome: LatestResolution['outcome']; customer_message: string; resolved_at: Date; has_feedback: boolean }[] =
      await manager.query(
        `SELECT r.outcome, r.customer_message, r.resolved_at,
                EXISTS (SELECT 1 FROM customer_feedback f WHERE f.resolution_id = r.id) AS has_feedback
           FROM resolutions r
          WHERE r.complaint_id = $1
          ORDER BY r.number DESC
          LIMIT 1`,
        [complaintId],
      );
    return row ? { outcome: row.outcome, customerMessage: row.customer_message, resolvedAt: row.resolved_at, hasFeedback: row.has_feedback } : null;
  }
}
