import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import type { WebhookEventType } from './webhook-event-types.js';

/** What a complaint event tells the support desk: ids, reference, status, department and links, never contact data. */
export interface ComplaintEventSubject {
  id: string;
  reference: string;
  status: string;
  version: number;
  type: string;
  owningDepartmentId: string;
}

/**
 * Queues an event for every endpoint subscribed to it, in the caller's transaction, as outbox rows like every other
 * message: the event exists if and only if the change does. One statement, whatever the number of endpoints. A
 * disabled endpoint's copy is kept as a dead letter, so that re-enabling it re-drives what it missed.
 */
@Injectable()
export class WebhookEventsRepository {
  constructor(@Inject(ENV) private readonly env: Env) {}

  async emit(manager: EntityManager, type: WebhookEventType, data: Record<string, unknown>, occurredAt: Date): Promise<void> {
    await this.emitMany(manager, type, [data], occurredAt);
  }

  /** Several events of one type (a sweep's tasks) in the same single statement. */
  async emitMany(manager: EntityManager, type: WebhookEventType, events: Record<string, unknown>[], occurredAt: Date): Promise<void> {
    if (events.length === 0) return;
    const ids = events.map(() => randomUUID());
    // The Standard Webhooks payload shape: type, timestamp, data; the id lets a receiver of several copies correlate.
    const bodies = events.map((data, i) => JSON.stringify({ id: ids[i], type, timestamp: occurredAt.toISOString(), data }));
    await manager.query(
      `INSERT INTO outbox_messages (webhook_id, purpose, channel, address, language, body, available_at, dedupe_key, status, last_error)
       SELECT w.id, $1, 'webhook', w.url, 'en', e.body, $2, 'webhook:' || e.id || ':' || w.id,
              CASE WHEN w.disabled_at IS NULL THEN 'pending' ELSE 'dead' END,
              CASE WHEN w.disabled_at IS NULL THEN NULL ELSE 'the endpoint is disabled' END
         FROM webhooks w
        CROSS JOIN unnest($3::text[], $4::text[]) AS e(id, body)
        WHERE $1 = ANY (w.events)`,
      [type, occurredAt, ids, bodies],
    );
  }

  /** A change to a complaint, in the words of its event type. */
  async emitForComplaint(manager: EntityManager, type: WebhookEventType, complaint: ComplaintEventSubject, occurredAt: Date): Promise<void> {
    await this.emit(
      manager,
      type,
      {
        complaintId: complaint.id,
        reference: complaint.reference,
        complaintType: complaint.type,
        status: complaint.status,
        version: complaint.version,
        departmentId: complaint.owningDepartmentId,
        links: this.complaintLinks(complaint.id),
      },
      occurredAt,
    );
  }

  /** A prevention action moved on: by its department's head, or by the effectiveness check's verdict. */
  async emitPreventionStatusChanged(
    manager: EntityManager,
    change: { id: string; status: string; previousStatus: string; version: number; ownerDepartmentId: string },
    occurredAt: Date,
  ): Promise<void> {
    await this.emit(
      manager,
      'prevention_action.status_changed',
      {
        preventionActionId: change.id,
        status: change.status,
        previousStatus: change.previousStatus,
        version: change.version,
        departmentId: change.ownerDepartmentId,
        links: { preventionAction: this.apiLink(`/api/prevention-actions/${change.id}`), effectiveness: this.apiLink(`/api/prevention-actions/${change.id}/effectiveness`) },
      },
      occurredAt,
    );
  }

  complaintLinks(complaintId: string) {
    const base = this.env.PUBLIC_BASE_URL.replace(/\/$/, '');
    return { complaint: `${base}/api/complaints/${complaintId}`, timeline: `${base}/api/complaints/${complaintId}/timeline` };
  }

  apiLink(path: string): string {
    return `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}${path}`;
  }
}
