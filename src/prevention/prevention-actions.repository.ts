import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PreventionActionEntity } from './prevention-action.entity.js';

/** The complaints a prevention action is about: same root cause, and same category when the action names one. */
export interface MatchingComplaints {
  causeCode: string;
  categoryId: string | null;
}

@Injectable()
export class PreventionActionsRepository {
  /**
   * Complaints (not suggestions) received in [from, to) whose recorded root cause matches. Served by
   * ix_complaints_root_cause_received.
   */
  async countMatchingComplaints(manager: EntityManager, match: MatchingComplaints, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM complaints
        WHERE root_cause_code = $1 AND ($2::uuid IS NULL OR category_id = $2) AND type = 'complaint'
          AND received_at >= $3 AND received_at < $4`,
      [match.causeCode, match.categoryId, from, to],
    );
    return row.n;
  }

  async insert(manager: EntityManager, action: Omit<PreventionActionEntity, 'createdAt' | 'updatedAt' | 'version'>): Promise<void> {
    await manager.insert(PreventionActionEntity, action);
  }

  async findById(manager: EntityManager, id: string): Promise<PreventionActionEntity | null> {
    return manager.findOne(PreventionActionEntity, { where: { id } });
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
