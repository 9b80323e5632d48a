import { Module } from '@nestjs/common';
import { SlaSweepRepository } from './sla-sweep.repository.js';
import { SlaSweepService } from './sla-sweep.service.js';
import { StaffWorkController } from './staff-work.controller.js';
import { StaffWorkRepository } from './staff-work.repository.js';
import { StaffWorkService } from './staff-work.service.js';
import { StaffTasksRepository } from './staff-tasks.repository.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { StaffTasksService } from './staff-tasks.service.js';

@Module({
  imports: [WebhooksModule, ComplaintsModule, NotificationsModule, SettingsModule],
  controllers: [StaffWorkController],
  providers: [SlaSweepService, SlaSweepRepository, StaffWorkService, StaffWorkRepository, StaffTasksRepository, StaffTasksService],
  exports: [SlaSweepService, StaffTasksRepository],
})
export class SlaModule {}
