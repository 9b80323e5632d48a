import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EffectivenessCheckEntity } from './effectiveness-check.entity.js';
import type { PreventionActionEntity } from './prevention-action.entity.js';
import { matchingComplaintsSql, UNFINISHED_SQL } from './prevention-actions.repository.js';

/** A verifying action whose check is due, locked, with the matching complaints of its after window counted. */
export interface DueCheck {
  id: string;
  title: string;
  ownerDepartmentId: string;
  dueAt: Date;
  overdueAt: Date | null;
  targetReductionPct: number;
  windowDays: number;
  baselineFrom: Date;
  baselineTo: Date;
  baselineCount: number;
  doneAt: Date;
  verificationDueAt: Date;
  version: number;
  /** Matching complaints received in [doneAt, verificationDueAt). */
  afterCount: number;
}

/** An instant as JavaScript writes it (ISO 8601, UTC, milliseconds), so a dedupe key spells a due date one way. */
const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/*
 * Both statements lock what they work on with FOR UPDATE SKIP LOCKED: a row that an owner's PATCH holds is left to
 * the next tick, and the condition (status, due moment, flag), re-checked under the row lock, keeps an action from
 * being checked or flagged twice.
 */
@Injectable()
export class EffectivenessSweepRepository {
  /**
   * Locks up to `limit` verifying actions whose check is due by `now` and counts, in SQL, the matching complaints of
   * each after window: from done to the check's due date (not to now: a late tick measures the same window).
   * Served by ix_prevention_actions_verification_due and ix_complaints_root_cause_received.
   */
  async lockDueChecks(manager: EntityManager, now: Date, limit: number): Promise<DueCheck[]> {
    return manager.query(
      `WITH due AS (
         SELECT pa.*
           FROM prevention_actions pa
          WHERE pa.status = 'verifying'
            AND pa.verification_due_at <= $1
            AND pa.done_at IS NOT NULL
          ORDER BY pa.verification_due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       )
       SELECT due.id, due.title, due.owner_department_id AS "ownerDepartmentId", due.due_at AS "dueAt", due.overdue_at AS "overdueAt",
              due.target_reduction_pct AS "targetReductionPct", due.window_days AS "windowDays",
              due.baseline_from AS "baselineFrom", due.baseline_to AS "baselineTo", due.baseline_count AS "baselineCount",
              due.done_at AS "doneAt", due.verification_due_at AS "verificationDueAt", due.version,
              (SELECT count(*)::int FROM complaints c
                WHERE ${matchingComplaintsSql({ causeCode: 'due.cause_code', categoryId: 'due.category_id', from: 'due.done_at', to: 'due.verification_due_at' })}
              ) AS "afterCount"
         FROM due
        ORDER BY due.verification_due_at`,
      [now, limit],
    );
  }

  async recordCheck(manager: EntityManager, check: Omit<EffectivenessCheckEntity, 'preventionAction'>): Promise<void> {
    await manager.insert(EffectivenessCheckEntity, check);
  }

  /**
   * The check's outcome on the action. It bumps the version, unlike the overdue flag: a verdict changes what the
   * owner sees and may do next, so an If-Match read before it must be stale.
   */
  async concludeCheck(
    manager: EntityManager,
    id: string,
    changes: Pick<PreventionActionEntity, 'status' | 'verificationDueAt' | 'overdueAt' | 'version' | 'updatedAt'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE prevention_actions SET status = $2, verification_due_at = $3, overdue_at = $4, version = $5, updated_at = $6 WHERE id = $1`,
      [id, changes.status, changes.verificationDueAt, changes.overdueAt, changes.version, changes.updatedAt],
    );
  }

  /**
   * Flags up to `limit` unfinished actions past their due date and tells the owning department's head, in one
   * statement. The flag is the system's observation: it does not bump the version (the view's `overdue` is read
   * against the clock anyway). The dedupe key names the due date, so a new due date may be told again, the same never.
   */
  async flagOverdue(manager: EntityManager, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH due AS (
         SELECT pa.id
           FROM prevention_actions pa
          WHERE pa.status IN (${UNFINISHED_SQL})
            AND pa.overdue_at IS NULL
            AND pa.due_at < $1
          ORDER BY pa.due_at
          LIMIT $2
            FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE prevention_actions pa
            SET overdue_at = $1
           FROM due
          WHERE pa.id = due.id
         RETURNING pa.id, pa.title, pa.status, pa.owner_department_id, pa.due_at
       ), zone AS (
         SELECT coalesce((SELECT time_zone FROM business_calendar WHERE id = 1), 'UTC') AS tz
       ), notified AS (
         INSERT INTO staff_notifications (prevention_action_id, department_id, kind, body, created_at, dedupe_key)
         SELECT marked.id, marked.owner_department_id, 'prevention_action_overdue',
                format('Prevention action "%s" passed its due date, %s, and is %s. '
                       'Say what support is needed to finish it, or set a new due date.',
                       marked.title,
                       to_char(marked.due_at AT TIME ZONE zone.tz, 'YYYY-MM-DD HH24:MI') || ' ' || zone.tz,
                       CASE marked.status
                         WHEN 'planned' THEN 'not started yet'
                         WHEN 'in_progress' THEN 'still in progress'
                         ELSE 'still waiting for a new plan after it was found not effective'
                       END),
                $1, 'prevention_action_overdue:' || marked.id || ':' || ${isoUtc('marked.due_at')}
           FROM marked CROSS JOIN zone
         ON CONFLICT ON CONSTRAINT uq_staff_notifications_dedupe_key DO NOTHING
       )
       SELECT id FROM marked`,
      [now, limit],
    );
    return rows.length;
  }
}
