/*
 * The words of the customer's status page. They live in one data file per language (see README.md beside this
 * file) so that the people who write to customers can review them without reading code.
 */
import en from './en.json' with { type: 'json' };
import lv from './lv.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import uk from './uk.json' with { type: 'json' };

export const CUSTOMER_LANGUAGES = ['en', 'uk', 'ru', 'lv'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

/** English is the reference: its keys are the keys every language must have. */
export type MessageKey = keyof typeof en;

export const CATALOGUES: Readonly<Record<CustomerLanguage, Readonly<Record<string, string>>>> = { en, uk, ru, lv };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders of a text, sorted: a translation must keep the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}

function isCustomerLanguage(code: string): code is CustomerLanguage {
  return (CUSTOMER_LANGUAGES as readonly string[]).includes(code);
}

/** `lv`, `LV`, `lv-LV` and `lv_LV` all mean Latvian; anything we have no words for falls back to English. */
export function customerLanguage(code: string | null | undefined): CustomerLanguage {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isCustomerLanguage(primary) ? primary : 'en';
}

/**
 * The best of our languages for a browser's Accept-Language header; used where there is no complaint to take
 * the language from (an unknown status link).
 */
export function languageFromAcceptLanguage(header: string | undefined): CustomerLanguage {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { code: range.trim().toLowerCase().split(/[-_]/)[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isCustomerLanguage(entry.code))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length > 0 ? (ranked[0].code as CustomerLanguage) : 'en';
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** A text in one language with its placeholders filled; a key missing in that language gives the English text. */
export function translate(language: CustomerLanguage, key: MessageKey, params: MessageParams = {}): string {
  const text = CATALOGUES[language][key] ?? en[key];
  // One pass: a value that itself contains `{…}` (a customer's own words) is never expanded again.
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
