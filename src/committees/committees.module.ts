import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { AgendaService } from '../agenda/agenda.service.js';
import { PreventionModule } from '../prevention/prevention.module.js';
import { RootCausesModule } from '../root-causes/root-causes.module.js';
import { AgendaPublisher } from './agenda-publisher.js';
import { CommitteeSchedulerRepository } from './committee-scheduler.repository.js';
import { CommitteeSchedulerService } from './committee-scheduler.service.js';
import { CommitteesController } from './committees.controller.js';
import { CommitteesRepository } from './committees.repository.js';
import { CommitteesService } from './committees.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesService } from './minutes.service.js';

@Module({
  imports: [PreventionModule, RootCausesModule, AgendaModule],
  controllers: [CommitteesController, MeetingsController],
  providers: [
    CommitteesService,
    CommitteesRepository,
    MeetingsService,
    MeetingsRepository,
    MinutesService,
    MinutesRepository,
    CommitteeSchedulerService,
    CommitteeSchedulerRepository,
    // The agenda seam (agenda-publisher.ts): the scheduler publishes due agendas through the agenda module's service.
    { provide: AgendaPublisher, useExisting: AgendaService },
  ],
  exports: [MeetingsRepository, MinutesRepository, MinutesService, CommitteeSchedulerService],
})
export class CommitteesModule {}
