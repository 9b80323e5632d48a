import { describe, expect, it } from '@jest/globals';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './validation.js';

/** `levels` objects or arrays, each inside the last. */
const nested = (levels: number, kind: 'object' | 'array' = 'object'): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
};

describe('nestsDeeperThan', () => {
  it.each(['object', 'array'] as const)('allows exactly `max` levels of %s and refuses one more', (kind) => {
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH, kind), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH + 1, kind), MAX_BODY_DEPTH)).toBe(true);
  });

  it('finds the deep branch among shallow ones', () => {
    expect(nestsDeeperThan({ a: 1, b: [1, 2], c: { d: nested(MAX_BODY_DEPTH) } }, MAX_BODY_DEPTH)).toBe(true);
  });

  it('takes scalars, null and absent bodies as flat', () => {
    for (const value of [undefined, null, 1, 'x', true]) expect(nestsDeeperThan(value, 0)).toBe(false);
  });

  it('walks 100,000 levels without overflowing its own stack', () => {
    expect(nestsDeeperThan(nested(100_000, 'array'), MAX_BODY_DEPTH)).toBe(true);
  });
});
