/*
 * The no-blame guard (PRODUCT.md, "Prevent recurrence" and "Committee agenda"): a root cause explains what in the
 * process let a problem happen, never who. It refuses
 *   - a text that names a staff member (full name, or surname alone), whatever else it says: root causes reach the
 *     committee, which never names staff;
 *   - a text that explains the problem only by a person ("human error", "the agent forgot", "careless") without a
 *     process factor: a thing of the process (form, step, checklist, tool, handoff, workload…) together with what is
 *     wrong with it or why it let the problem happen (has no, missing, unclear, because…).
 * A taxonomy label (a cause's code and name) may not blame a person at all: a process factor does not excuse an
 * "employee_error" category.
 *
 * The wording lives in no-blame-rules/<language>.json so that the committee and quality staff can review and extend
 * it without reading code; staff names come from the database. Same text and names, same findings: no model, no
 * scoring, and every finding points at the words that caused it.
 */
import en from './no-blame-rules/en.json' with { type: 'json' };
import lv from './no-blame-rules/lv.json' with { type: 'json' };
import ru from './no-blame-rules/ru.json' with { type: 'json' };
import uk from './no-blame-rules/uk.json' with { type: 'json' };
import { CASE_ENDINGS, DECLINED_ENDING } from '../common/declension.js';
import { escapeRegExp, fold, phraseSource, wholeWord } from '../common/phrase-matching.js';

export const NO_BLAME_LANGUAGES = ['en', 'uk', 'ru', 'lv'] as const;
export type NoBlameLanguage = (typeof NO_BLAME_LANGUAGES)[number];

export interface PhraseList {
  description: string;
  phrases: string[];
}

/** One language's rules; the "about" member of each file explains the format to its reviewers. */
export interface NoBlameRules {
  language: string;
  about?: string;
  blamesPerson: PhraseList & {
    /** Wording that contains a blaming phrase but blames nobody, e.g. "not to blame", "no human error". */
    exceptions?: string[];
    suggestion: string;
  };
  processThings: PhraseList;
  processGaps: PhraseList;
  notSurnames: PhraseList;
  namesStaff: { description: string; suggestion: string };
}

export const NO_BLAME_RULES: readonly NoBlameRules[] = [en as NoBlameRules, uk as NoBlameRules, ru as NoBlameRules, lv as NoBlameRules];

export type NoBlameRule = 'names_staff' | 'blames_person';

/**
 * `explanation`: a root cause's description or a "no systemic cause" justification, where a person may be
 * mentioned as long as the process factor is named. `label`: a taxonomy cause's code or name, which may not be
 * about a person at all.
 */
export type NoBlameTextKind = 'explanation' | 'label';

export interface NoBlameFinding {
  rule: NoBlameRule;
  /** Character offsets (UTF-16, as JavaScript strings count) of the flagged words. */
  start: number;
  end: number;
  /** The language of the rules file the suggestion comes from. */
  language: string;
  suggestion: string;
}

// --- Matching ---------------------------------------------------------------------------------------------------
// The phrase syntax is the empathy guard's (src/common/phrase-matching.ts), so reviewers learn one format.

/** Longer alternatives first, so that at one position the longest wording wins. Null when there is nothing to match. */
function compile(sources: readonly string[]): RegExp | null {
  const unique = [...new Set(sources)].filter(Boolean).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return unique.length > 0 ? new RegExp(wholeWord(unique.join('|')), 'giu') : null;
}

const compilePhrases = (phrases: readonly string[] = []) => compile(phrases.map((phrase) => phraseSource(phrase)));

type Span = [number, number];

function spans(matcher: RegExp | null, text: string): Span[] {
  if (!matcher) return [];
  // matchAll works on a copy of the expression, so the shared `g` expressions keep no state between calls.
  return [...text.matchAll(matcher)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
}

const within = ([start, end]: Span, outer: readonly Span[]) => outer.some(([from, to]) => from <= start && end <= to);
const overlaps = ([start, end]: Span, others: readonly Span[]) => others.some(([from, to]) => start < to && from < end);

interface CompiledLanguage {
  rules: NoBlameRules;
  blame: RegExp | null;
  exceptions: RegExp | null;
  things: RegExp | null;
  gaps: RegExp | null;
}

/** Compiled once per rules object; a WeakMap lets tests pass their own rules without leaking. */
const compiledLanguages = new WeakMap<NoBlameRules, CompiledLanguage>();
function compiledFor(rules: NoBlameRules): CompiledLanguage {
  let result = compiledLanguages.get(rules);
  if (!result) {
    result = {
      rules,
      blame: compilePhrases(rules.blamesPerson.phrases),
      exceptions: compilePhrases(rules.blamesPerson.exceptions),
      things: compilePhrases(rules.processThings.phrases),
      gaps: compilePhrases(rules.processGaps.phrases),
    };
    compiledLanguages.set(rules, result);
  }
  return result;
}

/** Words never taken for a surname alone: every language's notSurnames, processThings and processGaps. */
const ordinaryWordMatchers = new WeakMap<readonly NoBlameRules[], RegExp | null>();
function ordinaryWords(rules: readonly NoBlameRules[]): RegExp | null {
  if (!ordinaryWordMatchers.has(rules)) {
    const phrases = rules.flatMap((r) => [...r.notSurnames.phrases, ...r.processThings.phrases, ...r.processGaps.phrases]);
    const sources = [...new Set(phrases.map((phrase) => phraseSource(phrase)))].filter(Boolean);
    ordinaryWordMatchers.set(rules, sources.length > 0 ? new RegExp(`^(?:${sources.join('|')})$`, 'iu') : null);
  }
  return ordinaryWordMatchers.get(rules)!;
}

// --- Staff names ------------------------------------------------------------------------------------------------

const LETTERS = /\p{L}/gu;
const letterCount = (word: string) => word.match(LETTERS)?.length ?? 0;

/** The shortest surname matched on its own: "Li" or "Ng" alone would flag ordinary syllables. */
const MIN_SURNAME_LETTERS = 3;

/** A surname whose stem has at least this many letters is also found declined (src/common/declension.ts). */
const MIN_STEM_LETTERS = 4;

function namePartSource(part: string): string {
  return fold(part)
    .split(/(['’ʼ])/)
    .map((piece) => (/^['’ʼ]$/.test(piece) ? "['’ʼ]" : escapeRegExp(piece)))
    .join('');
}

function surnameSources(surname: string): string[] {
  const folded = fold(surname);
  const sources = [namePartSource(surname)];
  const stem = DECLINED_ENDING.test(folded.toLowerCase()) ? folded.slice(0, -1) : folded;
  if (letterCount(stem) >= MIN_STEM_LETTERS && /\p{L}$/u.test(stem)) sources.push(`${namePartSource(stem)}(?:${CASE_ENDINGS.join('|')})`);
  return sources;
}

interface NameMatchers {
  fullNames: RegExp | null;
  surnames: RegExp | null;
}

/** The full names (two words or more, any spacing) and the surnames (last word, and each part of a double-barrelled one). */
function nameMatchers(staffNames: readonly string[]): NameMatchers {
  const fullNames: string[] = [];
  const surnames: string[] = [];
  for (const name of staffNames) {
    const parts = name.trim().split(/\s+/).filter((part) => letterCount(part) > 0);
    if (parts.length === 0) continue;
    if (parts.length > 1) fullNames.push(parts.map(namePartSource).join('\\s+'));
    const last = parts[parts.length - 1];
    const pieces = [last, ...(last.includes('-') ? last.split('-') : [])];
    for (const piece of pieces) if (letterCount(piece) >= MIN_SURNAME_LETTERS) surnames.push(...surnameSources(piece));
  }
  return { fullNames: compile(fullNames), surnames: compile(surnames) };
}

// --- The check --------------------------------------------------------------------------------------------------

/** Blanks out the given spans, so that words of a blaming phrase never count as the process factor that excuses it. */
function mask(text: string, masked: readonly Span[]): string {
  let result = text;
  for (const [start, end] of masked) result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  return result;
}

/**
 * Flags staff names and person-blaming wording in `text`, sorted by position. `staffNames` are the names of every
 * staff member; `rules` defaults to the reviewed files in ./no-blame-rules, all languages at once (staff may write
 * in any of them, and names cross languages).
 */
export function checkNoBlame(
  text: string,
  staffNames: readonly string[],
  kind: NoBlameTextKind = 'explanation',
  rules: readonly NoBlameRules[] = NO_BLAME_RULES,
): NoBlameFinding[] {
  const folded = fold(text);
  const languages = rules.map(compiledFor);

  const blame: { span: Span; language: CompiledLanguage }[] = [];
  for (const language of languages) {
    const allowed = spans(language.exceptions, folded);
    for (const span of spans(language.blame, folded)) {
      if (!within(span, allowed) && !overlaps(span, blame.map((b) => b.span))) blame.push({ span, language });
    }
  }

  const findings: NoBlameFinding[] = [];
  const suggestionLanguage = blame[0]?.language ?? languages.find((l) => folded.search(l.things ?? /$^/) !== -1) ?? languages[0];

  const { fullNames, surnames } = nameMatchers(staffNames);
  const named = spans(fullNames, folded);
  const ordinary = ordinaryWords(rules);
  for (const span of spans(surnames, folded)) {
    if (overlaps(span, named)) continue;
    // "Test agent" or "Anna Check": the word alone is a word of the process, not a person.
    if (ordinary?.test(folded.slice(span[0], span[1]))) continue;
    named.push(span);
  }
  if (suggestionLanguage) {
    for (const [start, end] of named) {
      findings.push({ rule: 'names_staff', start, end, language: suggestionLanguage.rules.language, suggestion: suggestionLanguage.rules.namesStaff.suggestion });
    }
  }

  if (blame.length > 0) {
    const rest = mask(folded, blame.map((b) => b.span));
    const explained = kind === 'explanation' && languages.some((l) => l.things && l.gaps && rest.search(l.things) !== -1 && rest.search(l.gaps) !== -1);
    if (!explained) {
      for (const { span, language } of blame) {
        findings.push({ rule: 'blames_person', start: span[0], end: span[1], language: language.rules.language, suggestion: language.rules.blamesPerson.suggestion });
      }
    }
  }

  // Position first; rule breaks ties so equal input always gives equal output.
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
