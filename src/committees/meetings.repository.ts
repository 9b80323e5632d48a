import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeysetPosition } from '../common/pagination.js';
import type { MeetingTimes } from './cadence.js';
import type { MeetingTime } from './dto/list-meetings.query.js';
import type { MeetingViewDto } from './dto/meeting-view.dto.js';
import type { MeetingSource } from './meeting.entity.js';

/** A meeting with what its invite and its detail view need of the committee. */
export interface MeetingRow extends MeetingViewDto {
  committeeName: string;
  timeZone: string;
}

export interface MeetingFilter {
  committeeId: string;
  when?: { is: MeetingTime; now: Date };
  source?: MeetingSource;
  after?: KeysetPosition;
  limit: number;
}

const VIEW_SELECT = `
  SELECT m.id, m.committee_id AS "committeeId", m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.source,
         m.agenda_due_at AS "agendaDueAt", m.agenda_published_at AS "agendaPublishedAt", mm.recorded_at AS "minutesRecordedAt"
    FROM meetings m
    LEFT JOIN meeting_minutes mm ON mm.meeting_id = m.id`;

@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the scheduled meetings that do not exist yet and answers how many it created. ON CONFLICT on
   * uq_meetings_committee_starts makes it idempotent, and safe against another instance (or a chair's manual
   * meeting at the same start) inserting the same occurrence at the same moment.
   */
  async insertScheduled(manager: EntityManager, meetings: (MeetingTimes & { committeeId: string })[]): Promise<number> {
    if (meetings.length === 0) return 0;
    const rows = await manager.query(
      `INSERT INTO meetings (committee_id, starts_at, ends_at, agenda_due_at, source)
       SELECT *, 'scheduled' FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_meetings_committee_starts DO NOTHING
       RETURNING id`,
      [meetings.map((m) => m.committeeId), meetings.map((m) => m.startsAt), meetings.map((m) => m.endsAt), meetings.map((m) => m.agendaDueAt)],
    );
    return rows.length;
  }

  /** Inserts a meeting the chair added; null when the committee already has one starting then. */
  async insertManual(manager: EntityManager, committeeId: string, times: MeetingTimes): Promise<string | null> {
    const [row] = await manager.query(
      `INSERT INTO meetings (committee_id, starts_at, ends_at, agenda_due_at, source)
       VALUES ($1, $2, $3, $4, 'manual')
       ON CONFLICT ON CONSTRAINT uq_meetings_committee_starts DO NOTHING
       RETURNING id`,
      [committeeId, times.startsAt, times.endsAt, times.agendaDueAt],
    );
    return row?.id ?? null;
  }

  /**
   * Records that the meeting has an agenda. The first publication's time stays: later versions do not move it. The
   * scheduler calls this after AgendaPublisher.publishFor; an agenda published on demand should call it too (in its
   * own transaction), so the scheduler does not publish another one at agenda_due_at.
   */
  async markAgendaPublished(manager: EntityManager, meetingId: string, at: Date): Promise<void> {
    await manager.query('UPDATE meetings SET agenda_published_at = COALESCE(agenda_published_at, $2) WHERE id = $1', [meetingId, at]);
  }

  async findRow(manager: EntityManager, id: string): Promise<MeetingRow | null> {
    const [row] = await manager.query(
      `SELECT v.*, c.name AS "committeeName", c.time_zone AS "timeZone"
         FROM (${VIEW_SELECT} WHERE m.id = $1) v
         JOIN committees c ON c.id = v."committeeId"`,
      [id],
    );
    return row ?? null;
  }

  async findView(id: string): Promise<MeetingViewDto | null> {
    const [row] = await this.dataSource.query(`${VIEW_SELECT} WHERE m.id = $1`, [id]);
    return row ?? null;
  }

  /**
   * A committee's meetings, keyset-paginated on starts_at, served by uq_meetings_committee_starts. starts_at is
   * unique within a committee, so it orders the rows completely; the id rides along in the cursor's usual shape.
   * Upcoming (not ended at `now`) soonest first, past (ended) latest first, all: earliest first.
   */
  page(filter: MeetingFilter): Promise<MeetingViewDto[]> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const clauses = [`m.committee_id = ${p(filter.committeeId)}`];
    const descending = filter.when?.is === 'past';
    if (filter.when) clauses.push(filter.when.is === 'past' ? `m.ends_at <= ${p(filter.when.now)}` : `m.ends_at > ${p(filter.when.now)}`);
    if (filter.source) clauses.push(`m.source = ${p(filter.source)}`);
    if (filter.after) clauses.push(`m.starts_at ${descending ? '<' : '>'} ${p(new Date(filter.after.at))}`);
    const order = descending ? 'DESC' : 'ASC';
    return this.dataSource.query(`${VIEW_SELECT} WHERE ${clauses.join(' AND ')} ORDER BY m.starts_at ${order} LIMIT ${p(filter.limit)}`, params);
  }
}
