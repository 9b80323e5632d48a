import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ContactChannel } from '../complaints/complaint.entity.js';
import { nextStep, OUTCOMES_OF, type CustomerContacts } from './outreach.js';

const ALL: CustomerContacts = {
  customerEmail: 'anna@example.com',
  customerPhone: '+15550100',
  customerPostalAddress: 'Rose Hill Road 1, Riga',
  customerExcludedChannels: [],
};

describe('nextStep after a call, text or letter', () => {
  it('is done when the customer was reached or the message sent', () => {
    expect(nextStep({ kind: 'call', attempt: 1, outcome: 'reached' }, ALL, [], 3)).toEqual({ kind: 'done' });
    expect(nextStep({ kind: 'letter', attempt: 1, outcome: 'sent' }, ALL, [], 3)).toEqual({ kind: 'done' });
  });

  it('calls again after no answer until the configured number of calls', () => {
    expect(nextStep({ kind: 'call', attempt: 1, outcome: 'no_answer' }, ALL, ['phone'], 3)).toEqual({ kind: 'retry', attempt: 2 });
    expect(nextStep({ kind: 'call', attempt: 2, outcome: 'no_answer' }, ALL, ['phone'], 3)).toEqual({ kind: 'retry', attempt: 3 });
  });

  it('falls back to another stated contact after the last unanswered call, never a text to the same number', () => {
    expect(nextStep({ kind: 'call', attempt: 3, outcome: 'no_answer' }, ALL, ['phone'], 3)).toEqual({ kind: 'fallback', channel: 'email', address: 'anna@example.com' });
    expect(nextStep({ kind: 'call', attempt: 3, outcome: 'no_answer' }, { ...ALL, customerEmail: null }, ['phone'], 3)).toEqual({
      kind: 'fallback',
      channel: 'letter',
      address: 'Rose Hill Road 1, Riga',
    });
  });

  it('falls back at once after a wrong number', () => {
    expect(nextStep({ kind: 'call', attempt: 1, outcome: 'wrong_number' }, ALL, ['phone'], 3)).toEqual({ kind: 'fallback', channel: 'email', address: 'anna@example.com' });
  });

  it('never uses a channel the customer excluded', () => {
    const contacts = { ...ALL, customerExcludedChannels: ['email', 'letter'] as ContactChannel[] };
    expect(nextStep({ kind: 'call', attempt: 3, outcome: 'no_answer' }, contacts, ['phone'], 3)).toEqual({ kind: 'portal' });
  });

  it('does not go back to a channel already tried for the message', () => {
    expect(nextStep({ kind: 'call', attempt: 1, outcome: 'wrong_number' }, { ...ALL, customerEmail: null }, ['letter', 'phone'], 3)).toEqual({ kind: 'portal' });
  });

  it('ends on the status page when no other contact is stated', () => {
    expect(nextStep({ kind: 'call', attempt: 3, outcome: 'no_answer' }, { ...ALL, customerEmail: null, customerPostalAddress: null }, ['phone'], 3)).toEqual({ kind: 'portal' });
  });

  it('never falls back to an excluded, tried or failed channel, whatever the contacts and outcomes', () => {
    const channel = fc.constantFrom<ContactChannel>('email', 'phone', 'sms', 'letter');
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'text' as const, 'letter' as const),
        fc.integer({ min: 1, max: 10 }),
        fc.uniqueArray(channel),
        fc.uniqueArray(channel),
        fc.boolean(),
        fc.boolean(),
        (kind, attempt, excluded, tried, hasEmail, hasPost) => {
          for (const outcome of OUTCOMES_OF[kind]) {
            const step = nextStep({ kind, attempt, outcome }, { ...ALL, customerEmail: hasEmail ? 'a@b.c' : null, customerPostalAddress: hasPost ? 'Somewhere 1' : null, customerExcludedChannels: excluded }, tried, 3);
            if (step.kind !== 'fallback') continue;
            expect(excluded).not.toContain(step.channel);
            expect(tried).not.toContain(step.channel);
            expect(step.address).toBeTruthy();
          }
        },
      ),
    );
  });
});
