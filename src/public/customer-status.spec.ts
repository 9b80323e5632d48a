import { describe, expect, it } from '@jest/globals';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { ComplaintEntity } from '../complaints/complaint.entity.js';
import { customerLocale } from './customer-locale.js';
import { customerStatusView, PUBLIC_EVENT_TYPES, type CustomerStatusFacts, type PublicEventRow } from './customer-status.js';

const SECRETS = {
  id: '9b6c3c39-3a7e-4f0e-9d55-4c1a4f6f2c11',
  customerName: 'Anna Berzina',
  customerEmail: 'anna@example.com',
  customerPhone: '+37120000000',
  customerPostalAddress: 'Brivibas iela 1, Riga',
  contactInstructions: 'Call my mobile after 17:00',
  description: 'My October invoice was debited twice',
  summary: 'Charged twice for October',
  staffName: 'Test resolver',
  staffId: '5d7b2f3e-1c0a-4a4e-8a9b-0f6e7d1c2b3a',
  handoffReason: 'Needs the payments ledger',
  contextNote: 'Customer reported a duplicate debit and wants it refunded',
  internalNote: 'Card processor says a retry fired twice',
  publicTokenHash: 'f'.repeat(64),
};

function complaint(overrides: Partial<ComplaintEntity> = {}): ComplaintEntity {
  return {
    id: SECRETS.id,
    reference: 'CMP-2026-000042',
    type: 'complaint',
    channel: 'phone',
    categoryId: '00000000-0000-4000-8000-000000000001',
    severity: 'high',
    summary: SECRETS.summary,
    description: SECRETS.description,
    desiredOutcome: 'Refund',
    receivedAt: new Date('2026-11-23T09:00:00Z'),
    status: 'acknowledged',
    version: 2,
    owningDepartmentId: '00000000-0000-4000-8000-000000000002',
    owningDepartment: { id: '00000000-0000-4000-8000-000000000002', code: 'billing', name: 'Billing' } as ComplaintEntity['owningDepartment'],
    customerExternalRef: 'HD-1',
    customerName: SECRETS.customerName,
    customerEmail: SECRETS.customerEmail,
    customerPhone: SECRETS.customerPhone,
    customerPostalAddress: SECRETS.customerPostalAddress,
    preferredChannel: 'phone',
    contactInstructions: SECRETS.contactInstructions,
    customerLanguage: 'en',
    firstResponseDueAt: new Date('2026-11-23T13:00:00Z'),
    resolutionDueAt: new Date('2026-11-30T13:00:00Z'),
    firstRespondedAt: new Date('2026-11-23T10:00:00Z'),
    firstResponseOnTime: true,
    firstResponseBreachedAt: null,
    pausedAt: null,
    atRiskDueAt: null,
    atRiskAt: null,
    resolutionBreachedAt: null,
    lastCustomerUpdateAt: null,
    keepInformedDueAt: null,
    outcome: null,
    resolvedAt: null,
    expectedResolutionBy: new Date('2026-11-27T15:00:00Z'),
    customerNextStep: 'We are checking both payments',
    publicTokenHash: SECRETS.publicTokenHash,
    idempotencyPrincipalId: null,
    idempotencyKey: null,
    intakeHash: 'hash',
    createdAt: new Date('2026-11-23T09:00:00Z'),
    updatedAt: new Date('2026-11-23T10:00:00Z'),
    ...overrides,
  } as ComplaintEntity;
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));
const event = (type: string, data: Record<string, unknown> = {}, minute = 0): PublicEventRow => ({ type, occurredAt: at(minute), data });

const en = customerLocale('en', 'Europe/Riga');
const lv = customerLocale('lv', 'Europe/Riga');

function view(facts: Partial<CustomerStatusFacts> = {}, locale = en) {
  return customerStatusView({ complaint: complaint(), events: [], openInformationRequest: null, latestResolution: null, ...facts }, locale);
}

const resolution = (hasFeedback = false) => ({
  outcome: 'partially_upheld' as const,
  customerMessage: 'We have refunded one payment.',
  resolvedAt: new Date('2026-11-25T12:00:00Z'),
  hasFeedback,
});

describe('customerStatusView', () => {
  it('has exactly the allow-listed members', () => {
    expect(Object.keys(view()).sort()).toEqual(
      [
        'canDispute',
        'canGiveFeedback',
        'expectedResolutionBy',
        'informationRequest',
        'language',
        'lastUpdatedAt',
        'nextStep',
        'owningTeam',
        'receivedAt',
        'reference',
        'replyDueBy',
        'resolution',
        'status',
        'statusText',
        'step',
        'steps',
        'timeline',
        'totalSteps',
        'type',
      ].sort(),
    );
  });

  it.each<[ComplaintStatus, number, string]>([
    ['received', 1, 'received'],
    ['acknowledged', 2, 'acknowledged'],
    ['in_resolution', 3, 'in_resolution'],
    ['reopened', 3, 'in_resolution'],
    ['resolved', 4, 'resolved'],
    ['closed', 5, 'closed'],
  ])('places a %s complaint on step %i (%s)', (status, step, key) => {
    const v = view({ complaint: complaint({ status }) });
    expect(v.step).toBe(step);
    expect(v.totalSteps).toBe(5);
    expect(v.steps.map((s) => s.key)).toEqual(['received', 'acknowledged', 'in_resolution', 'resolved', 'closed']);
    expect(v.steps.filter((s) => s.state === 'current').map((s) => s.key)).toEqual([key]);
    expect(v.steps.slice(0, step - 1).every((s) => s.state === 'done')).toBe(true);
    expect(v.steps.slice(step).every((s) => s.state === 'upcoming')).toBe(true);
  });

  it('tells a reopened complaint apart from one in resolution by its status text, not its step', () => {
    expect(view({ complaint: complaint({ status: 'reopened' }) }).statusText).toBe('We are looking into it again');
    expect(view({ complaint: complaint({ status: 'in_resolution' }) }).statusText).toBe('We are working on a resolution');
  });

  it('gives a suggestion its three steps', () => {
    const v = view({ complaint: complaint({ type: 'suggestion', status: 'closed' }) });
    expect(v.steps.map((s) => s.key)).toEqual(['received', 'acknowledged', 'closed']);
    expect([v.step, v.totalSteps]).toEqual([3, 3]);
  });

  it("shows the staff member's next step, and the step's own words when there is none", () => {
    expect(view().nextStep).toBe('We are checking both payments');
    expect(view({ complaint: complaint({ customerNextStep: null }) }).nextStep).toBe('We are working on a resolution');
    expect(view({ complaint: complaint({ customerNextStep: null }) }, lv).nextStep).toBe('Mēs strādājam pie risinājuma');
  });

  it('drops a written next step once a dispute or reopening made it stale, and once the case is closed', () => {
    const written = complaint({ status: 'reopened', customerNextStep: 'You can escalate to the ombudsman' });
    const events = [event('acknowledged', {}, 1), event('resolved', { outcome: 'not_upheld' }, 2), event('disputed', {}, 3), event('reopened', {}, 4)];
    expect(view({ complaint: written, events }).nextStep).toBe('We will tell you the outcome');
    expect(view({ complaint: complaint({ status: 'in_resolution' }), events: [...events, event('handed_off', {}, 5)] }).nextStep).toBe(
      'We will tell you the outcome',
    );
    expect(view({ complaint: complaint({ status: 'resolved', customerNextStep: 'Call us' }), events: events.slice(0, 2) }).nextStep).toBe('Call us');
    expect(view({ complaint: complaint({ status: 'closed' }) }).nextStep).toBe('Nothing more is needed from you');
  });

  it('shows the promised date, the resolution target before one is promised, and none once answered', () => {
    expect(view().expectedResolutionBy).toEqual(new Date('2026-11-27T15:00:00Z'));
    expect(view({ complaint: complaint({ expectedResolutionBy: null }) }).expectedResolutionBy).toEqual(new Date('2026-11-30T13:00:00Z'));
    expect(view({ complaint: complaint({ status: 'resolved' }) }).expectedResolutionBy).toBeNull();
  });

  it('promises a reply date only before the first response', () => {
    expect(view({ complaint: complaint({ status: 'received' }) }).replyDueBy).toEqual(new Date('2026-11-23T13:00:00Z'));
    expect(view().replyDueBy).toBeNull();
  });

  it('names the owning team, never a person', () => {
    expect(view().owningTeam).toBe('Billing');
    expect(view({ complaint: complaint({ owningDepartment: undefined }) }).owningTeam).toBeNull();
  });

  describe('the public timeline', () => {
    const everything = [
      event('received', { type: 'complaint', channel: 'phone', categoryCode: 'billing-error' }, 0),
      event('first_response_breached', { dueAt: '2026-11-23T13:00:00Z' }, 1),
      event('acknowledged', { nextSteps: 'We are checking both payments', onTime: true, channel: 'phone' }, 2),
      event('note_added', { noteId: 'n1', visibility: 'internal', body: SECRETS.internalNote }, 3),
      event(
        'handed_off',
        { toDepartmentName: 'Payments', toDepartmentId: 'd2', toAssigneeId: SECRETS.staffId, reason: SECRETS.handoffReason, contextNote: SECRETS.contextNote },
        4,
      ),
      event('customer_updated', { noteId: 'n2', message: 'We found the second payment.' }, 5),
      event('information_requested', { informationRequestId: 'r1', question: 'Which card did you use?' }, 6),
      event('customer_replied', { informationRequestId: 'r1', answer: 'The Visa ending 1234', pausedBusinessMs: 3600000 }, 7),
      event('expected_date_changed', { from: '2026-11-27T15:00:00.000Z', to: '2026-12-01T15:00:00.000Z', customerReason: 'The bank needs two more days', later: true }, 8),
      event('guard_overridden', { purpose: 'delay', justification: SECRETS.internalNote, staffName: SECRETS.staffName }, 9),
      event('at_risk', { share: 0.75 }, 10),
      event('resolved', { resolutionId: 'x', outcome: 'partially_upheld', refusal: true }, 11),
      event('disputed', { reason: 'Still charged twice', outcome: 'partially_upheld' }, 12),
      event('reopened', { reason: SECRETS.internalNote }, 13),
      event('feedback_received', { resolutionId: 'x', csat: 2, nps: 3 }, 14),
    ];

    it('shows the public events in plain words, in order, and nothing else', () => {
      const v = view({ events: everything });
      expect(v.timeline.map((entry) => [entry.type, entry.text])).toEqual([
        ['received', 'We received your message'],
        ['acknowledged', 'We confirmed that we are looking into it. Next: We are checking both payments'],
        ['handed_off', 'Your case was passed to our Payments team'],
        ['customer_updated', 'We sent you an update: We found the second payment.'],
        ['information_requested', 'We asked you: Which card did you use?'],
        ['customer_replied', 'You sent us your answer'],
        ['expected_date_changed', 'We now expect to resolve it by Tuesday, 1 December 2026 at 17:00. Why: The bank needs two more days'],
        ['resolved', 'We gave our answer: We agree with part of your complaint'],
        ['disputed', 'You told us that our answer did not settle the matter'],
        ['reopened', 'We reopened your case to look at it again'],
        ['feedback_received', 'You rated our answer. Thank you!'],
      ]);
      expect(v.timeline.every((entry) => entry.at instanceof Date)).toBe(true);
      expect(v.timeline.map((entry) => Object.keys(entry).sort())).toEqual(v.timeline.map(() => ['at', 'text', 'type']));
    });

    it('names only public event types', () => {
      expect(new Set(view({ events: everything }).timeline.map((entry) => entry.type))).toEqual(new Set(PUBLIC_EVENT_TYPES));
    });

    it('writes dates in the organisation time zone and the customer language', () => {
      const [entry] = view({ events: [everything[8]] }, lv).timeline;
      expect(entry.text).toBe('Jaunais plānotais atrisināšanas datums: otrdiena, 2026. gada 1. decembris 17:00. Iemesls: The bank needs two more days');
    });

    it('falls back to words without data when a field is missing or of the wrong kind', () => {
      const v = view({
        events: [
          event('acknowledged', {}),
          event('handed_off', { toDepartmentName: 42 }),
          event('customer_updated', { message: '  ' }),
          event('information_requested', {}),
          event('expected_date_changed', { to: 'not a date' }),
          event('resolved', { outcome: 'dismissed' }),
        ],
      });
      expect(v.timeline.map((entry) => entry.text)).toEqual([
        'We confirmed that we are looking into it',
        'Your case was passed to another of our teams',
        'We sent you an update',
        'We asked you for some information',
        'We changed the date by which we expect to resolve it',
        'We gave our answer',
      ]);
    });

    it('leaks no internal data, staff, contact details or complaint internals', () => {
      const text = JSON.stringify(view({ events: everything, complaint: complaint({ status: 'resolved' }), latestResolution: resolution() }));
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(text).not.toContain('The Visa ending 1234'); // the customer's own answer is not repeated back
      expect(text).not.toContain('Still charged twice');
    });
  });

  describe('the information request', () => {
    it('shows the open question', () => {
      const v = view({ openInformationRequest: { question: 'Which card did you use?', askedAt: at(6) } });
      expect(v.informationRequest).toEqual({ question: 'Which card did you use?', askedAt: at(6) });
    });

    it('is null when nothing is asked', () => {
      expect(view().informationRequest).toBeNull();
    });
  });

  describe('the answer, the rating and the dispute', () => {
    it('shows the latest answer and offers both forms until the customer rated it', () => {
      const v = view({ complaint: complaint({ status: 'resolved' }), latestResolution: resolution() });
      expect(v.resolution).toEqual({
        outcome: 'partially_upheld',
        outcomeText: 'We agree with part of your complaint',
        message: 'We have refunded one payment.',
        resolvedAt: new Date('2026-11-25T12:00:00Z'),
      });
      expect([v.canGiveFeedback, v.canDispute]).toEqual([true, true]);
    });

    it('takes one rating per answer, and still lets the customer dispute it', () => {
      const v = view({ complaint: complaint({ status: 'resolved' }), latestResolution: resolution(true) });
      expect([v.canGiveFeedback, v.canDispute]).toEqual([false, true]);
    });

    it('lets a closed case be rated but not disputed', () => {
      const v = view({ complaint: complaint({ status: 'closed' }), latestResolution: resolution() });
      expect([v.canGiveFeedback, v.canDispute]).toEqual([true, false]);
      expect(v.resolution?.outcome).toBe('partially_upheld');
    });

    it('hides a disputed answer while the case is looked at again', () => {
      const v = view({ complaint: complaint({ status: 'reopened' }), latestResolution: resolution() });
      expect(v.resolution).toBeNull();
      expect([v.canGiveFeedback, v.canDispute]).toEqual([false, false]);
    });

    it('offers nothing before an answer', () => {
      const v = view({ complaint: complaint({ status: 'resolved' }) });
      expect([v.resolution, v.canGiveFeedback, v.canDispute]).toEqual([null, false, false]);
    });
  });

  it('speaks the language it was given and says which', () => {
    const v = view({}, lv);
    expect(v.language).toBe('lv');
    expect(v.statusText).toBe('Mēs to izskatām');
    expect(v.steps[1].label).toBe('Pieņemta izskatīšanai');
  });
});
