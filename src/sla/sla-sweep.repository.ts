import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffTasksRepository } from './staff-tasks.repository.js';

/**
 * A complaint whose clocks run: a complaint (suggestions have none), in an open status, not paused for the
 * customer's answer. The status list is spelled out, not a parameter, so the planner can match the partial
 * index ix_complaints_resolution_due.
 */
const CLOCKS_RUNNING = `c.type = 'complaint'
            AND c.status IN ('received', 'acknowledged', 'in_resolution', 'reopened')
            AND c.paused_at IS NULL`;

/** An instant as JavaScript writes it (ISO 8601, UTC, milliseconds), so the timeline spells it one way whoever recorded it. */
const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A deadline as a department head reads it: local time in the organisation's business calendar, zone named.
 * `zone.tz` comes from the `zone` CTE below.
 */
const readable = (column: string) => `coalesce(to_char(${column} AT TIME ZONE zone.tz, 'YYYY-MM-DD HH24:MI') || ' ' || zone.tz, 'not set')`;
const ZONE_CTE = `zone AS (SELECT coalesce((SELECT time_zone FROM business_calendar WHERE id = 1), 'UTC') AS tz)`;

/*
 * Each statement below marks up to `limit` complaints and writes what goes with the mark, in one statement:
 * SKIP LOCKED leaves rows that a transition holds to the next tick, and the flag column, re-checked under the
 * row lock, keeps a complaint from being marked twice. None bumps the version: the flag is the system's
 * observation and must not make a staff member's If-Match stale. Data-modifying CTEs all run to completion
 * whether or not the final SELECT reads them.
 */
@Injectable()
export class SlaSweepRepository {
  constructor(private readonly tasks: StaffTasksRepository) {}

  /**
   * Marks up to `limit` unanswered complaints past their first-response deadline and writes one timeline event
   * each. Unanswered is "no first response yet" in any open status: a complaint handed off before anybody
   * answered the customer is in resolution and still owes its first response. The partial unique index on the
   * event is the last guard against recording a breach twice. A deadline
   * is breached only once it has passed: an answer given at the deadline itself is on time (see
   * ComplaintsService.acknowledge). A paused complaint's clock stands still, so it is not flagged.
   */
  async recordFirstResponseBreaches(manager: EntityManager, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH due AS (
         SELECT id, first_response_due_at
           FROM complaints
          WHERE first_responded_at IS NULL
            AND first_response_breached_at IS NULL
            AND status IN ('received', 'acknowledged', 'in_resolution', 'reopened')
            AND first_response_due_at < $1
            AND paused_at IS NULL
          ORDER BY first_response_due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE complaints c
            SET first_response_breached_at = $1
           FROM due
          WHERE c.id = due.id
         RETURNING c.id, due.first_response_due_at
       )
       INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data)
       SELECT id, 'first_response_breached', 'system', NULL, $1, jsonb_build_object('dueAt', ${isoUtc('first_response_due_at')})
         FROM marked
       RETURNING complaint_id`,
      [now, limit],
    );
    return rows.length;
  }

  /**
   * Flags up to `limit` complaints whose at-risk moment (a share of the resolution window) has come, and tells
   * the owning department's head while there is still time to act. Flagged at the moment itself, unlike the
   * breaches: at risk is a warning, not a missed promise. The dedupe key is the last guard against telling twice.
   */
  async flagAtRisk(manager: EntityManager, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH due AS (
         SELECT c.id
           FROM complaints c
          WHERE c.at_risk_at IS NULL
            AND c.at_risk_due_at <= $1
            AND ${CLOCKS_RUNNING}
          ORDER BY c.at_risk_due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE complaints c
            SET at_risk_at = $1
           FROM due
          WHERE c.id = due.id
         RETURNING c.id, c.reference, c.owning_department_id, c.resolution_due_at
       ), ${ZONE_CTE}, events AS (
         INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data)
         SELECT id, 'at_risk', 'system', NULL, $1, jsonb_build_object('resolutionDueAt', ${isoUtc('resolution_due_at')})
           FROM marked
       ), notified AS (
         INSERT INTO staff_notifications (complaint_id, department_id, kind, body, created_at, dedupe_key)
         SELECT marked.id, marked.owning_department_id, 'at_risk',
                format('Complaint %s is at risk of missing its resolution deadline, %s. '
                       'Resolve it before then, or tell the customer when they can expect an answer.',
                       marked.reference, ${readable('marked.resolution_due_at')}),
                $1, 'at_risk:' || marked.id
           FROM marked CROSS JOIN zone
         ON CONFLICT ON CONSTRAINT uq_staff_notifications_dedupe_key DO NOTHING
       )
       SELECT id FROM marked`,
      [now, limit],
    );
    return rows.length;
  }

  /**
   * Records up to `limit` resolution breaches and tells the owning department's head. As with the first response,
   * the deadline is breached only once it has passed.
   */
  async recordResolutionBreaches(manager: EntityManager, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH due AS (
         SELECT c.id
           FROM complaints c
          WHERE c.resolution_breached_at IS NULL
            AND c.resolution_due_at < $1
            AND ${CLOCKS_RUNNING}
          ORDER BY c.resolution_due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE complaints c
            SET resolution_breached_at = $1
           FROM due
          WHERE c.id = due.id
         RETURNING c.id, c.reference, c.owning_department_id, c.resolution_due_at
       ), ${ZONE_CTE}, events AS (
         INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data)
         SELECT id, 'resolution_breached', 'system', NULL, $1, jsonb_build_object('dueAt', ${isoUtc('resolution_due_at')})
           FROM marked
       ), notified AS (
         INSERT INTO staff_notifications (complaint_id, department_id, kind, body, created_at, dedupe_key)
         SELECT marked.id, marked.owning_department_id, 'resolution_breached',
                format('Complaint %s passed its resolution deadline, %s, and is still open. '
                       'Tell the customer where it stands and when they can expect an answer.',
                       marked.reference, ${readable('marked.resolution_due_at')}),
                $1, 'resolution_breached:' || marked.id
           FROM marked CROSS JOIN zone
         ON CONFLICT ON CONSTRAINT uq_staff_notifications_dedupe_key DO NOTHING
       )
       SELECT id FROM marked`,
      [now, limit],
    );
    return rows.length;
  }

  /**
   * Raises a keep-informed task for up to `limit` complaints whose customer is owed news and that have no such
   * task open, with one timeline event per task raised. The complaint row is locked so that a message being sent
   * right now, which restarts the clock and closes the task, is left to the next tick; it is marked
   * keep_informed_task_raised_at, which takes it out of ix_complaints_keep_informed_due until the customer hears
   * from us (without the mark, every tick re-read every complaint already reminded). The NOT EXISTS still guards
   * complaints whose task was opened some other way, and ux_staff_tasks_open_keep_informed is the last guard
   * against a second open task; an event is written only for a task actually raised. The clock runs out once its
   * moment has passed, like the deadlines.
   */
  async raiseKeepInformedTasks(manager: EntityManager, now: Date, limit: number): Promise<number> {
    const raised: { id: string; complaintId: string; departmentId: string }[] = await manager.query(
      `WITH due AS (
         SELECT c.id, c.owning_department_id, c.keep_informed_due_at
           FROM complaints c
          WHERE c.keep_informed_due_at < $1
            AND c.keep_informed_task_raised_at IS NULL
            AND ${CLOCKS_RUNNING}
            AND NOT EXISTS (
                  SELECT 1 FROM staff_tasks t
                   WHERE t.complaint_id = c.id AND t.kind = 'keep_informed' AND t.done_at IS NULL)
          ORDER BY c.keep_informed_due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE complaints c SET keep_informed_task_raised_at = $1 FROM due WHERE c.id = due.id
       ), raised AS (
         INSERT INTO staff_tasks (complaint_id, department_id, kind, created_at)
         SELECT id, owning_department_id, 'keep_informed', $1
           FROM due
         ON CONFLICT (complaint_id, kind) WHERE done_at IS NULL AND kind = 'keep_informed' DO NOTHING
         RETURNING id, complaint_id, department_id
       ), events AS (
         INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data)
         SELECT raised.complaint_id, 'keep_informed_due', 'system', NULL, $1,
                jsonb_build_object('dueAt', ${isoUtc('due.keep_informed_due_at')}, 'taskId', raised.id)
           FROM raised JOIN due ON due.id = raised.complaint_id
       )
       SELECT id, complaint_id AS "complaintId", department_id AS "departmentId" FROM raised`,
      [now, limit],
    );
    await this.tasks.announce(
      manager,
      raised.map((task) => ({ ...task, kind: 'keep_informed', attempt: 1, dueAt: null })),
      now,
    );
    return raised.length;
  }
}
