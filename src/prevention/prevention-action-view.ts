import type { EffectivenessCheckDto, EffectivenessViewDto } from './dto/effectiveness-view.dto.js';
import type { PreventionActionViewDto } from './dto/prevention-action-view.dto.js';
import type { EffectivenessCheckEntity } from './effectiveness-check.entity.js';
import { figuresOf, judge, type Window } from './effectiveness.js';
import type { PreventionActionRow } from './prevention-actions.repository.js';
import { isOverdue } from './prevention-workflow.js';

/** What the API shows of an action; `overdue` is read against the clock, not the sweep's flag, so it is never late. */
export function preventionActionView(row: PreventionActionRow, now: Date): PreventionActionViewDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    causeCode: row.causeCode,
    categoryCode: row.categoryCode,
    ownerDepartment: { id: row.ownerDepartmentId, name: row.ownerDepartmentName },
    dueAt: row.dueAt,
    successCriterion: { targetReductionPct: row.targetReductionPct, windowDays: row.windowDays },
    status: row.status,
    baseline: figuresOf(baselineOf(row)),
    doneAt: row.doneAt,
    verificationDueAt: row.verificationDueAt,
    overdue: isOverdue(row.status, row.dueAt, now),
    linkedComplaints: row.linkedComplaints,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function baselineOf(row: Pick<PreventionActionRow, 'baselineFrom' | 'baselineTo' | 'baselineCount'>): Window {
  return { from: row.baselineFrom, to: row.baselineTo, count: row.baselineCount };
}

export function checkView(check: EffectivenessCheckEntity): EffectivenessCheckDto {
  return {
    id: check.id,
    checkedAt: check.checkedAt,
    baseline: figuresOf({ from: check.baselineFrom, to: check.baselineTo, count: check.baselineCount }),
    after: figuresOf({ from: check.afterFrom, to: check.afterTo, count: check.afterCount }),
    targetReductionPct: check.targetReductionPct,
    reductionPct: check.reductionPct === null ? null : Number(check.reductionPct),
    verdict: check.verdict,
  };
}

/**
 * The effectiveness of an action. While verifying, `after` is the figures so far (`soFar`: from done to now, at most
 * to the check's due date) and the verdict is pending until this verification's first check (a check with too
 * little data shows as such while the window runs on). Otherwise the latest check speaks: after a verdict, and
 * after going back to planning (its verdict stays visible until the next done). Before any check: pending.
 */
export function effectivenessView(row: PreventionActionRow, checks: EffectivenessCheckEntity[], soFar: Window | null): EffectivenessViewDto {
  const baseline = baselineOf(row);
  const views = checks.map(checkView);
  const common = { windowDays: row.windowDays, targetReductionPct: row.targetReductionPct, baseline: figuresOf(baseline), checks: views };
  const [latest] = checks;
  if (row.status === 'verifying' && soFar) {
    const thisVerification = latest && row.doneAt && latest.afterFrom.getTime() === row.doneAt.getTime() ? latest : undefined;
    const figures = judge(baseline, soFar, row.targetReductionPct);
    return {
      ...common,
      after: figures.after,
      reductionPct: figures.reductionPct,
      verdict: thisVerification?.verdict ?? 'pending',
      checkedAt: thisVerification?.checkedAt ?? null,
    };
  }
  if (latest) return { ...common, after: views[0].after, reductionPct: views[0].reductionPct, verdict: latest.verdict, checkedAt: latest.checkedAt };
  return { ...common, after: null, reductionPct: null, verdict: 'pending', checkedAt: null };
}
