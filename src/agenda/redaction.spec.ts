import { describe, expect, it } from '@jest/globals';
import { CONTACT_STRINGS, CUSTOMER, leaksIn, STAFF_NAME_WORDS, STAFF_NAMES, withNames } from '../../test/factories/agenda.js';
import { createRedactor, findBlamingWording, PLACEHOLDERS, redact } from './redaction.js';

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

    it('replaces a given name alone when it is written with a capital, but not a process word nor a lower-case word', () => {
      expect(staff('Ask Dana or Jānis, or Janis, tomorrow.')).toBe(`Ask ${S} or ${S}, or ${S}, tomorrow.`);
      expect(staff('the dana river')).toBe('the dana river');
      // "Test agent" is on the staff list: "Test" is not taken for a name, nor is "agent".
      expect(staff('Test the gateway with an agent.')).toBe('Test the gateway with an agent.');
    });

    it("handles O'Brien and double-barrelled surnames", () => {
      expect(staff("Liam O'Brien and O’Brien and Brien")).toBe(`${S} and ${S} and ${S}`);
      const double = createRedactor(['Ilze Ozola-Kalniņa']);
      expect(double('Ozola-Kalniņa, Kalniņa and Ozola')).toBe(`${S}, ${S} and ${S}`);
    });

    it('keeps ordinary words that are also surnames unless capitalised, and short surnames unless capitalised', () => {
      // "Test agent" is on the staff list: "agent" alone is a word of the process.
      expect(staff('The agent forgot. Test agent did. Agent Smith is not staff.')).toBe(`The agent forgot. ${S} did. ${S} Smith is not staff.`);
      const short = createRedactor(['Wei Li']);
      expect(short('Li said li is a syllable; Wei Li agreed.')).toBe(`${S} said li is a syllable; ${S} agreed.`);
    });

    it('does not take part of a longer word for a name, and leaves English plurals of a surname alone', () => {
      const price = createRedactor(['Alex Price']);
      expect(price('Pricing and prices; Price agreed.')).toBe(`Pricing and prices; ${S} agreed.`);
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

    it("matches the customer's first name alone only with a capital: first names are often words", () => {
      const will = { name: 'Will Grace', email: null, phone: null };
      expect(staff('We will call. Will asked for grace. Grace Will', will)).toBe(`We will call. ${C} asked for grace. ${C}`);
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

  describe('blaming wording', () => {
    it("flags the empathy guard's blames_customer and the no-blame guard's blames_person, with the words", () => {
      expect(findBlamingWording('You failed to cancel before the billing date.')).toEqual([{ rule: 'blames_customer', words: 'You failed to' }]);
      expect(findBlamingWording('It was human error. The clerk was careless.')).toEqual([
        { rule: 'blames_person', words: 'human error' },
        { rule: 'blames_person', words: 'careless' },
      ]);
      expect(findBlamingWording('Tā ir jūsu vaina.')).toEqual([expect.objectContaining({ rule: 'blames_customer' })]);
    });

    it('does not flag process wording, or a person mentioned with the process factor that let it happen', () => {
      expect(findBlamingWording('The refund form has no field for the second payment.')).toEqual([]);
      expect(findBlamingWording('The agent forgot the step because the checklist is missing it.')).toEqual([]);
      expect(findBlamingWording('You should have received our letter on Monday.')).toEqual([]);
    });

    it('quotes redacted words when run on redacted text', () => {
      const text = staff('Dana Ozola made a mistake.');
      expect(findBlamingWording(text)).toEqual([{ rule: 'blames_person', words: 'made a mistake' }]);
      expect(text).toBe(`${S} made a mistake.`);
    });
  });
});
