import { translate, type CustomerLanguage, type MessageKey, type MessageParams } from './i18n/translations.js';

/** How the status page speaks to one customer: their language, and dates in the organisation's time zone. */
export interface CustomerLocale {
  language: CustomerLanguage;
  t(key: MessageKey, params?: MessageParams): string;
  /** A date the customer plans around, with its weekday: "Friday, 27 November 2026 at 15:00". */
  longDate(at: Date): string;
  /** When something happened: "27 Nov 2026, 15:00". */
  shortDate(at: Date): string;
}

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    // The admin API validates the zone; a page that fails to render over it would help nobody.
    return 'UTC';
  }
}

export function customerLocale(language: CustomerLanguage, timeZone: string): CustomerLocale {
  const locale = translate(language, 'meta.locale');
  const zone = validTimeZone(timeZone);
  const long = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone });
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  return {
    language,
    t: (key, params) => translate(language, key, params),
    longDate: (at) => long.format(at),
    shortDate: (at) => short.format(at),
  };
}
