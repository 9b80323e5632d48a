/*
 * The empathy guard: deterministic phrase rules that flag defensive or blaming wording in customer-facing text, and
 * the elements a message of each kind must contain (PRODUCT.md, "Empathetic resolution", checks 2 and 5).
 *
 * The wording lives in rules/<language>.json so that people who write to customers can review and extend it
 * without reading code; this file only turns those lists into regular expressions and runs them. No model, no
 * scoring: the same text always gives the same findings, and every finding points at the words that caused it.
 */
import en from './rules/en.json' with { type: 'json' };
import lv from './rules/lv.json' with { type: 'json' };
import ru from './rules/ru.json' with { type: 'json' };
import uk from './rules/uk.json' with { type: 'json' };
import { alternation, fold, phraseSource, wholeWord, type PhraseGrammar } from '../common/phrase-matching.js';

export const MESSAGE_KINDS = ['acknowledgement', 'thanks', 'update', 'delay', 'resolution', 'refusal'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const GUARD_LANGUAGES = ['en', 'uk', 'ru', 'lv'] as const;
export type GuardLanguage = (typeof GUARD_LANGUAGES)[number];

/**
 * What a message can be required to say. `action_taken` (what we have done: "the technician replaced the router")
 * is never required alone: it stands in for a next step in a resolution, where the work is done and nothing more
 * has to happen.
 */
export const MESSAGE_ELEMENTS = ['empathy', 'next_step', 'date', 'reason', 'escalation_route', 'action_taken'] as const;
export type MessageElement = (typeof MESSAGE_ELEMENTS)[number];

export type FindingSeverity = 'block' | 'warn';

export interface Finding {
  /** A rule id from the rules file, or `missing_<element>`. */
  rule: string;
  severity: FindingSeverity;
  /** Character offsets (UTF-16, as JavaScript strings count) of the flagged words; 0 and 0 for a missing element. */
  start: number;
  end: number;
  suggestion: string;
}

export interface Requirement {
  /** Reported as `missing_<element>` when the message says none of `element` and `orElse`. */
  element: MessageElement;
  orElse?: readonly MessageElement[];
  severity: FindingSeverity;
}

/**
 * What each kind of message must say (PRODUCT.md's first response, refusal and delay notice), and whether its
 * absence blocks the message or only warns; docs/empathy-guard.md gives the reasoning for each. `thanks` is the
 * first response to a suggestion: it has no deadline and the committee decides what becomes of it, so it promises
 * no date.
 */
const block = (element: MessageElement, orElse?: MessageElement[]): Requirement => ({ element, orElse, severity: 'block' });
const warn = (element: MessageElement): Requirement => ({ element, severity: 'warn' });
export const REQUIREMENTS: Readonly<Record<MessageKind, readonly Requirement[]>> = {
  acknowledgement: [block('empathy'), block('next_step'), block('date')],
  thanks: [block('empathy'), block('next_step')],
  update: [block('next_step')],
  delay: [warn('empathy'), block('reason'), block('date')],
  resolution: [block('next_step', ['action_taken'])],
  refusal: [warn('empathy'), block('reason'), block('next_step'), block('escalation_route')],
};

/** One rule of a rules file; the "about" member of each file explains the format to its reviewers. */
export interface PhraseRule {
  rule: string;
  severity: FindingSeverity;
  description: string;
  phrases: string[];
  /** Regular expression sources, for shapes a phrase cannot say (ticket codes, capitals, dates). */
  patterns?: string[];
  /** Wording that contains a phrase of the rule but is fine, e.g. "you should have received" (our failure). */
  exceptions?: string[];
  /** Only for rules about letter case (shouting): then phrases and patterns are matched as written. */
  caseSensitive?: boolean;
  suggestion: string;
}

export interface ElementCues {
  description: string;
  phrases: string[];
  patterns?: string[];
  /** Wording that contains a cue but does not say the element, e.g. "we will not be able to" is no next step. */
  exceptions?: string[];
  /** Shown when the element is missing. */
  suggestion: string;
}

export interface LanguageRules extends PhraseGrammar {
  language: string;
  about?: string;
  rules: PhraseRule[];
  elements: Record<MessageElement, ElementCues>;
}

export const RULES: Readonly<Record<GuardLanguage, LanguageRules>> = {
  en: en as LanguageRules,
  uk: uk as LanguageRules,
  ru: ru as LanguageRules,
  lv: lv as LanguageRules,
};

/** "uk-UA", "UK" and "uk_UA" use the Ukrainian rules; a language without rules falls back to English. */
function rulesFor(language: string, rules: Readonly<Record<string, LanguageRules>>): LanguageRules {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return rules[primary] ?? rules.en ?? RULES.en;
}

// --- Matching ---------------------------------------------------------------------------------------------------

/** One expression per rule, so that its matches never overlap. Returns null for a rule with nothing to match. */
function compile(phrases: readonly string[], patterns: readonly string[], grammar: PhraseGrammar, caseSensitive = false): RegExp | null {
  const words = alternation(phrases.map((phrase) => phraseSource(phrase, grammar)));
  const sources = [...(words ? [wholeWord(words)] : []), ...patterns.map((p) => `(?:${fold(p)})`)];
  return sources.length > 0 ? new RegExp(sources.join('|'), caseSensitive ? 'gu' : 'giu') : null;
}

/** Matches of a rule or a cue, less those that lie inside an exception. */
interface Matcher {
  matcher: RegExp | null;
  exceptions: RegExp | null;
}

function matcherOf(phrases: readonly string[], patterns: readonly string[] = [], exceptions: readonly string[] = [], grammar: PhraseGrammar, caseSensitive = false): Matcher {
  return {
    matcher: compile(phrases, patterns, grammar, caseSensitive),
    exceptions: exceptions.length > 0 ? compile(exceptions, [], grammar, caseSensitive) : null,
  };
}

interface CompiledLanguage {
  rules: Array<{ rule: PhraseRule } & Matcher>;
  elements: Record<MessageElement, Matcher | null>;
}

/** Compiled once per rules object; a WeakMap lets tests pass their own rules without leaking. */
const compiled = new WeakMap<LanguageRules, CompiledLanguage>();
function compiledFor(rules: LanguageRules): CompiledLanguage {
  let result = compiled.get(rules);
  if (!result) {
    result = {
      rules: rules.rules.map((rule) => ({ rule, ...matcherOf(rule.phrases, rule.patterns, rule.exceptions, rules, rule.caseSensitive) })),
      elements: Object.fromEntries(
        MESSAGE_ELEMENTS.map((element) => {
          const cues = rules.elements[element];
          return [element, cues ? matcherOf(cues.phrases, cues.patterns, cues.exceptions, rules) : null];
        }),
      ) as Record<MessageElement, Matcher | null>,
    };
    compiled.set(rules, result);
  }
  return result;
}

function spans(matcher: RegExp, text: string): Array<[number, number]> {
  // matchAll works on a copy of the expression, so the shared `g` expressions keep no state between calls.
  return [...text.matchAll(matcher)].filter((m) => m[0].length > 0).map((m) => [m.index, m.index + m[0].length]);
}

function matches({ matcher, exceptions }: Matcher, folded: string): Array<[number, number]> {
  if (!matcher) return [];
  const allowed = exceptions ? spans(exceptions, folded) : [];
  return spans(matcher, folded).filter(([start, end]) => !allowed.some(([from, to]) => from <= start && end <= to));
}

/**
 * Flags defensive or blaming wording and the elements `kind` needs but `text` lacks, sorted by position.
 * `rules` maps a language code to its rules; it defaults to the reviewed files in ./rules.
 */
export function checkMessage(
  text: string,
  language: string,
  kind: MessageKind,
  rules: Readonly<Record<string, LanguageRules>> = RULES,
): Finding[] {
  const languageRules = rulesFor(language, rules);
  const { rules: phraseRules, elements } = compiledFor(languageRules);
  const folded = fold(text);
  const findings: Finding[] = [];

  for (const { rule, ...matcher } of phraseRules) {
    for (const [start, end] of matches(matcher, folded)) {
      findings.push({ rule: rule.rule, severity: rule.severity, start, end, suggestion: rule.suggestion });
    }
  }

  const says = (element: MessageElement) => {
    const cues = elements[element];
    return cues !== null && matches(cues, folded).length > 0;
  };
  for (const { element, orElse = [], severity } of REQUIREMENTS[kind] ?? []) {
    if (says(element) || orElse.some(says)) continue;
    const suggestion = languageRules.elements[element]?.suggestion ?? `Add the ${element.replace('_', ' ')}.`;
    findings.push({ rule: `missing_${element}`, severity, start: 0, end: 0, suggestion });
  }

  // Position first; rule id breaks ties so equal input always gives equal output.
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
