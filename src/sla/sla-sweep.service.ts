import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS, tryAdvisoryXactLock } from '../common/advisory-locks.js';
import { Clock } from '../common/clock.js';
import { SlaSweepRepository } from './sla-sweep.repository.js';

const BATCH_SIZE = 500;

/** What one sweep recorded; each count is of complaints newly flagged (or tasks newly raised) by this sweep. */
export interface SweepCounts {
  firstResponseBreaches: number;
  atRisk: number;
  resolutionBreaches: number;
  keepInformedTasks: number;
}

export interface SweepResult extends SweepCounts {
  skipped: boolean;
}

const NOTHING: SweepCounts = { firstResponseBreaches: 0, atRisk: 0, resolutionBreaches: 0, keepInformedTasks: 0 };

@Injectable()
export class SlaSweepService {
  private readonly logger = new Logger(SlaSweepService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeps: SlaSweepRepository,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'sla-sweep' })
  async tick(): Promise<void> {
    const r = await this.sweep();
    if (!r.skipped) {
      this.logger.log(
        `SLA sweep: ${r.firstResponseBreaches} first-response breach(es), ${r.atRisk} at risk, ` +
          `${r.resolutionBreaches} resolution breach(es), ${r.keepInformedTasks} keep-informed task(s) recorded`,
      );
    }
  }

  /**
   * Records every breach, at-risk flag and keep-informed task due by now, in batches; each batch is its own short
   * transaction under the sweep's lock and runs every check once, until none fills its batch.
   */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const total: SweepCounts = { ...NOTHING };
    let batches = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager): Promise<SweepCounts | null> => {
        if (!(await tryAdvisoryXactLock(manager, ADVISORY_LOCKS.slaSweep))) return null;
        // In this order, so that a complaint found past both moments reads "at risk" before "breached".
        return {
          firstResponseBreaches: await this.sweeps.recordFirstResponseBreaches(manager, now, BATCH_SIZE),
          atRisk: await this.sweeps.flagAtRisk(manager, now, BATCH_SIZE),
          resolutionBreaches: await this.sweeps.recordResolutionBreaches(manager, now, BATCH_SIZE),
          keepInformedTasks: await this.sweeps.raiseKeepInformedTasks(manager, now, BATCH_SIZE),
        };
      });
      if (batch === null) return { skipped: batches === 0, ...total };
      batches++;
      for (const key of Object.keys(total) as (keyof SweepCounts)[]) total[key] += batch[key];
      if (Object.values(batch).every((n) => n < BATCH_SIZE)) return { skipped: false, ...total };
    }
  }
}
