import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CustomerActionsController } from '../public/customer-actions.controller.js';
import { PublicLinkModule } from '../public/public-link.module.js';
import { CustomerActionsService } from './customer-actions.service.js';
import { CustomerUpdatesService } from './customer-updates.service.js';
import { MessageContext } from './message-context.js';
import { ResolutionController } from './resolution.controller.js';
import { ResolutionRepository } from './resolution.repository.js';
import { ResolutionService } from './resolution.service.js';

@Module({
  imports: [AdminModule, ComplaintsModule, NotificationsModule, PublicLinkModule],
  controllers: [ResolutionController, CustomerActionsController],
  providers: [ResolutionService, CustomerUpdatesService, CustomerActionsService, MessageContext, ResolutionRepository],
})
export class ResolutionModule {}
