import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeysetPosition } from '../common/pagination.js';
import type { CommitteeSchedule } from './cadence.js';
import type { CommitteeViewDto } from './dto/committee-view.dto.js';

/** A committee with what its meetings are computed from. */
export interface CommitteeScheduleRow extends CommitteeSchedule {
  id: string;
  name: string;
}

const VIEW_SELECT = `
  SELECT c.id, c.name, c.cadence, c.time_zone AS "timeZone", c.duration_minutes AS "durationMinutes",
         c.agenda_lead_days AS "agendaLeadDays", c.created_at AS "createdAt",
         COALESCE((SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.name, d.id)
                     FROM committee_members cm JOIN departments d ON d.id = cm.department_id
                    WHERE cm.committee_id = c.id), '[]'::json) AS "memberDepartments"
    FROM committees c`;

const SCHEDULE_SELECT = `
  SELECT c.id, c.name, c.cadence, c.time_zone AS "timeZone", c.duration_minutes AS "durationMinutes", c.agenda_lead_days AS "agendaLeadDays"
    FROM committees c`;

@Injectable()
export class CommitteesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the committee; false when its name is taken (nothing written, the transaction stays usable). */
  async insert(
    manager: EntityManager,
    committee: CommitteeSchedule & { id: string; name: string; createdAt: Date },
  ): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO committees (id, name, cadence, time_zone, duration_minutes, agenda_lead_days, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT uq_committees_name DO NOTHING
       RETURNING id`,
      [committee.id, committee.name, committee.cadence, committee.timeZone, committee.durationMinutes, committee.agendaLeadDays, committee.createdAt],
    );
    return rows.length === 1;
  }

  async insertMembers(manager: EntityManager, committeeId: string, departmentIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO committee_members (committee_id, department_id) SELECT $1, unnest($2::uuid[])`,
      [committeeId, departmentIds],
    );
  }

  /** The ids of `departmentIds` that name no department, in the order given. */
  async unknownDepartments(manager: EntityManager, departmentIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM departments WHERE id = ANY($1::uuid[])', [departmentIds]);
    const known = new Set(rows.map((row) => row.id));
    return departmentIds.filter((id) => !known.has(id));
  }

  async findSchedule(manager: EntityManager, id: string): Promise<CommitteeScheduleRow | null> {
    const [row] = await manager.query(`${SCHEDULE_SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM committees WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async findView(id: string): Promise<CommitteeViewDto | null> {
    const [row] = await this.dataSource.query(`${VIEW_SELECT} WHERE c.id = $1`, [id]);
    return row ?? null;
  }

  /** Newest first, keyset-paginated on (created_at, id); served by ix_committees_created. */
  page(filter: { after?: KeysetPosition; limit: number }): Promise<CommitteeViewDto[]> {
    const params: unknown[] = [filter.limit];
    const where = filter.after ? `WHERE (c.created_at, c.id) < ($2, $3)` : '';
    if (filter.after) params.push(new Date(filter.after.at), filter.after.id);
    return this.dataSource.query(`${VIEW_SELECT} ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $1`, params);
  }

  /** Up to `limit` committees after `afterId` in id order: the scheduler walks them all in batches. */
  scheduleBatch(manager: EntityManager, afterId: string | null, limit: number): Promise<CommitteeScheduleRow[]> {
    return manager.query(`${SCHEDULE_SELECT} WHERE $1::uuid IS NULL OR c.id > $1 ORDER BY c.id LIMIT $2`, [afterId, limit]);
  }
}
