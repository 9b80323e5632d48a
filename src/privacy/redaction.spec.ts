import { describe, expect, it } from '@jest/globals';
import { CONTACT_STRINGS, CUSTOMER, leaksIn, STAFF_NAME_WORDS, STAFF_NAMES, withNames } from '../../test/factories/agenda.js';
import { createFinder, createRedactor, nameKeys, PLACEHOLDERS, redact } from './redaction.js';

const S = PLACEHOLDERS.staff;
const C = PLACEHOLDERS.customer;
const E = PLACEHOLDERS.email;
const P = PLACEHOLDERS.phone;

describe('redaction', () => {
  const staff = createRedactor(STAFF_NAMES);

  describe('staff names', () => {
    it('replaces full names and surnames alone, in any letter case, with or without accents', () => {
      expect(staff('Dana Ozola called back.')).toBe(`${S} called back.`);
      expect(staff('Asked OZOLA and ozola.')).toBe(`Asked ${S} and ${S}.`);
      expect(staff('Janis Berzins and jānis bērziņš agreed.')).toBe(`${S} and ${S} agreed.`);
      expect(staff('Petrenko checked it.')).toBe(`${S} checked it.`);
    });

    it('finds the name however it is written: surname first, middle part skipped, across a line break, possessive, declined, decomposed accents', () => {
      expect(staff('Ozola, Dana wrote.')).toBe(`${S} wrote.`);
      expect(staff('Dana\n  Ozola wrote.')).toBe(`${S} wrote.`);
      expect(staff("Ozola's note")).toBe(`${S}'s note`);
      expect(staff('Jautājiet Ozolai un Bērziņam.')).toBe(`Jautājiet ${S} un ${S}.`);
      expect(staff('Be\u0304rzin\u0327s\u030c replied.')).toBe(`${S} replied.`);
      expect(redact('Anna Marija Kalna and Anna Kalna', ['Anna Marija Kalna'])).toBe(`${S} and ${S}`);
    });

    it('replaces a given name alone in any letter case, but not a process word', () => {
      expect(staff('Ask Dana or Jānis, or Janis, tomorrow.')).toBe(`Ask ${S} or ${S}, or ${S}, tomorrow.`);
      expect(staff('asked dana and janis; OKSANA agreed')).toBe(`asked ${S} and ${S}; ${S} agreed`);
      // "Test agent" is on the staff list: "Test" is not taken for a name, nor is "agent".
      expect(staff('Test the gateway with an agent.')).toBe('Test the gateway with an agent.');
    });

    it("handles O'Brien and double-barrelled surnames", () => {
      expect(staff("Liam O'Brien and O’Brien and Brien")).toBe(`${S} and ${S} and ${S}`);
      const double = createRedactor(['Ilze Ozola-Kalniņa']);
      expect(double('Ozola-Kalniņa, Kalniņa and Ozola')).toBe(`${S}, ${S} and ${S}`);
    });

    it('keeps ordinary words that are also surnames unless they read as a name, and short surnames unless capitalised', () => {
      // "Test agent" is on the staff list: "agent" alone is a word of the process.
      expect(staff('The agent forgot. Test agent did. We asked Agent about it. Agent Smith is not staff.')).toBe(
        `The agent forgot. ${S} did. We asked ${S} about it. Agent Smith is not staff.`,
      );
      const short = createRedactor(['Wei Li']);
      expect(short('Li said li is a syllable; Wei Li agreed.')).toBe(`${S} said li is a syllable; ${S} agreed.`);
    });

    it('does not take part of a longer word for a name, and leaves English plurals of a surname alone', () => {
      const price = createRedactor(['Alex Price']);
      expect(price('Pricing and prices; then Price agreed.')).toBe(`Pricing and prices; then ${S} agreed.`);
      expect(staff('Danang Ozolaine')).toBe('Danang Ozolaine');
    });

    it('stays fast with thousands of staff', () => {
      const many = Array.from({ length: 5000 }, (_, i) => `First${i} Surname${i}x`);
      const text = withNames('A long text').repeat(20);
      const started = Date.now();
      const redactor = createRedactor([...many, ...STAFF_NAMES]);
      for (let i = 0; i < 200; i++) redactor(text, CUSTOMER);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(leaksIn(redactor(text, CUSTOMER), STAFF_NAME_WORDS)).toEqual([]);
    });
  });

  describe('customer contact data', () => {
    it("removes the customer's name, e-mail address and phone number however written", () => {
      const text = 'Anna Kalniņa (anna.kalnina@example.com) asked us to call +371 2000 1234, 2000-1234, 0037120001234 or +37120001234. Dear Anna; Ms Kalnina.';
      expect(staff(text, CUSTOMER)).toBe(`${C} (${E}) asked us to call ${P}, ${P}, ${P} or ${P}. Dear ${C}; Ms ${C}.`);
      expect(staff('ANNA KALNIŅA wrote', CUSTOMER)).toBe(`${C} wrote`);
    });

    it("matches the customer's name in ordinary words only where it reads as a name", () => {
      const will = { name: 'Will Grace', email: null, phone: null };
      expect(staff('We will call, and Will asked for grace. Grace Will', will)).toBe(`We will call, and ${C} asked for grace. ${C}`);
    });

    it('removes any e-mail address and phone number, not only the customer’s', () => {
      expect(staff('Write to ops+billing@corp.example.lv or call +44 (0)20 7946 0958, 020 7946 0958, 8 800 555 35 35.')).toBe(
        `Write to ${E} or call ${P}, ${P}, ${P}.`,
      );
      // An address holding a staff surname is one address.
      expect(staff('dana.ozola@corp.lv')).toBe(E);
    });

    it('leaves dates, times, amounts, references and short numbers alone', () => {
      const text = 'On 2026-11-03 at 17:00 (03.11.2026, 3/11/2026) we refunded 42.00 EUR and 1234.56 EUR for CMP-2026-000123, card ending 4417, order 12345.';
      expect(staff(text, CUSTOMER)).toBe(text);
    });

    it('leaves the text as it was when there is nothing to remove', () => {
      expect(staff('Thank you for your patience.', null)).toBe('Thank you for your patience.');
      expect(redact('', [])).toBe('');
    });

    it('removes every planted name and contact detail from the fixture text', () => {
      const out = staff(withNames('Summary'), CUSTOMER);
      expect(leaksIn(out, STAFF_NAME_WORDS)).toEqual([]);
      expect(leaksIn(out, CONTACT_STRINGS)).toEqual([]);
      expect(out).toContain('Summary.');
    });
  });

  describe('the holes found on first use', () => {
    const people = createFinder({
      staffNames: ['Olena Kovalenko', 'Дмитро Соколов', 'Anna Hill', 'Rose Smith', 'Dana Ozola'],
      staffIds: ['7d0e5a8e-1f4b-4c1e-9a43-2b6f1c9d0e11'],
      customerNames: ['Ilze Liepa', 'Тарас Шевченко', 'Marta Grey'],
    });
    const r = people.redact;

    it('finds names written in the other script, in any case', () => {
      expect(r('Олена Коваленко і OLENA KOVALENKO')).toBe(`${S} і ${S}`);
      expect(r('Dmytro Sokolov and Dmitro Sokolov and соколов')).toBe(`${S} and ${S} and ${S}`);
      expect(r('olena said so')).toBe(`${S} said so`);
    });

    it('finds declined forms of customer names of other complaints, and their full names', () => {
      expect(r('Zvanījām Liepai un Ilzei Liepai.')).toBe(`Zvanījām ${C} un ${C}.`);
      expect(r('Лист від Шевченка; Тарас Шевченко чекає.')).toBe(`Лист від ${C}; ${C} чекає.`);
      expect(r('Taras Shevchenko called.')).toBe(`${C} called.`);
    });

    it('replaces a staff id typed into a text, and no other id', () => {
      expect(r('Assigned to 7D0E5A8E-1F4B-4C1E-9A43-2B6F1C9D0E11 on Monday; action 11111111-2222-4333-8444-555555555555.')).toBe(
        `Assigned to ${S} on Monday; action 11111111-2222-4333-8444-555555555555.`,
      );
    });

    it('finds phone numbers written tel:, phone: or in pairs of digits', () => {
      expect(r('tel:+37120001234, phone:5551234, 20-00-00-00 and Tel.: +371 2000 1234')).toBe(`tel:${P}, phone:${P}, ${P} and Tel.: ${P}`);
      expect(r('mailto:olena@example.com')).toBe(`mailto:${E}`);
      expect(r('On 03.11.2026 at 17:00, 3-11-2026.')).toBe('On 03.11.2026 at 17:00, 3-11-2026.');
    });

    it('keeps surnames that are ordinary words where they do not read as a name', () => {
      expect(r('The van went up the hill to Rose Hill Road; a rose by the road.')).toBe('The van went up the hill to Rose Hill Road; a rose by the road.');
      expect(r('Hill roads were closed.')).toBe('Hill roads were closed.');
      expect(r('We spoke to Hill, then to Mr Smith and Ms grey.')).toBe(`We spoke to ${S}, then to Mr ${S} and Ms ${C}.`);
      expect(r('Anna Hill and Rose Smith agreed.')).toBe(`${S} and ${S} agreed.`);
    });

    it('says what it would remove, where, and of which kind', () => {
      const text = 'Olena Kovalenko called Ilze Liepa on +371 2000 1234 (ilze@example.lv).';
      expect(people.find(text).map(({ kind, start, end }) => [kind, text.slice(start, end)])).toEqual([
        ['staff', 'Olena Kovalenko'],
        ['customer', 'Ilze Liepa'],
        ['phone', '+371 2000 1234'],
        ['email', 'ilze@example.lv'],
      ]);
    });

    it('gives SQL lookup keys that find a name from its declined and transliterated forms', () => {
      const stored = new Set(nameKeys('Тарас Шевченко'));
      for (const word of ['Шевченка', 'Shevchenko', 'шевченку']) expect(nameKeys(word).some((key) => stored.has(key))).toBe(true);
      expect(nameKeys('Ilze Liepa').some((key) => nameKeys('Liepai').includes(key))).toBe(true);
    });
  });
});
