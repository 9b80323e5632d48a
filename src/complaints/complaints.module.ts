import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { AdminModule } from '../admin/admin.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PublicLinkModule } from '../public/public-link.module.js';
import { SimilarComplaintsModule } from '../similar-complaints/similar-complaints.module.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintTransitions } from './complaint-transitions.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintsService } from './complaints.service.js';

@Module({
  imports: [AdminModule, NotificationsModule, PublicLinkModule, SimilarComplaintsModule, WebhooksModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintsRepository, ComplaintTransitions],
  exports: [ComplaintsRepository, ComplaintTransitions, ComplaintsService],
})
export class ComplaintsModule {}
