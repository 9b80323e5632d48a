import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeysetPosition } from '../common/pagination.js';
import { EffectivenessCheckEntity } from './effectiveness-check.entity.js';
import { PreventionActionEntity, type PreventionActionStatus } from './prevention-action.entity.js';
import { UNFINISHED_STATUSES } from './prevention-workflow.js';

/** The complaints a prevention action is about: same root cause, and same category when the action names one. */
export interface MatchingComplaints {
  causeCode: string;
  categoryId: string | null;
}

/**
 * The one definition of "the same problem", as SQL over complaints aliased `c`: complaints (not suggestions) whose
 * recorded root cause is the action's, in the action's category when it names one, received in [from, to). The
 * arguments are SQL expressions (parameters or columns), so the baseline at creation, the check and the figures
 * so far all count the same way. Served by ix_complaints_root_cause_received.
 */
export function matchingComplaintsSql(e: { causeCode: string; categoryId: string; from: string; to: string }): string {
  return `c.root_cause_code = ${e.causeCode}
          AND (${e.categoryId} IS NULL OR c.category_id = ${e.categoryId})
          AND c.type = 'complaint'
          AND c.received_at >= ${e.from} AND c.received_at < ${e.to}`;
}

/** A prevention action as the API shows it, with what it is joined to. */
export interface PreventionActionRow {
  id: string;
  title: string;
  description: string;
  causeCode: string;
  categoryId: string | null;
  categoryCode: string | null;
  ownerDepartmentId: string;
  ownerDepartmentName: string;
  dueAt: Date;
  targetReductionPct: number;
  windowDays: number;
  status: PreventionActionStatus;
  baselineFrom: Date;
  baselineTo: Date;
  baselineCount: number;
  doneAt: Date | null;
  verificationDueAt: Date | null;
  linkedComplaints: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PreventionActionFilter {
  status?: PreventionActionStatus;
  ownerDepartmentId?: string;
  causeCode?: string;
  /** Past the due date and unfinished at `now` (true) or not (false), as the view's `overdue` reads it. */
  overdue?: { is: boolean; now: Date };
  after?: KeysetPosition;
  limit: number;
}

const VIEW_SELECT = `
  SELECT pa.id, pa.title, pa.description, pa.cause_code AS "causeCode", pa.category_id AS "categoryId", cat.code AS "categoryCode",
         pa.owner_department_id AS "ownerDepartmentId", d.name AS "ownerDepartmentName",
         pa.due_at AS "dueAt", pa.target_reduction_pct AS "targetReductionPct", pa.window_days AS "windowDays",
         pa.status, pa.baseline_from AS "baselineFrom", pa.baseline_to AS "baselineTo", pa.baseline_count AS "baselineCount",
         pa.done_at AS "doneAt", pa.verification_due_at AS "verificationDueAt", pa.version,
         pa.created_at AS "createdAt", pa.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM complaints c WHERE c.prevention_action_id = pa.id) AS "linkedComplaints"
    FROM prevention_actions pa
    JOIN departments d ON d.id = pa.owner_department_id
    LEFT JOIN categories cat ON cat.id = pa.category_id`;

/** The status list spelled out, so the planner can match it against the partial index ix_prevention_actions_overdue_due. */
export const UNFINISHED_SQL = UNFINISHED_STATUSES.map((s) => `'${s}'`).join(', ');

@Injectable()
export class PreventionActionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Matching complaints received in [from, to). */
  async countMatchingComplaints(manager: EntityManager, match: MatchingComplaints, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM complaints c
        WHERE ${matchingComplaintsSql({ causeCode: '$1', categoryId: '$2::uuid', from: '$3', to: '$4' })}`,
      [match.causeCode, match.categoryId, from, to],
    );
    return row.n;
  }

  async insert(
    manager: EntityManager,
    action: Omit<PreventionActionEntity, 'createdAt' | 'updatedAt' | 'version'> & Partial<Pick<PreventionActionEntity, 'createdAt' | 'updatedAt'>>,
  ): Promise<void> {
    await manager.insert(PreventionActionEntity, action);
  }

  async findById(manager: EntityManager, id: string): Promise<PreventionActionEntity | null> {
    return manager.findOne(PreventionActionEntity, { where: { id } });
  }

  /** Row-locks the action for the rest of the transaction, so a change and the effectiveness check queue up. */
  lockForChange(manager: EntityManager, id: string): Promise<PreventionActionEntity | null> {
    return manager.findOne(PreventionActionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, changes: Partial<PreventionActionEntity>): Promise<void> {
    await manager.update(PreventionActionEntity, { id }, changes);
  }

  async findView(id: string): Promise<PreventionActionRow | null> {
    const [row] = await this.dataSource.query(`${VIEW_SELECT} WHERE pa.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Newest first, keyset-paginated on (created_at, id) so pages stay stable under inserts; served by
   * ix_prevention_actions_created, or ix_prevention_actions_owner_created with a department.
   */
  async page(filter: PreventionActionFilter): Promise<PreventionActionRow[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) clauses.push(`pa.status = ${p(filter.status)}`);
    if (filter.ownerDepartmentId) clauses.push(`pa.owner_department_id = ${p(filter.ownerDepartmentId)}`);
    if (filter.causeCode) clauses.push(`pa.cause_code = ${p(filter.causeCode)}`);
    if (filter.overdue) {
      const overdue = `(pa.status IN (${UNFINISHED_SQL}) AND pa.due_at < ${p(filter.overdue.now)})`;
      clauses.push(filter.overdue.is ? overdue : `NOT ${overdue}`);
    }
    if (filter.after) clauses.push(`(pa.created_at, pa.id) < (${p(new Date(filter.after.at))}, ${p(filter.after.id)})`);
    return this.dataSource.query(
      `${VIEW_SELECT}
        ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY pa.created_at DESC, pa.id DESC
        LIMIT ${p(filter.limit)}`,
      params,
    );
  }

  /** Every check of the action, newest first. */
  checksOf(id: string): Promise<EffectivenessCheckEntity[]> {
    return this.dataSource.getRepository(EffectivenessCheckEntity).find({ where: { preventionActionId: id }, order: { checkedAt: 'DESC', id: 'DESC' } });
  }

  async rootCauseExists(manager: EntityManager, code: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM root_causes WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async departmentExists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM departments WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async categoryIdByCode(manager: EntityManager, code: string): Promise<string | null> {
    const [row] = await manager.query('SELECT id FROM categories WHERE code = $1', [code]);
    return row?.id ?? null;
  }
}
