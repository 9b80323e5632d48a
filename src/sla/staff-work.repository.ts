import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeysetPosition } from '../common/pagination.js';
import type { StaffNotificationKind } from '../notifications/staff-notification.entity.js';
import type { StaffTaskDto } from './dto/staff-task-page.dto.js';

export interface StaffTaskFilter {
  departmentId?: string;
  open?: boolean;
  after?: KeysetPosition;
  limit: number;
}

/** A notification as stored, with its subject's name: a complaint's reference or a prevention action's title. */
export interface StaffNotificationRow {
  id: string;
  complaintId: string | null;
  reference: string | null;
  preventionActionId: string | null;
  preventionActionTitle: string | null;
  agendaVersionId: string | null;
  meetingId: string | null;
  agendaVersion: number | null;
  kind: StaffNotificationKind;
  departmentId: string;
  body: string;
  createdAt: Date;
}

export interface StaffNotificationFilter {
  departmentId?: string;
  after?: KeysetPosition;
  limit: number;
}

/** Collects positional parameters while a WHERE clause is built, so values never enter the SQL text. */
class Conditions {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: (p: (value: unknown) => string) => string): void {
    this.clauses.push(clause((value) => `$${this.params.push(value)}`));
  }

  where(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** A task as its department reads it: for a call, text or letter, the number or address and the words to say. */
const TASK_COLUMNS = `t.id, t.complaint_id AS "complaintId", c.reference, t.kind, t.department_id AS "departmentId",
              m.purpose, t.address, t.contact_instructions AS "contactInstructions", m.body AS message, m.language,
              t.attempt, t.due_at AS "dueAt", t.created_at AS "createdAt", t.done_at AS "doneAt", t.outcome`;

/** What the sweep (and the workflow) raised for departments, as their people read it: newest first, keyset-paginated. */
@Injectable()
export class StaffWorkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pageOfTasks(filter: StaffTaskFilter): Promise<StaffTaskDto[]> {
    const where = new Conditions();
    if (filter.departmentId) where.add((p) => `t.department_id = ${p(filter.departmentId)}`);
    if (filter.open !== undefined) where.add(() => `t.done_at IS ${filter.open ? '' : 'NOT '}NULL`);
    if (filter.after) where.add((p) => `(t.created_at, t.id) < (${p(new Date(filter.after!.at))}, ${p(filter.after!.id)})`);
    return this.dataSource.query(
      `SELECT ${TASK_COLUMNS}
         FROM staff_tasks t
         JOIN complaints c ON c.id = t.complaint_id
         LEFT JOIN outbox_messages m ON m.id = t.outbox_message_id
         ${where.where()}
        ORDER BY t.created_at DESC, t.id DESC
        LIMIT $${where.params.length + 1}`,
      [...where.params, filter.limit],
    );
  }

  async findTask(id: string): Promise<StaffTaskDto | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS}
         FROM staff_tasks t
         JOIN complaints c ON c.id = t.complaint_id
         LEFT JOIN outbox_messages m ON m.id = t.outbox_message_id
        WHERE t.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A notification is about a complaint, a prevention action or an agenda version (ck_staff_notifications_subject): all are left-joined. */
  async pageOfNotifications(filter: StaffNotificationFilter): Promise<StaffNotificationRow[]> {
    const where = new Conditions();
    if (filter.departmentId) where.add((p) => `n.department_id = ${p(filter.departmentId)}`);
    if (filter.after) where.add((p) => `(n.created_at, n.id) < (${p(new Date(filter.after!.at))}, ${p(filter.after!.id)})`);
    return this.dataSource.query(
      `SELECT n.id, n.complaint_id AS "complaintId", c.reference,
              n.prevention_action_id AS "preventionActionId", pa.title AS "preventionActionTitle",
              n.agenda_version_id AS "agendaVersionId", av.meeting_id AS "meetingId", av.version AS "agendaVersion",
              n.kind, n.department_id AS "departmentId", n.body, n.created_at AS "createdAt"
         FROM staff_notifications n
         LEFT JOIN complaints c ON c.id = n.complaint_id
         LEFT JOIN prevention_actions pa ON pa.id = n.prevention_action_id
         LEFT JOIN agenda_versions av ON av.id = n.agenda_version_id
         ${where.where()}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $${where.params.length + 1}`,
      [...where.params, filter.limit],
    );
  }
}
