import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { MeetingsRepository } from '../committees/meetings.repository.js';
import { MinutesRepository } from '../committees/minutes.repository.js';
import { KpisModule } from '../kpis/kpis.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SimilarComplaintsModule } from '../similar-complaints/similar-complaints.module.js';
import { AgendaSectionsRepository } from './agenda-sections.repository.js';
import { AgendaVersionsRepository } from './agenda-versions.repository.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

/**
 * The committee agenda: generating, storing and serving its versions (AgendaService, GET/POST
 * /api/meetings/:id/agenda), the SQL of its sections, and, as plain functions, the builder, the redaction and the
 * renderers. CommitteesModule imports this module and binds AgendaService as its AgendaPublisher, so this module must
 * not import CommitteesModule back: the two committee repositories it uses are stateless (they take the caller's
 * EntityManager, or only the DataSource), so it provides its own instances of them instead.
 */
@Module({
  imports: [SimilarComplaintsModule, KpisModule, NotificationsModule, WebhooksModule],
  controllers: [AgendaController],
  providers: [AgendaService, AgendaVersionsRepository, AgendaSectionsRepository, MeetingsRepository, MinutesRepository],
  exports: [AgendaService, AgendaSectionsRepository],
})
export class AgendaModule {}
