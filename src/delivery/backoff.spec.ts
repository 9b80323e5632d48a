import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles per attempt, between half and all of the doubled base', () => {
    expect(retryDelayMs(1, 30_000, 0)).toBe(15_000);
    expect(retryDelayMs(1, 30_000, 0.99999)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, 0)).toBe(30_000);
    expect(retryDelayMs(4, 30_000, 0)).toBe(120_000);
  });

  it('never waits more than six hours', () => {
    expect(retryDelayMs(40, 30_000, 0.999999)).toBeLessThanOrEqual(6 * 3600_000);
    expect(retryDelayMs(40, 30_000, 0.999999)).toBeGreaterThan(6 * 3600_000 * 0.99);
  });

  it('is positive and never shorter than for an earlier attempt at the same jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3_600_000 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, base, r) => {
        const delay = retryDelayMs(attempt, base, r);
        expect(delay).toBeGreaterThan(0);
        expect(delay).toBeGreaterThanOrEqual(retryDelayMs(attempt - 1 || 1, base, r));
      }),
    );
  });
});
