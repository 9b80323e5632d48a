/*
 * The phrase syntax of the rule files a non-developer reviews (the empathy guard's and the no-blame guard's), so
 * reviewers learn one format and both guards match words the same way.
 */

/**
 * Accents are ignored ("jusu vaina" is "jūsu vaina", Russian "е" stands for "ё"): people type without them. Each
 * UTF-16 unit folds to exactly one unit, so offsets in the folded text are offsets in the original.
 */
const foldedUnits = new Map<string, string>();
export function fold(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    let base = foldedUnits.get(unit);
    if (base === undefined) {
      const decomposed = unit.normalize('NFD');
      base = decomposed.length > 1 && /^\p{M}+$/u.test(decomposed.slice(1)) ? decomposed[0] : unit;
      foldedUnits.set(unit, base);
    }
    folded += base;
  }
  return folded;
}

/** A letter or digit on either side means the phrase is part of a longer word; `\b` only knows ASCII letters. */
export const wholeWord = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;

export const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A phrase as a reviewer writes it: `*` is any word ending, a space is any run of spaces or line breaks or a comma
 * (people differ on "дякуємо, що" and "дякуємо що"), and an apostrophe is any of ' ’ ʼ.
 */
export function phraseSource(phrase: string): string {
  return fold(phrase.trim())
    .split(/(\s*,\s*|\s+|\*|['’ʼ])/)
    .map((part) => {
      if (part === '*') return '\\p{L}*';
      if (/^['’ʼ]$/.test(part)) return "['’ʼ]";
      if (part !== '' && /^\s*,?\s*$/.test(part)) return '(?:\\s*,\\s*|\\s+)';
      return escapeRegExp(part);
    })
    .join('');
}
