import { describe, expect, it } from '@jest/globals';
import { isCopyOfDescription } from './context-note.js';

const description = 'My October invoice was debited twice from my card on 3 November.';

describe('isCopyOfDescription', () => {
  it('catches the description pasted as it is, or with case and punctuation changed', () => {
    expect(isCopyOfDescription(description, description)).toBe(true);
    expect(isCopyOfDescription('my october invoice was debited twice from my card on 3 november', description)).toBe(true);
    expect(isCopyOfDescription(`  ${description}  Thanks.`, description)).toBe(true);
  });

  it('accepts a summary that adds what was found and what the customer wants', () => {
    const note = 'Customer was charged twice for October (both debits visible on 3 Nov). Wants the duplicate refunded to the card, no call needed.';
    expect(isCopyOfDescription(note, description)).toBe(false);
  });

  it('accepts a note that quotes the description but adds as much again', () => {
    const note = `${description} Checked the ledger: the second debit is a gateway retry. Customer wants a refund and an apology by e-mail.`;
    expect(isCopyOfDescription(note, description)).toBe(false);
  });

  it('works for Cyrillic and Latvian text', () => {
    const lv = 'Oktobra rēķins no manas kartes noņemts divreiz 3. novembrī.';
    expect(isCopyOfDescription(lv.toUpperCase(), lv)).toBe(true);
    const uk = 'Рахунок за жовтень списали двічі з моєї картки 3 листопада.';
    expect(isCopyOfDescription(uk, uk)).toBe(true);
    expect(isCopyOfDescription('Клієнт хоче повернення другого платежу на картку; дзвонити не треба, лише лист.', uk)).toBe(false);
  });
});
