import { describe, expect, it } from '@jest/globals';
import { GUARD_LANGUAGES, MESSAGE_KINDS } from '../../src/empathy-guard/empathy-guard.js';
import { evaluate, falseBlockRate, GATE, loadEvalSets, recall } from './evaluation.js';

/**
 * The gate on the evaluation set: the guard may block at most 2% of the good messages and must find at least 95%
 * of what the bad ones must get, in every language. `npm run guard:eval -- --failures` shows what fails.
 */
const sets = loadEvalSets();

describe('the empathy guard on the evaluation set', () => {
  it('has a set for every language with rules', () => {
    expect(sets.map((set) => set.language).sort()).toEqual([...GUARD_LANGUAGES].sort());
  });

  describe.each(sets.map((set) => [set.language, set] as const))('%s', (_language, set) => {
    it('holds at least 100 good and 100 bad messages, good and bad ones of every kind, well labelled', () => {
      const good = set.messages.filter((m) => m.good);
      const bad = set.messages.filter((m) => !m.good);
      expect(good.length).toBeGreaterThanOrEqual(100);
      expect(bad.length).toBeGreaterThanOrEqual(100);
      for (const kind of MESSAGE_KINDS) {
        expect(good.filter((m) => m.kind === kind).length).toBeGreaterThan(0);
        expect(bad.filter((m) => m.kind === kind).length).toBeGreaterThan(0);
      }
      for (const m of set.messages) {
        expect(MESSAGE_KINDS).toContain(m.kind);
        expect(m.text.trim().length).toBeGreaterThan(0);
        if (!m.good) expect(m.must.length).toBeGreaterThan(0);
        expect(m.must.filter((rule) => m.mustNot.includes(rule))).toEqual([]);
      }
    });

    it(`blocks at most ${GATE.maxFalseBlockRate * 100}% of the good messages and finds at least ${GATE.minRecall * 100}% of what the bad ones must get`, () => {
      const report = evaluate(set);
      const failing = report.failures.map((f) => `#${f.index} ${f.kind} ${f.good ? 'good' : 'bad'}: missed ${f.missed.join(',') || '-'}, unwanted ${f.unwanted.join(',') || '-'}`);
      expect({ falseBlockRate: falseBlockRate(report.total) <= GATE.maxFalseBlockRate, recall: recall(report.total) >= GATE.minRecall, failing }).toEqual(
        expect.objectContaining({ falseBlockRate: true, recall: true }),
      );
    });
  });
});
