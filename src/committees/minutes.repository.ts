import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';
import type { MinutesViewDto } from './dto/meeting-view.dto.js';

/** A decision of the previous meeting, with its prevention action as it stands now. */
export interface FollowUp {
  decisionId: string;
  position: number;
  text: string;
  preventionAction: {
    id: string;
    title: string;
    status: PreventionActionStatus;
    dueAt: Date;
    ownerDepartment: { id: string; name: string };
  } | null;
}

/** What the agenda lists under "follow-ups from the last meeting". */
export interface FollowUps {
  /** The committee's latest meeting before this one that has minutes; null when there is none. */
  previousMeeting: { id: string; startsAt: Date } | null;
  decisions: FollowUp[];
}

/*
 * Queries of a meeting's minutes. Every method takes the caller's EntityManager and the class needs nothing
 * injected, so the agenda module can list it among its own providers without importing CommitteesModule.
 */
@Injectable()
export class MinutesRepository {
  /** Claims the meeting's minutes; false when they were recorded already (by this or a concurrent request). */
  async insertMinutes(manager: EntityManager, meetingId: string, recordedAt: Date): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO meeting_minutes (meeting_id, recorded_at) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT pk_meeting_minutes DO NOTHING
       RETURNING meeting_id`,
      [meetingId, recordedAt],
    );
    return rows.length === 1;
  }

  async hasMinutes(manager: EntityManager, meetingId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM meeting_minutes WHERE meeting_id = $1', [meetingId]);
    return rows.length > 0;
  }

  async insertAttendees(manager: EntityManager, meetingId: string, departmentIds: string[]): Promise<void> {
    await manager.query('INSERT INTO meeting_attendees (meeting_id, department_id) SELECT $1, unnest($2::uuid[])', [meetingId, departmentIds]);
  }

  async insertDecision(manager: EntityManager, decision: { meetingId: string; position: number; text: string; preventionActionId: string | null }): Promise<void> {
    await manager.query('INSERT INTO meeting_decisions (meeting_id, position, text, prevention_action_id) VALUES ($1, $2, $3, $4)', [
      decision.meetingId,
      decision.position,
      decision.text,
      decision.preventionActionId,
    ]);
  }

  async findView(manager: EntityManager, meetingId: string): Promise<MinutesViewDto | null> {
    const [row] = await manager.query(
      `SELECT mm.meeting_id AS "meetingId", mm.recorded_at AS "recordedAt",
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.name, d.id)
                          FROM meeting_attendees a JOIN departments d ON d.id = a.department_id
                         WHERE a.meeting_id = mm.meeting_id), '[]'::json) AS "attendeeDepartments",
              COALESCE((SELECT json_agg(json_build_object(
                                 'id', md.id, 'position', md.position, 'text', md.text,
                                 'preventionAction', CASE WHEN pa.id IS NULL THEN NULL
                                                          ELSE json_build_object('id', pa.id, 'title', pa.title, 'status', pa.status) END)
                                 ORDER BY md.position)
                          FROM meeting_decisions md LEFT JOIN prevention_actions pa ON pa.id = md.prevention_action_id
                         WHERE md.meeting_id = mm.meeting_id), '[]'::json) AS "decisions"
         FROM meeting_minutes mm
        WHERE mm.meeting_id = $1`,
      [meetingId],
    );
    return row ?? null;
  }

  /**
   * The follow-ups for a meeting's agenda: the decisions of the committee's latest earlier meeting that has minutes
   * (a meeting that was not held, or whose minutes are missing, does not hide the decisions before it), each with
   * its prevention action's current status. Departments only: minutes never name staff.
   */
  async followUpsFor(manager: EntityManager, meetingId: string): Promise<FollowUps> {
    const [previous] = await manager.query(
      `SELECT prev.id, prev.starts_at AS "startsAt"
         FROM meetings this
         JOIN meetings prev ON prev.committee_id = this.committee_id AND prev.starts_at < this.starts_at
         JOIN meeting_minutes mm ON mm.meeting_id = prev.id
        WHERE this.id = $1
        ORDER BY prev.starts_at DESC
        LIMIT 1`,
      [meetingId],
    );
    if (!previous) return { previousMeeting: null, decisions: [] };
    const rows: {
      decisionId: string;
      position: number;
      text: string;
      actionId: string | null;
      title: string;
      status: PreventionActionStatus;
      dueAt: Date;
      departmentId: string;
      departmentName: string;
    }[] = await manager.query(
      `SELECT md.id AS "decisionId", md.position, md.text,
              pa.id AS "actionId", pa.title, pa.status, pa.due_at AS "dueAt", d.id AS "departmentId", d.name AS "departmentName"
         FROM meeting_decisions md
         LEFT JOIN prevention_actions pa ON pa.id = md.prevention_action_id
         LEFT JOIN departments d ON d.id = pa.owner_department_id
        WHERE md.meeting_id = $1
        ORDER BY md.position`,
      [previous.id],
    );
    return {
      previousMeeting: { id: previous.id, startsAt: previous.startsAt },
      decisions: rows.map((row) => ({
        decisionId: row.decisionId,
        position: row.position,
        text: row.text,
        preventionAction:
          row.actionId === null
            ? null
            : { id: row.actionId, title: row.title, status: row.status, dueAt: row.dueAt, ownerDepartment: { id: row.departmentId, name: row.departmentName } },
      })),
    };
  }
}
