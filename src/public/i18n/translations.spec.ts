import { describe, expect, it } from '@jest/globals';
import { CATALOGUES, CUSTOMER_LANGUAGES, customerLanguage, languageFromAcceptLanguage, placeholdersOf, translate } from './translations.js';

const english = CATALOGUES.en;
const keys = Object.keys(english).sort();

describe('the status page translations', () => {
  it('has a reference catalogue worth checking', () => {
    expect(keys.length).toBeGreaterThan(50);
  });

  describe.each(CUSTOMER_LANGUAGES.filter((language) => language !== 'en'))('%s', (language) => {
    const catalogue = CATALOGUES[language];

    it('has every key of the English file, and no other', () => {
      expect(Object.keys(catalogue).sort()).toEqual(keys);
    });

    it('keeps the {…} words of every English text', () => {
      const differences = keys.filter((key) => placeholdersOf(catalogue[key] ?? '').join() !== placeholdersOf(english[key]).join());
      expect(differences).toEqual([]);
    });

    it('translates rather than copies the sentences', () => {
      // Short labels may coincide across languages; whole sentences must not.
      const copied = keys.filter((key) => key !== 'meta.locale' && english[key].length > 25 && catalogue[key] === english[key]);
      expect(copied).toEqual([]);
    });
  });

  it.each(CUSTOMER_LANGUAGES)('%s has no empty text and a locale dates can be written in', (language) => {
    const catalogue = CATALOGUES[language];
    expect(Object.entries(catalogue).filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(Intl.DateTimeFormat.supportedLocalesOf([catalogue['meta.locale']])).toHaveLength(1);
  });
});

describe('customerLanguage', () => {
  it.each([
    ['lv', 'lv'],
    ['LV', 'lv'],
    ['lv-LV', 'lv'],
    ['uk_UA', 'uk'],
    ['ru', 'ru'],
    ['en', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('reads %p as %p', (code, language) => {
    expect(customerLanguage(code)).toBe(language);
  });
});

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['lv-LV,lv;q=0.9,en;q=0.8', 'lv'],
    ['de-DE,de;q=0.9,ru;q=0.5,en;q=0.4', 'ru'],
    ['en;q=0.2, uk', 'uk'],
    ['fr', 'en'],
    ['lv;q=0', 'en'],
    [undefined, 'en'],
  ])('chooses from %p: %p', (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});

describe('translate', () => {
  it('fills placeholders once, leaving braces in the filled-in words alone', () => {
    expect(translate('en', 'timeline.informationRequested', { question: 'Which {card} did you use?' })).toBe('We asked you: Which {card} did you use?');
  });

  it('writes Latvian for a Latvian customer', () => {
    expect(translate('lv', 'summary.teamName', { team: 'Billing' })).toBe('Mūsu komanda “Billing”');
  });
});
