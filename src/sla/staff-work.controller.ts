import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { ListStaffNotificationsQuery } from './dto/list-staff-notifications.query.js';
import { ListStaffTasksQuery } from './dto/list-staff-tasks.query.js';
import { StaffNotificationPageDto } from './dto/staff-notification-page.dto.js';
import { StaffTaskPageDto } from './dto/staff-task-page.dto.js';
import { StaffWorkService } from './staff-work.service.js';

/** Those who resolve complaints do the tasks; heads and admins oversee them. */
const TASK_READERS = ['resolver', 'department_head', 'admin'] as const;
/** Notifications are addressed to department heads. */
const NOTIFICATION_READERS = ['department_head', 'admin'] as const;

@ApiTags('staff work')
@ApiBearerAuth()
@Controller('api')
export class StaffWorkController {
  constructor(private readonly work: StaffWorkService) {}

  @Get('staff-tasks')
  @Roles(...TASK_READERS)
  @ApiOperation({ summary: 'Tasks the system raised for departments (e.g. a customer owed news), newest first, with keyset pagination' })
  @ApiOkResponse({ type: StaffTaskPageDto })
  listTasks(@Query() query: ListStaffTasksQuery) {
    return this.work.listTasks(query);
  }

  @Get('staff-notifications')
  @Roles(...NOTIFICATION_READERS)
  @ApiOperation({ summary: "Notifications to departments' heads (at risk, resolution breached, …), newest first, with keyset pagination" })
  @ApiOkResponse({ type: StaffNotificationPageDto })
  listNotifications(@Query() query: ListStaffNotificationsQuery) {
    return this.work.listNotifications(query);
  }
}
