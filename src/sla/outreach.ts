import type { ContactChannel } from '../complaints/complaint.entity.js';
import { addressFor } from '../notifications/customer-address.js';
import type { StaffTaskKind, StaffTaskOutcome } from './staff-task.entity.js';

export type OutreachKind = Exclude<StaffTaskKind, 'keep_informed'>;

/** What a person can report for each kind of task. */
export const OUTCOMES_OF: Record<OutreachKind, StaffTaskOutcome[]> = {
  call: ['reached', 'no_answer', 'wrong_number'],
  text: ['sent', 'wrong_number'],
  letter: ['sent', 'wrong_address'],
};

/** The channel each task kind is made on. */
const CHANNEL_OF: Record<OutreachKind, ContactChannel> = { call: 'phone', text: 'sms', letter: 'letter' };

/** A phone number serves calls and texts alike: when it fails, both are out. */
const SHARES_ADDRESS: Record<ContactChannel, ContactChannel[]> = {
  phone: ['phone', 'sms'],
  sms: ['phone', 'sms'],
  letter: ['letter'],
  email: ['email'],
  portal: ['portal'],
};

/** The order in which another stated contact is tried: the quickest to reach the customer first. */
const FALLBACK_ORDER: ContactChannel[] = ['email', 'phone', 'sms', 'letter'];

export interface CustomerContacts {
  customerEmail: string | null;
  customerPhone: string | null;
  customerPostalAddress: string | null;
  customerExcludedChannels: ContactChannel[];
}

export type NextStep =
  | { kind: 'done' }
  | { kind: 'retry'; attempt: number }
  | { kind: 'fallback'; channel: ContactChannel; address: string }
  /** No other stated contact is left: the message stays on the status page, where it already is. */
  | { kind: 'portal' };

/**
 * What follows a task's outcome. Reached or sent: done. No answer: another call, until `callAttempts` calls went
 * unanswered; then, like a wrong number or address at once, the customer's next stated contact that was neither
 * tried for this message (`tried`, with every channel sharing a failed address) nor excluded by the customer.
 */
export function nextStep(
  task: { kind: OutreachKind; attempt: number; outcome: StaffTaskOutcome },
  contacts: CustomerContacts,
  tried: ContactChannel[],
  callAttempts: number,
): NextStep {
  if (task.outcome === 'reached' || task.outcome === 'sent') return { kind: 'done' };
  if (task.outcome === 'no_answer' && task.attempt < callAttempts) return { kind: 'retry', attempt: task.attempt + 1 };
  const out = new Set([...tried, CHANNEL_OF[task.kind]].flatMap((channel) => SHARES_ADDRESS[channel]));
  for (const channel of FALLBACK_ORDER) {
    if (out.has(channel) || contacts.customerExcludedChannels.includes(channel)) continue;
    const address = addressFor({ ...contacts, preferredChannel: channel }, '');
    if (address) return { kind: 'fallback', channel, address };
  }
  return { kind: 'portal' };
}
