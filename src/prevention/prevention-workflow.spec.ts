import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PREVENTION_ACTION_STATUSES, type PreventionActionStatus } from './prevention-action.entity.js';
import { allowedNextStatuses, canChange, isOverdue, requestStatus, statusAfterCheck, UNFINISHED_STATUSES } from './prevention-workflow.js';

const statuses = fc.constantFrom(...PREVENTION_ACTION_STATUSES);

/** Statuses stored after any sequence of the owner's requests and check verdicts, from `from`. */
function reachable(from: PreventionActionStatus): Set<PreventionActionStatus> {
  const seen = new Set<PreventionActionStatus>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const status = queue.shift()!;
    const next = allowedNextStatuses(status).map((requested) => requestStatus(status, requested)!.status);
    if (status === 'verifying') next.push(...(['effective', 'not_effective', 'insufficient_data'] as const).map(statusAfterCheck));
    for (const n of next) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

describe('prevention action workflow', () => {
  it('goes planned → in_progress → done, and done starts verification at once', () => {
    expect(requestStatus('planned', 'in_progress')).toEqual({ status: 'in_progress', startsVerification: false, replans: false });
    expect(requestStatus('in_progress', 'done')).toEqual({ status: 'verifying', startsVerification: true, replans: false });
  });

  it('does not skip steps or go backwards while the work runs', () => {
    expect(requestStatus('planned', 'done')).toBeNull();
    expect(requestStatus('in_progress', 'planned')).toBeNull();
  });

  it('lets nobody set verifying, effective or not_effective by hand, from any status', () => {
    for (const from of PREVENTION_ACTION_STATUSES) {
      for (const to of ['verifying', 'effective', 'not_effective', 'done'] as const) {
        if (to === 'done' && from === 'in_progress') continue;
        expect({ from, to, change: requestStatus(from, to) }).toEqual({ from, to, change: null });
      }
    }
  });

  it('leaves verifying only through a check, and effective never', () => {
    expect(allowedNextStatuses('verifying')).toEqual([]);
    expect(allowedNextStatuses('effective')).toEqual([]);
    expect(statusAfterCheck('effective')).toBe('effective');
    expect(statusAfterCheck('not_effective')).toBe('not_effective');
    expect(statusAfterCheck('insufficient_data')).toBe('verifying');
  });

  it('sends a not-effective action back to planning, marking that a new due date is needed', () => {
    expect(allowedNextStatuses('not_effective')).toEqual(['in_progress', 'planned']);
    expect(requestStatus('not_effective', 'in_progress')).toEqual({ status: 'in_progress', startsVerification: false, replans: true });
    expect(requestStatus('not_effective', 'planned')).toEqual({ status: 'planned', startsVerification: false, replans: true });
  });

  it('every status that is not final can still end effective', () => {
    for (const status of PREVENTION_ACTION_STATUSES.filter((s) => s !== 'done' && s !== 'effective')) {
      expect({ status, effective: reachable(status).has('effective') }).toEqual({ status, effective: true });
    }
  });

  it('never stores done', () => {
    for (const status of PREVENTION_ACTION_STATUSES) expect(reachable(status === 'done' ? 'planned' : status).has('done')).toBe(false);
  });

  it('allowedNextStatuses and requestStatus agree for every pair', () => {
    fc.assert(
      fc.property(statuses, statuses, (from, to) => {
        expect(allowedNextStatuses(from).includes(to)).toBe(requestStatus(from, to) !== null);
      }),
    );
  });

  it('fixes the success criterion once work starts, and the due date once done', () => {
    expect(PREVENTION_ACTION_STATUSES.filter((s) => canChange('successCriterion', s))).toEqual(['planned']);
    expect(PREVENTION_ACTION_STATUSES.filter((s) => canChange('dueAt', s))).toEqual([...UNFINISHED_STATUSES]);
  });

  describe('overdue', () => {
    const due = new Date('2026-12-01T17:00:00Z');

    it('is overdue only after the due date has passed, not at it', () => {
      expect(isOverdue('in_progress', due, new Date('2026-12-01T17:00:00Z'))).toBe(false);
      expect(isOverdue('in_progress', due, new Date('2026-12-01T17:00:00.001Z'))).toBe(true);
    });

    it('is only about unfinished work', () => {
      fc.assert(
        fc.property(statuses, fc.integer({ min: -1e10, max: 1e10 }), (status, offset) => {
          const now = new Date(due.getTime() + offset);
          const overdue = isOverdue(status, due, now);
          if (!(UNFINISHED_STATUSES as readonly string[]).includes(status)) expect(overdue).toBe(false);
          else expect(overdue).toBe(offset > 0);
        }),
      );
    });
  });
});
