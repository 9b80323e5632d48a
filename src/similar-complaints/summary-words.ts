/**
 * The text-search queries behind "similar complaints", built from the words of the probe's summary as PostgreSQL
 * normalised them (to_tsvector in the customer's language: stemmed, stop words gone), in the order they appear.
 * Pure, so the rules are tested without a database; the repository binds the result as a tsquery.
 */

/**
 * At most this many words of a summary take part. A summary is a line ("Charged twice for October"); past eight
 * words it is a sentence, and the conjunctions below would grow as C(n, n/2): C(8, 4) = 70 is still cheap for GIN.
 */
export const MAX_QUERY_WORDS = 8;

/** A lexeme as a tsquery operand: quoted, quotes and backslashes doubled (PostgreSQL's tsquery input rules). */
function operand(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const result: T[][] = [];
  for (let first = 0; first <= items.length - size; first++) {
    for (const rest of combinations(items.slice(first + 1), size - 1)) result.push([items[first], ...rest]);
  }
  return result;
}

/** The distinct words, in order, cut to MAX_QUERY_WORDS. */
function queryWords(lexemes: readonly string[]): string[] {
  return [...new Set(lexemes)].slice(0, MAX_QUERY_WORDS);
}

/**
 * A tsquery matching a summary that shares at least half of these words (rounded up), as an OR of the
 * conjunctions of that many: "My order: wrong amount" (order, wrong, amount) matches any two of the three. Half,
 * because a summary names a subject and what went wrong, and a look-alike shares most of both; null without words
 * (a summary of stop words only), which matches nothing.
 */
export function atLeastHalfOf(lexemes: readonly string[]): string | null {
  const words = queryWords(lexemes);
  if (words.length === 0) return null;
  const needed = Math.ceil(words.length / 2);
  return combinations(words, needed)
    .map((group) => (group.length === 1 ? operand(group[0]) : `(${group.map(operand).join(' & ')})`))
    .join(' | ');
}

/** A tsquery matching a summary holding every one of these words; null without words. */
export function allOf(lexemes: readonly string[]): string | null {
  const words = queryWords(lexemes);
  return words.length === 0 ? null : words.map(operand).join(' & ');
}
