import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles.js';
import type { CompleteStaffTaskDto } from './dto/complete-staff-task.dto.js';
import { StaffTasksService } from './staff-tasks.service.js';
import { decodeCursor, pageOf, type Page } from '../common/pagination.js';
import type { ListStaffNotificationsQuery } from './dto/list-staff-notifications.query.js';
import type { ListStaffTasksQuery } from './dto/list-staff-tasks.query.js';
import type { StaffNotificationDto } from './dto/staff-notification-page.dto.js';
import type { StaffTaskDto } from './dto/staff-task-page.dto.js';
import { StaffWorkRepository, type StaffNotificationRow } from './staff-work.repository.js';

/** The work the system raises for departments: keep-informed tasks, and notifications to their heads. */
@Injectable()
export class StaffWorkService {
  constructor(
    private readonly work: StaffWorkRepository,
    private readonly tasks: StaffTasksService,
  ) {}

  async completeTask(principal: Principal, id: string, dto: CompleteStaffTaskDto): Promise<StaffTaskDto> {
    await this.tasks.complete(principal, id, dto);
    return (await this.work.findTask(id))!;
  }

  async listTasks(query: ListStaffTasksQuery): Promise<Page<StaffTaskDto>> {
    const rows = await this.work.pageOfTasks({
      departmentId: query.departmentId,
      open: query.open,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    return pageOf(rows, query.limit);
  }

  async listNotifications(query: ListStaffNotificationsQuery): Promise<Page<StaffNotificationDto>> {
    const rows = await this.work.pageOfNotifications({
      departmentId: query.departmentId,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = pageOf(rows, query.limit);
    return { items: page.items.map(notificationItem), nextCursor: page.nextCursor };
  }
}

/**
 * An item names its subject: a complaint (complaintId, reference), a prevention action ({ id, title }) or a
 * committee agenda ({ meetingId, version }). The other subjects' keys are left out rather than null, so complaint
 * items keep the shape clients already read.
 */
function notificationItem(row: StaffNotificationRow): StaffNotificationDto {
  const subject = row.preventionActionId
    ? { preventionAction: { id: row.preventionActionId, title: row.preventionActionTitle! } }
    : row.agendaVersionId
      ? { agenda: { meetingId: row.meetingId!, version: row.agendaVersion! } }
      : { complaintId: row.complaintId!, reference: row.reference! };
  return { id: row.id, ...subject, kind: row.kind, departmentId: row.departmentId, body: row.body, createdAt: row.createdAt };
}
