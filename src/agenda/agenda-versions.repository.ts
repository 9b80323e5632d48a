import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgendaContent } from './agenda-content.js';
import type { AgendaTrigger } from './agenda-version.entity.js';

/** What generating a meeting's agenda needs to know of the meeting and its committee. */
export interface AgendaMeetingContext {
  id: string;
  startsAt: Date;
  committee: { id: string; name: string; cadence: string; timeZone: string };
  /** Departments only: a committee's members are departments, never people. Ordered by name. */
  memberDepartments: { id: string; name: string }[];
  previousStartsAt: Date | null;
  nextStartsAt: Date | null;
}

export interface NewAgendaVersion {
  meetingId: string;
  periodFrom: Date;
  periodTo: Date;
  content: AgendaContent;
  contentHash: string;
  trigger: AgendaTrigger;
  generatedAt: Date;
}

export interface AgendaVersionRow {
  id: string;
  meetingId: string;
  version: number;
  periodFrom: Date;
  periodTo: Date;
  content: AgendaContent;
  contentHash: string;
  trigger: AgendaTrigger;
  generatedAt: Date;
}

const VERSION_SELECT = `
  SELECT id, meeting_id AS "meetingId", version, period_from AS "periodFrom", period_to AS "periodTo", content,
         content_hash AS "contentHash", "trigger", generated_at AS "generatedAt"
    FROM agenda_versions`;

/*
 * The agenda's own statements: the meeting it is generated for, and the versions it stores. Every method takes the
 * caller's EntityManager (the generation is one transaction; reads may use the data source's manager).
 */
@Injectable()
export class AgendaVersionsRepository {
  /**
   * Locks the meeting's row until the transaction ends; false when there is no such meeting. Every generation of a
   * meeting's agenda takes this lock first (the scheduler holds it already: taking it again is a no-op), so versions
   * are numbered one after the other and two instances generating at once each add exactly one version.
   */
  async lockMeeting(manager: EntityManager, meetingId: string): Promise<boolean> {
    const rows = await manager.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
    return rows.length === 1;
  }

  /** The meeting, its committee and members, and its neighbours' starts (served by uq_meetings_committee_starts). */
  async findMeetingContext(manager: EntityManager, meetingId: string): Promise<AgendaMeetingContext | null> {
    const [row] = await manager.query(
      `SELECT m.id, m.starts_at AS "startsAt",
              json_build_object('id', c.id, 'name', c.name, 'cadence', c.cadence, 'timeZone', c.time_zone) AS committee,
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name, d.id)
                          FROM committee_members cm JOIN departments d ON d.id = cm.department_id
                         WHERE cm.committee_id = c.id), '[]'::json) AS "memberDepartments",
              (SELECT max(prev.starts_at) FROM meetings prev WHERE prev.committee_id = m.committee_id AND prev.starts_at < m.starts_at) AS "previousStartsAt",
              (SELECT min(next.starts_at) FROM meetings next WHERE next.committee_id = m.committee_id AND next.starts_at > m.starts_at) AS "nextStartsAt"
         FROM meetings m
         JOIN committees c ON c.id = m.committee_id
        WHERE m.id = $1`,
      [meetingId],
    );
    return row ?? null;
  }

  /**
   * Inserts the meeting's next version (1 for the first) and answers its id and number. Numbered from the versions
   * already there: the caller holds the meeting's row lock, which makes this read-then-insert safe; the unique key
   * uq_agenda_versions_meeting_version would refuse a duplicate number should a caller forget it.
   */
  async insertNext(manager: EntityManager, v: NewAgendaVersion): Promise<{ id: string; version: number }> {
    const [row] = await manager.query(
      `INSERT INTO agenda_versions (meeting_id, version, period_from, period_to, content, content_hash, "trigger", generated_at)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4::jsonb, $5, $6, $7
         FROM agenda_versions WHERE meeting_id = $1
       RETURNING id, version`,
      [v.meetingId, v.periodFrom, v.periodTo, JSON.stringify(v.content), v.contentHash, v.trigger, v.generatedAt],
    );
    return row;
  }

  /** A version of the meeting's agenda: the one numbered `version`, or the latest. Served by uq_agenda_versions_meeting_version. */
  async findVersion(manager: EntityManager, meetingId: string, version?: number): Promise<AgendaVersionRow | null> {
    const [row] =
      version === undefined
        ? await manager.query(`${VERSION_SELECT} WHERE meeting_id = $1 ORDER BY version DESC LIMIT 1`, [meetingId])
        : await manager.query(`${VERSION_SELECT} WHERE meeting_id = $1 AND version = $2`, [meetingId, version]);
    return row ?? null;
  }

  async meetingExists(manager: EntityManager, meetingId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM meetings WHERE id = $1', [meetingId]);
    return rows.length === 1;
  }
}
