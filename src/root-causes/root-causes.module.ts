import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { PreventionModule } from '../prevention/prevention.module.js';
import { NoBlameGuardService } from './no-blame-guard.service.js';
import { PreventRecurrenceController } from './prevent-recurrence.controller.js';
import { PreventRecurrenceService } from './prevent-recurrence.service.js';
import { RootCausesController } from './root-causes.controller.js';
import { RootCausesRepository } from './root-causes.repository.js';
import { RootCausesService } from './root-causes.service.js';

@Module({
  imports: [PreventionModule, ComplaintsModule],
  controllers: [RootCausesController, PreventRecurrenceController],
  providers: [RootCausesService, RootCausesRepository, NoBlameGuardService, PreventRecurrenceService],
  exports: [NoBlameGuardService],
})
export class RootCausesModule {}
