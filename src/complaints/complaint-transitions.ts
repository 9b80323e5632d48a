import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { ComplaintErrorCode } from './complaint-error-code.js';
import { allowedActions, nextStatus, type ComplaintAction } from './complaint-workflow.js';
import type { ComplaintEntity } from './complaint.entity.js';
import { ComplaintsRepository } from './complaints.repository.js';
import type { WebhookEventType } from '../webhooks/webhook-event-types.js';
import { WebhookEventsRepository, type ComplaintEventSubject } from '../webhooks/webhook-events.repository.js';

/** The timeline events the support desk hears about, and the webhook event each one is. */
const WEBHOOK_EVENT_OF: Record<string, WebhookEventType> = {
  received: 'complaint.created',
  acknowledged: 'complaint.acknowledged',
  handed_off: 'complaint.handed_off',
  resolved: 'complaint.resolved',
  reopened: 'complaint.reopened',
  disputed: 'complaint.disputed',
  closed: 'complaint.closed',
};

export interface Actor {
  kind: 'staff' | 'api_client' | 'system' | 'customer';
  id: string | null;
  departmentId: string | null;
}

export const actorOf = (principal: Principal): Actor => ({ kind: principal.kind, id: principal.id, departmentId: principal.departmentId });
export const CUSTOMER: Actor = { kind: 'customer', id: null, departmentId: null };
export const SYSTEM: Actor = { kind: 'system', id: null, departmentId: null };

/**
 * The steps every change to a complaint takes, in one place: lock the row, check the client saw the latest
 * version, check the workflow allows the action; then write the new state, its timeline event and the end of any
 * handoff wait, in the caller's transaction.
 */
@Injectable()
export class ComplaintTransitions {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly webhookEvents: WebhookEventsRepository,
  ) {}

  /** Locks the complaint and checks, in this order: it exists, the version is current, the action is allowed. */
  async begin(manager: EntityManager, id: string, action: ComplaintAction | null, expectedVersion?: number): Promise<ComplaintEntity> {
    const complaint = await this.complaints.lockForTransition(manager, id);
    if (!complaint) throw complaintNotFound();
    if (expectedVersion !== undefined && expectedVersion !== complaint.version) {
      throw new AppError(
        ComplaintErrorCode.STALE_VERSION,
        `The complaint changed since you read it (your version ${expectedVersion}, current ${complaint.version}); read it again`,
        [{ field: 'If-Match', problem: 'is not the current version' }],
        { currentVersion: complaint.version },
      );
    }
    if (action && !nextStatus(complaint.status, action, complaint.type)) throw illegal(complaint, action);
    return complaint;
  }

  /** Refuses an action that is not a status change (a note, a new date) on a complaint in the wrong status. */
  requireStatus(complaint: ComplaintEntity, action: string, statuses: ComplaintEntity['status'][]): void {
    if (!statuses.includes(complaint.status)) throw illegal(complaint, action);
  }

  /**
   * Writes the action's new status (if it has one) with `changes`, bumps the version, appends the event, and ends
   * a handoff's wait when the receiving department acts.
   */
  async apply(
    manager: EntityManager,
    complaint: ComplaintEntity,
    action: ComplaintAction | null,
    actor: Actor,
    at: Date,
    event: { type: string; data: Record<string, unknown> },
    changes: Partial<ComplaintEntity> = {},
  ): Promise<ComplaintEntity> {
    const status = action ? nextStatus(complaint.status, action, complaint.type)! : complaint.status;
    const updated = { ...changes, status, version: complaint.version + 1 };
    await this.complaints.update(manager, complaint.id, updated);
    // The complaint as it is now, so that the webhook the event raises carries the new status and version.
    Object.assign(complaint, updated);
    await this.record(manager, complaint, actor, at, event);
    return complaint;
  }

  /**
   * Appends a timeline event without changing the complaint's state (an internal note, a feedback), and queues the
   * webhook event it amounts to, if any, in the same transaction.
   */
  async record(manager: EntityManager, complaint: ComplaintEventSubject, actor: Actor, at: Date, event: { type: string; data: Record<string, unknown> }): Promise<void> {
    await this.complaints.appendEvent(manager, { complaintId: complaint.id, type: event.type, actorKind: actor.kind, actorId: actor.id, occurredAt: at, data: event.data });
    const webhookEvent = WEBHOOK_EVENT_OF[event.type];
    if (webhookEvent) await this.webhookEvents.emitForComplaint(manager, webhookEvent, complaint, at);
    if (actor.departmentId) await this.complaints.endHandoffWait(manager, complaint.id, actor.departmentId, at);
  }
}

export function complaintNotFound(): AppError {
  return new AppError(ComplaintErrorCode.COMPLAINT_NOT_FOUND, 'There is no such complaint');
}

function illegal(complaint: ComplaintEntity, action: string): AppError {
  const allowed = allowedActions(complaint.status, complaint.type);
  return new AppError(
    ComplaintErrorCode.ILLEGAL_TRANSITION,
    `Cannot ${action} a ${complaint.type} that is ${complaint.status}; allowed: ${allowed.join(', ') || 'nothing'}`,
    [],
    { currentStatus: complaint.status, allowedActions: allowed },
  );
}
