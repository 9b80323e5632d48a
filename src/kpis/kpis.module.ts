import { Module } from '@nestjs/common';
import { KpiCompactionService } from './kpi-compaction.service.js';
import { KpisController } from './kpis.controller.js';
import { KpisRepository } from './kpis.repository.js';
import { KpisService } from './kpis.service.js';

/**
 * The committee's KPIs: GET /api/kpis, and KpisService.series for the agenda's charts. It depends on no feature
 * module (it reads their tables in SQL), so the committee's module can import it without a cycle.
 */
@Module({
  controllers: [KpisController],
  providers: [KpisService, KpisRepository, KpiCompactionService],
  exports: [KpisService],
})
export class KpisModule {}
