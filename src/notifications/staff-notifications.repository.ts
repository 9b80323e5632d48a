import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffNotificationEntity } from './staff-notification.entity.js';

/**
 * What a notification about one department's work is about: a complaint or a prevention action, never both
 * (ck_staff_notifications_subject). Agenda versions, the third subject, go to several departments at once.
 */
export type NotificationSubject = { complaintId: string; preventionActionId?: never } | { preventionActionId: string; complaintId?: never };

export type NewStaffNotification = NotificationSubject & {
  departmentId: string;
  kind: StaffNotificationEntity['kind'];
  body: string;
  dedupeKey: string;
  createdAt: Date;
};

@Injectable()
export class StaffNotificationsRepository {
  /** Tells a department's head, in the caller's transaction; the dedupe key keeps a retry from telling twice. */
  async notifyDepartment(manager: EntityManager, notification: NewStaffNotification): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(StaffNotificationEntity)
      .values({ ...notification, complaintId: notification.complaintId ?? null, preventionActionId: notification.preventionActionId ?? null })
      .orIgnore()
      .execute();
  }

  /**
   * Tells each member department that an agenda version was published, in the caller's transaction. The dedupe key
   * (one per version and department) keeps a retried transaction from telling twice. Answers how many were written.
   */
  async announceAgendaVersion(manager: EntityManager, n: { agendaVersionId: string; departmentIds: string[]; body: string; createdAt: Date }): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO staff_notifications (agenda_version_id, department_id, kind, body, created_at, dedupe_key)
       SELECT $1::uuid, d.id, 'agenda_published', $3, $4, 'agenda_published:' || $1::uuid || ':' || d.id
         FROM unnest($2::uuid[]) AS d(id)
       ON CONFLICT ON CONSTRAINT uq_staff_notifications_dedupe_key DO NOTHING
       RETURNING id`,
      [n.agendaVersionId, n.departmentIds, n.body, n.createdAt],
    );
    return rows.length;
  }
}
