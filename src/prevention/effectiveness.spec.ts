import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DAY_MS, figuresOf, judge, MIN_BASELINE_COMPLAINTS, REDUCTION_PCT_FLOOR, type Window } from './effectiveness.js';

const DONE = new Date('2026-06-01T12:00:00Z');
const CREATED = new Date('2026-03-01T12:00:00Z');

/** A window of `days` ending at `to` (the baseline) or starting at `from` (after done). */
const before = (days: number, count: number, to = CREATED): Window => ({ from: new Date(to.getTime() - days * DAY_MS), to, count });
const after = (days: number, count: number, from = DONE): Window => ({ from, to: new Date(from.getTime() + days * DAY_MS), count });

describe('effectiveness verdict', () => {
  it('compares rates per 30 days: 30 in 90 days is 10 a month; 12 in 90 days after is a 60% fall', () => {
    const j = judge(before(90, 30), after(90, 12), 50);
    expect(j.baseline.ratePer30Days).toBe(10);
    expect(j.after.ratePer30Days).toBe(4);
    expect(j.reductionPct).toBe(60);
    expect(j.verdict).toBe('effective');
  });

  it('is effective exactly at the target and not just below it', () => {
    expect(judge(before(30, 10), after(30, 5), 50)).toMatchObject({ reductionPct: 50, verdict: 'effective' });
    expect(judge(before(30, 10), after(30, 6), 50)).toMatchObject({ reductionPct: 40, verdict: 'not_effective' });
    expect(judge(before(90, 300), after(90, 151), 50)).toMatchObject({ reductionPct: 49.67, verdict: 'not_effective' });
  });

  it('reports a rise as a negative reduction', () => {
    expect(judge(before(30, 10), after(30, 15), 20)).toMatchObject({ reductionPct: -50, verdict: 'not_effective' });
  });

  it('compares windows of different lengths by their rates (an after window extended to two windows)', () => {
    const j = judge(before(30, 10), after(60, 10), 50);
    expect(j.after.ratePer30Days).toBe(5);
    expect(j).toMatchObject({ reductionPct: 50, verdict: 'effective' });
  });

  it(`gives no verdict on a baseline of fewer than ${MIN_BASELINE_COMPLAINTS} complaints, whatever happened after`, () => {
    expect(judge(before(30, MIN_BASELINE_COMPLAINTS - 1), after(30, 0), 50)).toMatchObject({ reductionPct: 100, verdict: 'insufficient_data' });
    expect(judge(before(30, MIN_BASELINE_COMPLAINTS), after(30, 0), 50)).toMatchObject({ reductionPct: 100, verdict: 'effective' });
  });

  it('has no reduction when the baseline was zero: there was nothing to reduce', () => {
    expect(judge(before(30, 0), after(30, 3), 10)).toMatchObject({ reductionPct: null, verdict: 'insufficient_data' });
  });

  it('has no rate for a window with no length yet (just done)', () => {
    expect(figuresOf({ from: DONE, to: DONE, count: 0 }).ratePer30Days).toBeNull();
    expect(judge(before(30, 10), { from: DONE, to: DONE, count: 0 }, 50)).toMatchObject({ reductionPct: null, verdict: 'insufficient_data' });
  });

  it('rounds rates to 2 decimals', () => {
    expect(figuresOf(before(90, 10)).ratePer30Days).toBe(3.33);
  });

  it('reports an enormous rise as the floor the database can store', () => {
    expect(judge(before(730, 5), after(7, 100_000), 50)).toMatchObject({ reductionPct: REDUCTION_PCT_FLOOR, verdict: 'not_effective' });
  });

  describe('invariants', () => {
    const windowDays = fc.integer({ min: 7, max: 730 });
    const count = fc.integer({ min: 0, max: 100_000 });
    const target = fc.integer({ min: 1, max: 100 });

    it('the reduction is at most 100%, within what the database stores, and exactly 100% when nothing recurred', () => {
      fc.assert(
        fc.property(windowDays, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 4 }), count, (days, baseline, stretch, later) => {
          const j = judge(before(days, baseline), after(days * stretch, later), 50);
          expect(j.reductionPct).not.toBeNull();
          expect(j.reductionPct!).toBeLessThanOrEqual(100);
          expect(j.reductionPct!).toBeGreaterThanOrEqual(REDUCTION_PCT_FLOOR);
          if (later === 0) expect(j.reductionPct).toBe(100);
        }),
      );
    });

    it('with enough baseline, effective exactly when the reported reduction meets the target', () => {
      fc.assert(
        fc.property(windowDays, fc.integer({ min: MIN_BASELINE_COMPLAINTS, max: 100_000 }), count, target, (days, baseline, later, pct) => {
          const j = judge(before(days, baseline), after(days, later), pct);
          expect(j.verdict).toBe(j.reductionPct! >= pct ? 'effective' : 'not_effective');
        }),
      );
    });

    it('over equal windows, a count that falls by exactly the target is effective (no float noise at the boundary)', () => {
      fc.assert(
        fc.property(windowDays, fc.integer({ min: 1, max: 1000 }), target, (days, unit, pct) => {
          // baseline = 100 units, after = (100 - pct) units: exactly pct% fewer.
          expect(judge(before(days, 100 * unit), after(days, (100 - pct) * unit), pct).verdict).toBe('effective');
        }),
      );
    });

    it('fewer complaints after never reads as a worse reduction than more complaints after', () => {
      fc.assert(
        fc.property(windowDays, fc.integer({ min: 1, max: 10_000 }), count, count, (days, baseline, a, b) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          expect(judge(before(days, baseline), after(days, fewer), 50).reductionPct!).toBeGreaterThanOrEqual(judge(before(days, baseline), after(days, more), 50).reductionPct!);
        }),
      );
    });

    it(`below ${MIN_BASELINE_COMPLAINTS} baseline complaints the verdict is always insufficient data`, () => {
      fc.assert(
        fc.property(windowDays, fc.integer({ min: 0, max: MIN_BASELINE_COMPLAINTS - 1 }), count, target, (days, baseline, later, pct) => {
          expect(judge(before(days, baseline), after(days, later), pct).verdict).toBe('insufficient_data');
        }),
      );
    });
  });
});
