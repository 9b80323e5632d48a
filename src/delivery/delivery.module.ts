import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { PublicLinkModule } from '../public/public-link.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { EmailChannel } from './channels/email.channel.js';
import { PortalChannel } from './channels/portal.channel.js';
import { StaffTaskChannel } from './channels/staff-task.channel.js';
import { DeliveryRepository } from './delivery.repository.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { OutboxService } from './outbox.service.js';

/** The only way out of the building: the dispatcher and its channels. Business features only write outbox rows. */
@Module({
  imports: [ComplaintsModule, PublicLinkModule, SlaModule, WebhooksModule],
  controllers: [OutboxController],
  providers: [OutboxDispatcher, DeliveryRepository, OutboxService, EmailChannel, PortalChannel, StaffTaskChannel],
  exports: [OutboxDispatcher],
})
export class DeliveryModule {}
