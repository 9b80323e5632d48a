import { describe, expect, it } from '@jest/globals';
import { AppError } from '../common/app-error.js';
import { MAX_THEME_SPAN_DAYS, themePeriod } from './theme-period.js';

const at = (iso: string) => new Date(iso);

function refusal(from: string, to: string): AppError {
  try {
    themePeriod(at(from), at(to));
  } catch (error) {
    return error as AppError;
  }
  throw new Error('accepted');
}

describe('themePeriod', () => {
  it('compares a period with the one of the same length just before it', () => {
    expect(themePeriod(at('2026-03-01T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toEqual({
      previousFrom: at('2026-01-30T00:00:00Z'),
      from: at('2026-03-01T00:00:00Z'),
      to: at('2026-03-31T00:00:00Z'),
    });
    expect(themePeriod(at('2026-03-01T10:00:00Z'), at('2026-03-01T10:00:01Z')).previousFrom).toEqual(at('2026-03-01T09:59:59Z'));
  });

  it('accepts exactly the longest span and refuses one millisecond more', () => {
    const from = at('2026-01-01T00:00:00Z');
    const longest = new Date(from.getTime() + MAX_THEME_SPAN_DAYS * 86_400_000);
    expect(themePeriod(from, longest).previousFrom).toEqual(at('2024-12-31T00:00:00Z'));
    const error = refusal(from.toISOString(), new Date(longest.getTime() + 1).toISOString());
    expect({ code: error.code, details: error.details }).toEqual({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'to', problem: `must be at most ${MAX_THEME_SPAN_DAYS} days after from` }],
    });
  });

  it.each([
    ['equal', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    ['reversed', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z'],
  ])('refuses a period whose ends are %s', (_, from, to) => {
    const error = refusal(from, to);
    expect({ code: error.code, details: error.details }).toEqual({ code: 'VALIDATION_FAILED', details: [{ field: 'to', problem: 'must be after from' }] });
  });
});
