import { describe, expect, it } from '@jest/globals';
import { allOf, atLeastHalfOf, MAX_QUERY_WORDS } from './summary-words.js';

describe('atLeastHalfOf', () => {
  it('asks for any half of the words, rounded up', () => {
    expect(atLeastHalfOf(['charg', 'twice'])).toBe("'charg' | 'twice'");
    expect(atLeastHalfOf(['order', 'wrong', 'amount'])).toBe("('order' & 'wrong') | ('order' & 'amount') | ('wrong' & 'amount')");
    expect(atLeastHalfOf(['a', 'b', 'c', 'd'])?.split(' | ')).toHaveLength(6);
  });

  it('takes one word alone, a repeated word once, and nothing from no words', () => {
    expect(atLeastHalfOf(['refund'])).toBe("'refund'");
    expect(atLeastHalfOf(['twice', 'charg', 'twice'])).toBe("'twice' | 'charg'");
    expect(atLeastHalfOf([])).toBeNull();
  });

  it('keeps the first MAX_QUERY_WORDS words, so the query stays at C(8, 4) conjunctions', () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const query = atLeastHalfOf(words)!;
    expect(query.split(' | ')).toHaveLength(70);
    expect(query).toContain("'w7'");
    expect(query).not.toContain("'w8'");
    expect(MAX_QUERY_WORDS).toBe(8);
  });

  it("quotes each word as tsquery input, doubling quotes and backslashes", () => {
    expect(atLeastHalfOf(["o'brien"])).toBe("'o''brien'");
    expect(allOf(['a\\b', 'c'])).toBe("'a\\\\b' & 'c'");
  });
});

describe('allOf', () => {
  it('asks for every word, and nothing from no words', () => {
    expect(allOf(['order', 'wrong', 'amount'])).toBe("'order' & 'wrong' & 'amount'");
    expect(allOf([])).toBeNull();
  });
});
