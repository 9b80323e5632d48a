import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffNotificationEntity } from './staff-notification.entity.js';

@Injectable()
export class StaffNotificationsRepository {
  /** Tells a department's head, in the caller's transaction; the dedupe key keeps a retry from telling twice. */
  async notifyDepartment(
    manager: EntityManager,
    notification: { complaintId: string; departmentId: string; kind: StaffNotificationEntity['kind']; body: string; dedupeKey: string; createdAt: Date },
  ): Promise<void> {
    await manager.createQueryBuilder().insert().into(StaffNotificationEntity).values(notification).orIgnore().execute();
  }
}
