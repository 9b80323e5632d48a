import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { themePeriod } from '../similar-complaints/theme-period.js';
import type { KpisDto, PeriodKpisDto } from './dto/kpis.dto.js';
import type { KpisQuery } from './dto/kpis.query.js';
import { checkSeries, type Period } from './kpi-periods.js';
import { KpisRepository } from './kpis.repository.js';

/** The committee's KPIs (PRODUCT.md, the five checks; formulas in docs/kpis.md), for GET /api/kpis and the agenda. */
@Injectable()
export class KpisService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kpis: KpisRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The period asked for against the one of the same length just before it. The period rules are the themes' (a
   * year at most), so the agenda's KPI and theme sections can always cover the same periods.
   */
  async compare(query: KpisQuery): Promise<KpisDto> {
    const { previousFrom, from, to } = themePeriod(new Date(query.from), new Date(query.to));
    const [previous, current] = await this.series([
      { from: previousFrom, to: from },
      { from, to },
    ]);
    return { period: current.period, previousPeriod: previous.period, current: current.kpis, previous: previous.kpis };
  }

  /**
   * The KPIs of each period as they stand now (e.g. precedingPeriods(from, to, 6) for the agenda's charts), every
   * period in the same statements. Inside the caller's transaction when given one (the agenda is generated in its
   * own); otherwise in a REPEATABLE READ transaction of its own, so that every block reads the same snapshot and,
   * say, the refusals disputed never outnumber the refusals because a dispute committed between two statements.
   */
  async series(periods: readonly Period[], manager?: EntityManager): Promise<PeriodKpisDto[]> {
    checkSeries(periods);
    const asOf = this.clock.now();
    if (manager) return this.kpis.series(manager, periods, asOf);
    return this.dataSource.transaction('REPEATABLE READ', (snapshot) => this.kpis.series(snapshot, periods, asOf));
  }
}
