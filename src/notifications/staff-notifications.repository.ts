import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffNotificationEntity } from './staff-notification.entity.js';

/** What a notification is about: a complaint or a prevention action, never both (ck_staff_notifications_subject). */
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
}
