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
 * The grammar a rules file may declare for its phrases: word classes (`{agent}` stands for any phrase of the class
 * `agent`) and ending sets (`позвон<future>` is the stem with any ending of the set `future`). Both are written by
 * reviewers in the rules file, so a language's morphology stays next to its phrases and out of the code.
 */
export interface PhraseGrammar {
  classes?: Record<string, string[]>;
  endings?: Record<string, string[]>;
}

/** Between the words of a phrase: any run of spaces or line breaks, or a comma. */
const SPACE = '(?:\\s*,\\s*|\\s+)';
/** `~`: up to three other words, so "we ~ call" finds "we will call" and "we will of course call you". */
const GAP = `${SPACE}(?:[\\p{L}\\p{M}\\p{N}'’ʼ-]+${SPACE}){0,3}`;
/** Classes may use classes; this stops a class that names itself. */
const MAX_CLASS_DEPTH = 4;

/** Longest first, so that at one place "as per our policy" wins over "our policy". */
export function alternation(sources: Iterable<string>): string {
  return [...new Set(sources)].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
}

/**
 * A phrase as a reviewer writes it: `*` is any word ending, a space is any run of spaces or line breaks or a comma
 * (people differ on "дякуємо, що" and "дякуємо що"), an apostrophe is any of ' ’ ʼ, `~` is up to three other
 * words, `{name}` is any phrase of a class and `<name>` any ending of an ending set of the grammar.
 */
export function phraseSource(phrase: string, grammar: PhraseGrammar = {}, depth = 0): string {
  return fold(phrase.trim())
    .replace(/\s*~\s*/g, '~')
    .split(/(\{[\w-]+\}|<[\w-]+>|~|\s*,\s*|\s+|\*|['’ʼ])/)
    .map((part) => {
      if (part === '*') return '\\p{L}*';
      if (part === '~') return GAP;
      if (/^['’ʼ]$/.test(part)) return "['’ʼ]";
      if (part !== '' && /^\s*,?\s*$/.test(part)) return SPACE;
      const reference = /^\{([\w-]+)\}$/.exec(part);
      if (reference) return `(?:${classSource(reference[1], grammar, depth)})`;
      const endings = /^<([\w-]+)>$/.exec(part);
      if (endings) return `(?:${endingSource(endings[1], grammar)})`;
      return escapeRegExp(part);
    })
    .join('');
}

function classSource(name: string, grammar: PhraseGrammar, depth: number): string {
  const phrases = grammar.classes?.[name];
  if (!phrases) throw new Error(`unknown word class {${name}}`);
  if (depth >= MAX_CLASS_DEPTH) throw new Error(`word class {${name}} nests deeper than ${MAX_CLASS_DEPTH}`);
  return alternation(phrases.map((phrase) => phraseSource(phrase, grammar, depth + 1)));
}

function endingSource(name: string, grammar: PhraseGrammar): string {
  const endings = grammar.endings?.[name];
  if (!endings) throw new Error(`unknown ending set <${name}>`);
  // The empty ending is allowed: "<past>" may include the bare stem.
  return alternation(endings.map((ending) => escapeRegExp(fold(ending.trim())))) + (endings.some((ending) => ending.trim() === '') ? '|' : '');
}
