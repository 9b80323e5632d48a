import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { EffectivenessSweepRepository } from './effectiveness-sweep.repository.js';
import { EffectivenessSweepService } from './effectiveness-sweep.service.js';
import { PreventionActionsController } from './prevention-actions.controller.js';
import { PreventionActionsRepository } from './prevention-actions.repository.js';
import { PreventionActionsService } from './prevention-actions.service.js';
import { PreventionEffectivenessService } from './prevention-effectiveness.service.js';

@Module({
  imports: [NotificationsModule, WebhooksModule],
  controllers: [PreventionActionsController],
  providers: [
    PreventionActionsService,
    PreventionActionsRepository,
    PreventionEffectivenessService,
    EffectivenessSweepService,
    EffectivenessSweepRepository,
  ],
  exports: [PreventionActionsService, PreventionActionsRepository, EffectivenessSweepService],
})
export class PreventionModule {}
