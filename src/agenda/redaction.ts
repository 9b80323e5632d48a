/*
 * No blame, no leaks, by construction (PRODUCT.md, "Committee agenda"; issue 5): every free text the agenda quotes
 * passes through here first. Staff names become "[staff member]"; the customer's known name, e-mail address and
 * phone number, and any e-mail address or phone number at all, become "[customer]", "[e-mail]" and "[phone]".
 * Pure: the same text, names and customer always give the same result.
 *
 * Names are found by words, not by one regular expression of every name: an organisation has thousands of staff,
 * and an alternation of thousands of names costs seconds per text (measured: 2,000 names, 200 texts of 2,500
 * characters took 25 s), while a lookup per word stays linear in the text.
 */
import { fold, escapeRegExp } from '../common/phrase-matching.js';
import { checkMessage, GUARD_LANGUAGES } from '../empathy-guard/empathy-guard.js';
import { checkNoBlame, NO_BLAME_RULES } from '../root-causes/no-blame-guard.js';
import type { AgendaFlagRule } from './agenda-content.js';

export const PLACEHOLDERS = {
  staff: '[staff member]',
  customer: '[customer]',
  email: '[e-mail]',
  phone: '[phone]',
} as const;

/** What the complaint knows of its customer: the values removed wherever they appear in that complaint's texts. */
export interface CustomerIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Redacts one text; `customer` is the customer of the complaint the text belongs to, if any. */
export type Redactor = (text: string, customer?: CustomerIdentity | null) => string;

// --- Words --------------------------------------------------------------------------------------------------------

/** Letters, combining marks and digits; an apostrophe, a hyphen or a space separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UPPER = /^\p{Lu}/u;

interface Token {
  start: number;
  end: number;
  /** Folded (accents dropped) and lower case: what names are compared on. */
  key: string;
  capitalised: boolean;
}

/** `folded` is fold(text): each unit folds to one unit, so offsets in it are offsets in the text. */
function tokensOf(folded: string): Token[] {
  return [...folded.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, key: m[0].toLowerCase(), capitalised: UPPER.test(m[0]) }));
}

/** The words of a name or a name part, as they are compared. */
const keysOf = (text: string) => tokensOf(fold(text.normalize('NFC'))).map((token) => token.key);

/** Between the words of one name: spaces, a comma ("Ozola, Dana"), an initial's dot, or the apostrophe or hyphen of "O'Brien" and "Ozola-Kalniņa". */
const NAME_GAP = /^(?:\s*[,.]?\s*|['’ʼ‐-])$/u;

const letterCount = (key: string) => key.match(/\p{L}/gu)?.length ?? 0;

// --- Names --------------------------------------------------------------------------------------------------------

/**
 * Surnames shorter than this are matched alone only when written with a capital: "Li" or "Do" as words are too
 * often something else. (The no-blame guard leaves them out; a redaction would rather remove a word too many.)
 */
const MIN_PLAIN_SURNAME_LETTERS = 3;

/**
 * Latvian, Ukrainian and Russian surnames change their ending with the case ("Bērziņa" → "Bērziņai", "Петренко" →
 * "Петренка"). As in the no-blame guard (src/root-causes/no-blame-guard.ts, which does not export its lists): a
 * surname whose stem has at least MIN_STEM_LETTERS letters is also found as the stem with one of these endings,
 * written folded. Without -s and -es, which would turn English surnames into plurals ("Price" → "prices").
 */
const MIN_STEM_LETTERS = 4;
const DECLINED_ENDING = /[aeiouyаеиоуыэюяієїьs]$/u;
const CASE_ENDINGS = [
  'a', 'ai', 'am', 'as', 'e', 'ei', 'em', 'i', 'iem', 'im', 'is', 'os', 'u', 'us',
  'а', 'у', 'е', 'и', 'і', 'ю', 'я', 'ы', 'ом', 'ем', 'ім', 'им', 'ым', 'ою', 'ею', 'оі', 'ои', 'еи', 'ии', 'ых', 'их',
  'ів', 'ов', 'ев', 'ові', 'еві', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях',
];

/**
 * Words of the process that people also bear as surnames ("agent", "check", "head"): the no-blame guard's reviewed
 * lists. Alone, they are taken for a name only when capitalised, so "Test agent" on the staff list does not turn
 * every "agent" of a text into "[staff member]"; the full name is always found.
 */
const ORDINARY_WORDS = (() => {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const rules of NO_BLAME_RULES) {
    for (const phrase of [...rules.notSurnames.phrases, ...rules.processThings.phrases, ...rules.processGaps.phrases]) {
      const folded = fold(phrase.trim().normalize('NFC')).toLowerCase();
      if (/\s/.test(folded)) continue;
      if (folded.endsWith('*')) prefixes.push(folded.slice(0, -1));
      else exact.add(folded);
    }
  }
  return (key: string) => exact.has(key) || prefixes.some((prefix) => prefix.length > 0 && key.startsWith(prefix));
})();

interface NameIndex {
  /** Names of several words, by their first word, longest first. Matched in any letter case. */
  sequences: Map<string, string[][]>;
  /** Single words; `capitalOnly`: only when the text writes them with a capital. */
  words: Map<string, { capitalOnly: boolean }>;
  /** Stems of surnames, found with a case ending. */
  stems: Set<string>;
}

function emptyIndex(): NameIndex {
  return { sequences: new Map(), words: new Map(), stems: new Set() };
}

function addSequence(index: NameIndex, keys: string[]): void {
  if (keys.length < 2) return;
  const list = index.sequences.get(keys[0]) ?? [];
  if (!list.some((existing) => existing.join(' ') === keys.join(' '))) list.push(keys);
  list.sort((a, b) => b.length - a.length);
  index.sequences.set(keys[0], list);
}

function addWord(index: NameIndex, key: string, capitalOnly: boolean): void {
  if (letterCount(key) === 0) return;
  const existing = index.words.get(key);
  // A word that some name needs matched plainly is matched plainly.
  index.words.set(key, { capitalOnly: existing ? existing.capitalOnly && capitalOnly : capitalOnly });
}

/** A name's parts (split at spaces), each as its words ("O'Brien" is "o", "brien"). */
function nameParts(name: string): string[][] {
  return name
    .trim()
    .split(/\s+/)
    .map(keysOf)
    .filter((part) => part.some((key) => letterCount(key) > 0));
}

/** The ways a full name is written: in full, without middle names, and surname first ("Ozola, Dana"). */
function addFullName(index: NameIndex, parts: string[][]): void {
  if (parts.length < 2) return;
  const first = parts[0];
  const last = parts[parts.length - 1];
  addSequence(index, parts.flat());
  addSequence(index, [...first, ...last]);
  addSequence(index, [...last, ...first]);
}

/**
 * A staff member: the full name, and the surname alone (the last part; each part of a double-barrelled one; the
 * whole of "O'Brien"). A one-word name is its own surname. The given names alone too, as for the customer: people
 * write "ask Dana", and a first name is a staff name the agenda may not show; only with a capital, because first
 * names are often words ("Will", "Grace"), and never a process word ("Test agent" does not make "Test" a name).
 */
function addStaffName(index: NameIndex, name: string): void {
  const parts = nameParts(name);
  if (parts.length === 0) return;
  addFullName(index, parts);
  for (const given of parts.slice(0, -1)) {
    for (const key of given) if (letterCount(key) >= 2 && !ORDINARY_WORDS(key)) addWord(index, key, true);
  }
  const surname = parts[parts.length - 1];
  addSequence(index, surname);
  for (const key of surname) {
    if (letterCount(key) < 2 && surname.length > 1) continue; // the "O" of O'Brien
    const capitalOnly = letterCount(key) < MIN_PLAIN_SURNAME_LETTERS || ORDINARY_WORDS(key);
    addWord(index, key, capitalOnly);
    if (capitalOnly) continue;
    const stem = DECLINED_ENDING.test(key) ? key.slice(0, -1) : key;
    if (letterCount(stem) >= MIN_STEM_LETTERS) index.stems.add(stem);
  }
}

/**
 * The customer: the full name in any letter case, and each part alone (people write "Dear Anna" and "Ms Bērziņa")
 * but only with a capital, because first names are often words too ("Will", "Grace").
 */
function customerIndex(name: string): NameIndex {
  const index = emptyIndex();
  const parts = nameParts(name);
  addFullName(index, parts);
  for (const part of parts) {
    addSequence(index, part);
    for (const key of part) if (letterCount(key) >= 2) addWord(index, key, true);
  }
  return index;
}

function isDeclined(index: NameIndex, key: string): boolean {
  if (index.stems.size === 0) return false;
  for (const ending of CASE_ENDINGS) {
    if (key.length > ending.length && key.endsWith(ending) && index.stems.has(key.slice(0, -ending.length))) return true;
  }
  return false;
}

type Span = { start: number; end: number; replacement: string; rank: number };

function nameSpans(index: NameIndex, folded: string, tokens: readonly Token[], replacement: string, rank: number): Span[] {
  const spans: Span[] = [];
  const sequenceAt = (i: number, keys: readonly string[]) =>
    keys.every((key, k) => tokens[i + k]?.key === key && (k === 0 || NAME_GAP.test(folded.slice(tokens[i + k - 1].end, tokens[i + k].start))));
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    const sequence = index.sequences.get(token.key)?.find((keys) => sequenceAt(i, keys));
    if (sequence) {
      spans.push({ start: token.start, end: tokens[i + sequence.length - 1].end, replacement, rank });
      i += sequence.length;
      continue;
    }
    const word = index.words.get(token.key);
    if ((word && (!word.capitalOnly || token.capitalised)) || (!word && isDeclined(index, token.key))) {
      spans.push({ start: token.start, end: token.end, replacement, rank });
    }
    i++;
  }
  return spans;
}

// --- E-mail addresses and phone numbers ---------------------------------------------------------------------------

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Something that may be a phone number: digits, optionally after + or 00, with spaces, dots, dashes or brackets
 * between them (not around them: the bracket closing "(call 2000 1234)" is the sentence's); not glued to a word, to another number's dash or slash (so "CMP-2026-000123" is not one) or to the
 * colon of a time.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_\-/.,:+])(?:\+|00)?\s?\d(?:[ \t\u00a0.()\-]{0,3}\d)*(?![\p{L}\p{N}_\-/])/gu;
/** Phone numbers have 7 to 15 digits (E.164 allows 15). */
const PHONE_DIGITS = { min: 7, max: 15 };
/** Dates and amounts that look like numbers with separators: left alone unless they are the customer's number. */
const NOT_A_PHONE = [/^\d{4}-\d{1,2}-\d{1,2}/, /^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}/, /^\d+[.,]\d{2}$/];
/** The shortest run of digits taken for the customer's own number written without its country code. */
const MIN_CUSTOMER_PHONE_DIGITS = 6;

function phoneSpans(text: string, customerPhoneDigits: string | null): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0];
    const digits = candidate.replace(/\D/g, '');
    const national = digits.replace(/^0+/, '');
    const customers =
      customerPhoneDigits !== null && national.length >= MIN_CUSTOMER_PHONE_DIGITS && (digits === customerPhoneDigits || customerPhoneDigits.endsWith(national));
    const general = digits.length >= PHONE_DIGITS.min && digits.length <= PHONE_DIGITS.max && !NOT_A_PHONE.some((pattern) => pattern.test(candidate.trim().replace(/^[+(]+/, '')));
    if (!customers && !general) continue;
    // The candidate may start with the space after "+"; the span is the number itself.
    const lead = candidate.length - candidate.trimStart().length;
    spans.push({ start: match.index + lead, end: match.index + candidate.length, replacement: PLACEHOLDERS.phone, rank: 1 });
  }
  return spans;
}

function patternSpans(pattern: RegExp, text: string, replacement: string, rank: number): Span[] {
  return [...text.matchAll(pattern)].filter((m) => m[0].length > 0).map((m) => ({ start: m.index, end: m.index + m[0].length, replacement, rank }));
}

// --- The redactor -------------------------------------------------------------------------------------------------

/**
 * Earliest first; at the same place the longest, then by rank (e-mail, phone, customer, staff): an e-mail address
 * holding a surname is one e-mail address, and a name both customer and staff bear is the customer's in their
 * own complaint. Overlapping later spans are dropped.
 */
function apply(text: string, spans: Span[]): string {
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  let result = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    result += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return result + text.slice(at);
}

/**
 * Compiles the staff names once for a whole agenda and returns the function that redacts each quoted text. The text
 * comes back in Unicode NFC, so that a name typed with combining accents is found like one typed precomposed.
 */
export function createRedactor(staffNames: readonly string[]): Redactor {
  const staff = emptyIndex();
  for (const name of staffNames) addStaffName(staff, name);
  return (raw, customer) => {
    const text = raw.normalize('NFC');
    const folded = fold(text);
    const tokens = tokensOf(folded);
    const spans: Span[] = [...patternSpans(EMAIL, text, PLACEHOLDERS.email, 0)];
    const email = customer?.email?.trim();
    if (email) spans.push(...patternSpans(new RegExp(escapeRegExp(email.normalize('NFC')), 'giu'), text, PLACEHOLDERS.email, 0));
    const phoneDigits = customer?.phone?.replace(/\D/g, '') || null;
    spans.push(...phoneSpans(text, phoneDigits && phoneDigits.length >= MIN_CUSTOMER_PHONE_DIGITS ? phoneDigits : null));
    if (customer?.name?.trim()) spans.push(...nameSpans(customerIndex(customer.name), folded, tokens, PLACEHOLDERS.customer, 2));
    spans.push(...nameSpans(staff, folded, tokens, PLACEHOLDERS.staff, 3));
    return apply(text, spans);
  };
}

/** One text at once; an agenda redacts many, with createRedactor. */
export function redact(text: string, staffNames: readonly string[], customer?: CustomerIdentity | null): string {
  return createRedactor(staffNames)(text, customer);
}

// --- Blaming wording ----------------------------------------------------------------------------------------------

export interface BlamingWording {
  rule: AgendaFlagRule;
  words: string;
}

/**
 * Wording the chair should look at before the meeting: a person blamed without the process factor that let it
 * happen (the no-blame guard) or the customer blamed (the empathy guard's rule, in every language it has rules for:
 * staff do not always write in the customer's language). The reviewed rule files decide; nothing is scored. Run it
 * on the redacted text, so the words quoted back are redacted too. In order of position.
 */
export function findBlamingWording(text: string): BlamingWording[] {
  const found: { rule: AgendaFlagRule; start: number; end: number }[] = [];
  for (const finding of checkNoBlame(text, [], 'explanation')) {
    if (finding.rule === 'blames_person') found.push({ rule: 'blames_person', start: finding.start, end: finding.end });
  }
  for (const language of GUARD_LANGUAGES) {
    for (const finding of checkMessage(text, language, 'update')) {
      if (finding.rule === 'blames_customer') found.push({ rule: 'blames_customer', start: finding.start, end: finding.end });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    .filter((f) => {
      const key = `${f.rule}:${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({ rule: f.rule, words: text.slice(f.start, f.end) }));
}
