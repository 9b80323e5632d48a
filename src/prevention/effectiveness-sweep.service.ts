import { Injectable, Logger } from '@nestjs/common';
import { WebhookEventsRepository } from '../webhooks/webhook-events.repository.js';
import { Cron, CronExpression } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ADVISORY_LOCKS, tryAdvisoryXactLock } from '../common/advisory-locks.js';
import { Clock } from '../common/clock.js';
import { StaffNotificationsRepository } from '../notifications/staff-notifications.repository.js';
import { DAY_MS, judge, type Judgement } from './effectiveness.js';
import { EffectivenessSweepRepository, type DueCheck } from './effectiveness-sweep.repository.js';
import { statusAfterCheck } from './prevention-workflow.js';

/** Each due check runs a count over complaints, so its batches are smaller than the overdue flag's. */
const CHECK_BATCH_SIZE = 100;
const OVERDUE_BATCH_SIZE = 500;

/** What one sweep did: checks recorded by verdict, and actions newly flagged overdue. */
export interface EffectivenessSweepCounts {
  effective: number;
  notEffective: number;
  insufficientData: number;
  overdue: number;
}

export interface EffectivenessSweepResult extends EffectivenessSweepCounts {
  skipped: boolean;
}

const NOTHING: EffectivenessSweepCounts = { effective: 0, notEffective: 0, insufficientData: 0, overdue: 0 };

/**
 * The scheduled side of "prevent recurrence": runs the effectiveness check of every action whose verification
 * window has ended, and tells owners about actions past their due date. Idempotent: a check moves its action out of
 * "due" in the same transaction, and a flag is set once per due date, so a second run finds nothing.
 */
@Injectable()
export class EffectivenessSweepService {
  private readonly logger = new Logger(EffectivenessSweepService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeps: EffectivenessSweepRepository,
    private readonly notifications: StaffNotificationsRepository,
    private readonly clock: Clock,
    private readonly webhookEvents: WebhookEventsRepository,
  ) {}

  /** Windows are days long, so ten minutes late is nothing; overdue is told within ten minutes. */
  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'prevention-effectiveness' })
  async tick(): Promise<void> {
    const r = await this.sweep();
    if (!r.skipped) {
      this.logger.log(
        `Effectiveness sweep: ${r.effective} effective, ${r.notEffective} not effective, ${r.insufficientData} with too little data; ` +
          `${r.overdue} prevention action(s) flagged overdue`,
      );
    }
  }

  /** Runs every due check and flags every overdue action, in batches, each its own short transaction under the lock. */
  async sweep(): Promise<EffectivenessSweepResult> {
    const now = this.clock.now();
    const total: EffectivenessSweepCounts = { ...NOTHING };
    let batches = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        if (!(await tryAdvisoryXactLock(manager, ADVISORY_LOCKS.effectivenessSweep))) return null;
        const due = await this.sweeps.lockDueChecks(manager, now, CHECK_BATCH_SIZE);
        const counts = { ...NOTHING };
        for (const action of due) {
          const verdict = await this.check(manager, action, now);
          if (verdict === 'effective') counts.effective++;
          else if (verdict === 'not_effective') counts.notEffective++;
          else counts.insufficientData++;
        }
        // After the checks, so an action found not effective in this batch is seen with its flag already set.
        counts.overdue = await this.sweeps.flagOverdue(manager, now, OVERDUE_BATCH_SIZE);
        return { counts, full: due.length === CHECK_BATCH_SIZE || counts.overdue === OVERDUE_BATCH_SIZE };
      });
      if (batch === null) return { skipped: batches === 0, ...total };
      batches++;
      for (const key of Object.keys(total) as (keyof EffectivenessSweepCounts)[]) total[key] += batch.counts[key];
      if (!batch.full) return { skipped: false, ...total };
    }
  }

  /** Records one check with its figures and moves the action on; tells the owner when it was not effective. */
  private async check(manager: EntityManager, action: DueCheck, now: Date): Promise<Judgement['verdict']> {
    const judgement = judge(
      { from: action.baselineFrom, to: action.baselineTo, count: action.baselineCount },
      { from: action.doneAt, to: action.verificationDueAt, count: action.afterCount },
      action.targetReductionPct,
    );
    const checkId = randomUUID();
    await this.sweeps.recordCheck(manager, {
      id: checkId,
      preventionActionId: action.id,
      checkedAt: now,
      baselineFrom: action.baselineFrom,
      baselineTo: action.baselineTo,
      baselineCount: action.baselineCount,
      afterFrom: action.doneAt,
      afterTo: action.verificationDueAt,
      afterCount: action.afterCount,
      targetReductionPct: action.targetReductionPct,
      reductionPct: judgement.reductionPct === null ? null : judgement.reductionPct.toFixed(2),
      verdict: judgement.verdict,
    });
    const notEffective = judgement.verdict === 'not_effective';
    const status = statusAfterCheck(judgement.verdict);
    await this.sweeps.concludeCheck(manager, action.id, {
      status,
      // Too little data: look again a window later; the after window then runs from done to the new due date.
      verificationDueAt:
        judgement.verdict === 'insufficient_data' ? new Date(action.verificationDueAt.getTime() + action.windowDays * DAY_MS) : action.verificationDueAt,
      // The not-effective notice already asks for a new due date: when the old one has passed, the overdue notice
      // for it would say the same thing again a moment later, so the flag is set here instead.
      overdueAt: notEffective && !action.overdueAt && action.dueAt.getTime() < now.getTime() ? now : action.overdueAt,
      version: action.version + 1,
      updatedAt: now,
    });
    if (status !== 'verifying') {
      await this.webhookEvents.emitPreventionStatusChanged(manager, { ...action, status, previousStatus: 'verifying', version: action.version + 1 }, now);
    }
    if (notEffective) {
      await this.notifications.notifyDepartment(manager, {
        preventionActionId: action.id,
        departmentId: action.ownerDepartmentId,
        kind: 'prevention_action_not_effective',
        body: notEffectiveMessage(action.title, judgement, action.targetReductionPct),
        dedupeKey: `prevention_action_not_effective:${checkId}`,
        createdAt: now,
      });
    }
    return judgement.verdict;
  }
}

/** Plain words for the owning department's head: what was measured and what to do next, no blame. */
function notEffectiveMessage(title: string, j: Judgement, targetReductionPct: number): string {
  const change = j.reductionPct! >= 0 ? `fell by ${j.reductionPct}%` : `rose by ${-j.reductionPct!}%`;
  return (
    `The effectiveness check of prevention action "${title}" found it not effective yet: matching complaints ${change} ` +
    `(from ${j.baseline.ratePer30Days} to ${j.after.ratePer30Days} per 30 days), against a target of ${targetReductionPct}% fewer. ` +
    `Plan the next step with a new due date; the figures stay with the action.`
  );
}
