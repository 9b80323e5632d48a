import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS, tryAdvisoryXactLock } from '../common/advisory-locks.js';
import { KpisRepository } from './kpis.repository.js';

/** Enough for a busy minute many times over, in a transaction that stays short. */
const HOURS_PER_RUN = 2_000;

/**
 * Keeps kpi_hours small: every change appends delta rows (so that concurrent changes never wait on a shared
 * counter), and this folds each hour's rows into one. The figures are exact at any time whether it ran or not; it
 * only bounds how many rows a KPI request sums.
 */
@Injectable()
export class KpiCompactionService {
  private readonly logger = new Logger(KpiCompactionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly kpis: KpisRepository,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'kpi-compaction' })
  async tick(): Promise<void> {
    const hours = await this.compact();
    if (hours) this.logger.debug(`KPI aggregates: folded the deltas of ${hours} hour(s)`);
  }

  /** Folds the deltas of up to HOURS_PER_RUN hours; null when another instance is at it. */
  async compact(): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await tryAdvisoryXactLock(manager, ADVISORY_LOCKS.kpiCompaction))) return null;
      return this.kpis.compact(manager, HOURS_PER_RUN);
    });
  }
}
