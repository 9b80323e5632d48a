import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkSeries, MAX_SERIES_PERIODS, precedingPeriods, type Period } from './kpi-periods.js';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('precedingPeriods', () => {
  it('ends with [from, to) and goes back in periods of the same length, oldest first', () => {
    expect(precedingPeriods(at('2026-07-01T00:00:00Z'), at('2026-10-01T00:00:00Z'), 3)).toEqual([
      { from: at('2025-12-29T00:00:00Z'), to: at('2026-03-31T00:00:00Z') },
      { from: at('2026-03-31T00:00:00Z'), to: at('2026-07-01T00:00:00Z') },
      { from: at('2026-07-01T00:00:00Z'), to: at('2026-10-01T00:00:00Z') },
    ]);
  });

  it('with count 1 is the period itself', () => {
    expect(precedingPeriods(at('2026-03-01T10:00:00Z'), at('2026-03-01T10:00:00.001Z'), 1)).toEqual([
      { from: at('2026-03-01T10:00:00Z'), to: at('2026-03-01T10:00:00.001Z') },
    ]);
  });

  it('keeps exact lengths across a daylight-saving change (milliseconds, not calendar days)', () => {
    const [before] = precedingPeriods(at('2026-03-29T12:00:00+02:00'), at('2026-03-30T12:00:00+02:00'), 2);
    expect(before.to.getTime() - before.from.getTime()).toBe(DAY);
  });

  it.each([
    ['from equal to to', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 2],
    ['from after to', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z', 2],
    ['a count of 0', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 0],
    ['a fractional count', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', 1.5],
  ])('refuses %s', (_, from, to, count) => {
    expect(() => precedingPeriods(at(from), at(to), count)).toThrow(RangeError);
  });

  it('gives contiguous periods of equal length, the last being [from, to) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 366 * DAY }),
        fc.integer({ min: 1, max: MAX_SERIES_PERIODS }),
        (start, span, count) => {
          const periods = precedingPeriods(new Date(start), new Date(start + span), count);
          expect(periods).toHaveLength(count);
          expect(periods.at(-1)).toEqual({ from: new Date(start), to: new Date(start + span) });
          periods.forEach((p, i) => {
            expect(p.to.getTime() - p.from.getTime()).toBe(span);
            if (i > 0) expect(p.from).toEqual(periods[i - 1].to);
          });
        },
      ),
    );
  });
});

describe('checkSeries', () => {
  const period = (from: string, to: string): Period => ({ from: at(from), to: at(to) });

  it('accepts periods of different lengths, up to the maximum count', () => {
    expect(() => checkSeries([period('2026-01-01', '2026-02-01'), period('2026-02-01', '2026-03-15')])).not.toThrow();
    expect(() => checkSeries(precedingPeriods(at('2026-01-01'), at('2026-01-02'), MAX_SERIES_PERIODS))).not.toThrow();
  });

  it.each([
    ['no period', []],
    ['too many periods', precedingPeriods(at('2026-01-01'), at('2026-01-02'), MAX_SERIES_PERIODS + 1)],
    ['an empty period', [period('2026-01-01', '2026-01-01')]],
    ['a reversed period', [period('2026-01-01', '2026-02-01'), period('2026-03-01', '2026-02-01')]],
    ['an invalid date', [{ from: new Date('not a date'), to: at('2026-01-01') }]],
  ])('refuses %s', (_, periods) => {
    expect(() => checkSeries(periods as Period[])).toThrow(RangeError);
  });
});
