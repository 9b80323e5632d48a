import { Module } from '@nestjs/common';
import { PreventionActionsRepository } from './prevention-actions.repository.js';
import { PreventionActionsService } from './prevention-actions.service.js';

@Module({
  providers: [PreventionActionsService, PreventionActionsRepository],
  exports: [PreventionActionsService, PreventionActionsRepository],
})
export class PreventionModule {}
