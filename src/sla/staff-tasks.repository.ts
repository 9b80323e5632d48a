import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhookEventsRepository } from '../webhooks/webhook-events.repository.js';
import type { StaffTaskEntity, StaffTaskKind } from './staff-task.entity.js';

export interface NewOutreachTask {
  complaintId: string;
  departmentId: string;
  kind: Exclude<StaffTaskKind, 'keep_informed'>;
  outboxMessageId: string;
  address: string;
  contactInstructions: string | null;
  attempt: number;
  dueAt: Date | null;
  createdAt: Date;
}

/** What the support desk is told of a new task: never the number or address, which it reads through the API. */
export interface RaisedTask {
  id: string;
  kind: StaffTaskKind;
  attempt: number;
  complaintId: string;
  departmentId: string;
  dueAt: Date | null;
}

/** Calls, texts and letters that people make: raised by the dispatcher, retried after no answer, done by staff. */
@Injectable()
export class StaffTasksRepository {
  constructor(private readonly webhookEvents: WebhookEventsRepository) {}

  /**
   * Raises the task in the caller's transaction and tells the support desk (staff_task.created). The same message's
   * same attempt is raised once (ix_staff_tasks_message): a repeat answers the task raised before.
   */
  async raiseOutreach(manager: EntityManager, task: NewOutreachTask): Promise<{ id: string }> {
    const [raised] = await manager.query(
      `INSERT INTO staff_tasks (complaint_id, department_id, kind, outbox_message_id, address, contact_instructions, attempt, due_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (outbox_message_id, attempt) WHERE outbox_message_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [task.complaintId, task.departmentId, task.kind, task.outboxMessageId, task.address, task.contactInstructions, task.attempt, task.dueAt, task.createdAt],
    );
    if (!raised) {
      const [earlier] = await manager.query(`SELECT id FROM staff_tasks WHERE outbox_message_id = $1 AND attempt = $2`, [task.outboxMessageId, task.attempt]);
      return earlier;
    }
    await this.announce(manager, [{ ...task, id: raised.id }], task.createdAt);
    return raised;
  }

  /** Tells the support desk about tasks just raised (staff_task.created), in the caller's transaction. */
  async announce(manager: EntityManager, tasks: RaisedTask[], at: Date): Promise<void> {
    await this.webhookEvents.emitMany(
      manager,
      'staff_task.created',
      tasks.map((task) => ({
        taskId: task.id,
        kind: task.kind,
        attempt: task.attempt,
        complaintId: task.complaintId,
        departmentId: task.departmentId,
        dueAt: task.dueAt?.toISOString() ?? null,
        links: { tasks: this.webhookEvents.apiLink(`/api/staff-tasks?departmentId=${task.departmentId}&open=true`), ...this.webhookEvents.complaintLinks(task.complaintId) },
      })),
      at,
    );
  }

  /** Locks the task for the rest of the transaction, so that two people recording its outcome queue up. */
  async lockForCompletion(manager: EntityManager, id: string): Promise<StaffTaskEntity | null> {
    const [row] = await manager.query(
      `SELECT id, complaint_id AS "complaintId", department_id AS "departmentId", kind, outbox_message_id AS "outboxMessageId",
              address, contact_instructions AS "contactInstructions", attempt, due_at AS "dueAt", created_at AS "createdAt",
              done_at AS "doneAt", outcome
         FROM staff_tasks WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async complete(manager: EntityManager, id: string, outcome: NonNullable<StaffTaskEntity['outcome']>, at: Date): Promise<void> {
    await manager.query(`UPDATE staff_tasks SET done_at = $2, outcome = $3 WHERE id = $1`, [id, at, outcome]);
  }
}
