import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/roles.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { CompleteStaffTaskDto } from './dto/complete-staff-task.dto.js';
import { StaffTaskDto } from './dto/staff-task-page.dto.js';
import { Roles } from '../auth/roles.decorator.js';
import { ListStaffNotificationsQuery } from './dto/list-staff-notifications.query.js';
import { ListStaffTasksQuery } from './dto/list-staff-tasks.query.js';
import { StaffNotificationPageDto } from './dto/staff-notification-page.dto.js';
import { StaffTaskPageDto } from './dto/staff-task-page.dto.js';
import { StaffWorkService } from './staff-work.service.js';

/**
 * First-line staff and resolvers make the calls, texts and letters (so does the support desk, through an API client
 * with one of these roles); heads and admins oversee them.
 */
const TASK_READERS = ['agent', 'resolver', 'department_head', 'admin'] as const;
const TASK_DOERS = ['agent', 'resolver', 'department_head'] as const;
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

  @Post('staff-tasks/:id/done')
  @Roles(...TASK_DOERS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record how a call, text or letter went; no answer raises the next call, and after the last one (or a wrong number or address) the message goes to the customer’s next stated contact',
  })
  @ApiOkResponse({ type: StaffTaskDto })
  @ApiResponse({ status: 409, description: 'STAFF_TASK_ALREADY_DONE, or STAFF_TASK_DONE_BY_UPDATE for a keep-informed task' })
  completeTask(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string, @Body() dto: CompleteStaffTaskDto) {
    return this.work.completeTask(principal, id, dto);
  }

  @Get('staff-notifications')
  @Roles(...NOTIFICATION_READERS)
  @ApiOperation({ summary: "Notifications to departments' heads (at risk, resolution breached, …), newest first, with keyset pagination" })
  @ApiOkResponse({ type: StaffNotificationPageDto })
  listNotifications(@Query() query: ListStaffNotificationsQuery) {
    return this.work.listNotifications(query);
  }
}
