import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { EmpathyGuardModule } from '../empathy-guard/empathy-guard.module.js';
import { PublicLinkModule } from '../public/public-link.module.js';
import { CustomerMessenger } from './customer-messenger.js';
import { KeepInformedRepository } from './keep-informed.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { StaffNotificationsRepository } from './staff-notifications.repository.js';

@Module({
  imports: [AdminModule, EmpathyGuardModule, PublicLinkModule],
  providers: [OutboxRepository, CustomerMessenger, KeepInformedRepository, StaffNotificationsRepository],
  exports: [OutboxRepository, CustomerMessenger, StaffNotificationsRepository],
})
export class NotificationsModule {}
