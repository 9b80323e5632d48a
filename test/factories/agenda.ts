import type { AgendaBuildInput } from '../../src/agenda/agenda-builder.js';
import type { AgendaSectionsData } from '../../src/agenda/agenda-sections.repository.js';
import type { CustomerIdentity } from '../../src/privacy/redaction.js';

/*
 * An agenda's input for the unit tests, with staff names and customer contact data planted in every free-text field
 * (in the ways people write them: full, surname alone, another letter case, without accents, declined) and blaming
 * wording in some. Nothing of it may reach the content or a rendering.
 */

/** The whole staff list the redaction is given. */
export const STAFF_NAMES = ['Dana Ozola', 'Jānis Bērziņš', 'Oksana Petrenko', "Liam O'Brien", 'Test agent'];

/** Every spelling of a staff name the fixture plants; none may survive. Compared case- and accent-insensitively. */
export const STAFF_NAME_WORDS = ['Dana', 'Ozola', 'Ozolai', 'Jānis', 'Janis', 'Bērziņš', 'Berzins', 'Bērziņam', 'Oksana', 'Petrenko', 'Liam', "O'Brien", 'Brien'];

export const CUSTOMER: CustomerIdentity = { name: 'Anna Kalniņa', email: 'anna.kalnina@example.com', phone: '+371 2000 1234' };

/** The customer's contact data and general contact data as planted; none may survive. */
export const CONTACT_STRINGS = [
  'Anna',
  'Kalniņa',
  'Kalnina',
  'anna.kalnina@example.com',
  'ANNA.KALNINA@EXAMPLE.COM',
  'other.person@mail.lv',
  '2000 1234',
  '2000-1234',
  '20001234',
  '37120001234',
  '7946 0958',
];

/**
 * A text naming staff and the customer in several ways. Texts that belong to no complaint (decisions, prevention
 * actions) cannot know a customer's name, so they get only contact data any text may hold.
 */
export const withNames = (subject: string, ofComplaint = true) =>
  `${subject}. Dana Ozola and OZOLA's colleague ozolai, Janis Berzins (Bērziņam) and Petrenko with O'Brien talked to ${ofComplaint ? 'Anna Kalniņa' : 'the customer'} ` +
  `(${ofComplaint ? 'ANNA.KALNINA@EXAMPLE.COM' : 'anna.kalnina@example.com'}, +371 2000 1234, or 2000-1234) and copied other.person@mail.lv and +44 20 7946 0958.`;

const at = (iso: string) => new Date(iso);

export function sampleSections(): AgendaSectionsData {
  return {
    themes: {
      top: [
        { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: 'tooling', causeName: 'Tooling', count: 3, previousCount: 1, change: 2 },
        { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: null, causeName: null, count: 2, previousCount: 0, change: 2 },
        { categoryCode: 'network-outage', categoryName: 'Network outage', causeCode: 'capacity', causeName: 'Capacity', count: 1, previousCount: 3, change: -2 },
      ],
      rising: [
        { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: 'tooling', causeName: 'Tooling', count: 3, previousCount: 1, change: 2 },
        { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: null, causeName: null, count: 2, previousCount: 0, change: 2 },
      ],
    },
    recurringProblems: [
      {
        categoryCode: 'billing-error',
        categoryName: 'Billing error',
        causeCode: 'tooling',
        causeName: 'Tooling',
        count: 3,
        previousCount: 1,
        actions: [
          {
            id: 'a1000000-0000-4000-8000-000000000001',
            title: withNames('Idempotent gateway retries <script>alert(1)</script> | pipe', false),
            status: 'verifying',
            ownerDepartment: 'Billing',
            allCategories: false,
            dueAt: at('2026-10-15T00:00:00Z'),
            doneAt: at('2026-10-10T12:00:00Z'),
            targetReductionPct: 50,
            lastCheck: { verdict: 'insufficient_data', reductionPct: null, checkedAt: at('2026-10-20T00:00:00Z') },
            complaintsAfterDone: 1,
          },
        ],
      },
    ],
    preventionActions: {
      totals: { overdue: 1, due: 1, awaitingVerification: 1 },
      items: [
        {
          id: 'a2000000-0000-4000-8000-000000000002',
          state: 'overdue',
          title: withNames('Checklist for refunds', false),
          description: withNames('Human error by the agent: add the refund step to the checklist', false),
          status: 'in_progress',
          ownerDepartment: 'Billing',
          categoryName: 'Billing error',
          causeCode: 'process_gap',
          causeName: 'Process gap',
          dueAt: at('2026-11-10T09:00:00Z'),
          doneAt: null,
          verificationDueAt: null,
          lastCheck: null,
        },
        {
          id: 'a3000000-0000-4000-8000-000000000003',
          state: 'due',
          title: 'Network capacity alerts',
          description: 'Alert the network team before the links saturate.',
          status: 'not_effective',
          ownerDepartment: 'Network',
          categoryName: null,
          causeCode: 'capacity',
          causeName: 'Capacity',
          dueAt: at('2026-12-01T09:00:00Z'),
          doneAt: null,
          verificationDueAt: null,
          lastCheck: { verdict: 'not_effective', reductionPct: 12.5, checkedAt: at('2026-11-01T00:00:00Z') },
        },
        {
          id: 'a1000000-0000-4000-8000-000000000001',
          state: 'awaiting_verification',
          title: withNames('Idempotent gateway retries', false),
          description: 'Retries carry the payment reference.',
          status: 'verifying',
          ownerDepartment: 'Billing',
          categoryName: 'Billing error',
          causeCode: 'tooling',
          causeName: 'Tooling',
          dueAt: at('2026-10-15T00:00:00Z'),
          doneAt: at('2026-10-10T12:00:00Z'),
          verificationDueAt: at('2026-12-09T12:00:00Z'),
          lastCheck: { verdict: 'insufficient_data', reductionPct: null, checkedAt: at('2026-11-09T12:00:00Z') },
        },
      ],
    },
    slaBreaches: [
      { stage: 'resolution', department: 'Network', breaches: 2, stageTotal: 3 },
      { stage: 'resolution', department: 'Billing', breaches: 1, stageTotal: 3 },
    ],
    handoffWaits: {
      overall: { handoffs: 6, stillWaiting: 2, medianHours: 3, p90Hours: 8.2 },
      routes: [
        { fromDepartment: 'Billing', toDepartment: 'Network', handoffs: 5, stillWaiting: 2, medianHours: 4, p90Hours: 8.8 },
        { fromDepartment: 'Network', toDepartment: 'Billing', handoffs: 1, stillWaiting: 0, medianHours: 1, p90Hours: 1 },
      ],
    },
    refusals: {
      total: 2,
      sample: [
        {
          reference: 'CMP-2026-000007',
          categoryName: 'Billing error',
          outcome: 'not_upheld',
          resolvedAt: at('2026-10-12T10:00:00Z'),
          summary: withNames('Charged twice'),
          refusalReason: withNames('You failed to cancel before the billing date'),
          nextSteps: withNames('Send your statement to billing'),
          alternativeOffered: withNames('A goodwill credit'),
          customerMessage: `Dear Anna, ${withNames('I am sorry for the trouble')}\nKind regards, Dana Ozola`,
          disputed: true,
          csat: 2,
          customer: CUSTOMER,
        },
        {
          reference: 'CMP-2026-000009',
          categoryName: 'Billing error',
          outcome: 'partially_upheld',
          resolvedAt: at('2026-10-20T10:00:00Z'),
          summary: 'Late fee',
          refusalReason: 'The fee covers the reminder letter we had to send on 2026-10-03.',
          nextSteps: 'Ask us to review it within 30 days.',
          alternativeOffered: null,
          customerMessage: 'Thank you for your patience.',
          disputed: false,
          csat: null,
          customer: { name: 'Will Grace', email: null, phone: null },
        },
      ],
    },
    suggestions: {
      total: 1,
      byCategory: [{ categoryName: 'Billing error', count: 1 }],
      items: [
        {
          reference: 'CMP-2026-000011',
          categoryName: 'Billing error',
          receivedAt: at('2026-10-05T08:00:00Z'),
          status: 'received',
          summary: withNames('Offer e-invoices'),
          description: withNames('Please send invoices by e-mail'),
          customer: CUSTOMER,
        },
      ],
    },
  };
}

export function sampleAgendaInput(overrides: Partial<AgendaBuildInput> = {}): AgendaBuildInput {
  return {
    committee: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Customer committee', timeZone: 'Europe/Riga', memberDepartments: ['Billing', 'Network'] },
    meeting: { id: 'b0000000-0000-4000-8000-000000000001', startsAt: at('2026-11-20T12:00:00Z') },
    period: { from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') },
    kpis: [
      {
        check: 1,
        key: 'first_response_median_hours',
        label: 'First response, median',
        unit: 'hours',
        current: 3.25,
        previous: 4,
        series: [
          { periodFrom: '2026-05-01T00:00:00Z', periodTo: '2026-06-01T00:00:00Z', value: 9 },
          { periodFrom: '2026-06-01T00:00:00Z', periodTo: '2026-07-01T00:00:00Z', value: 6 },
          { periodFrom: '2026-07-01T00:00:00Z', periodTo: '2026-08-01T00:00:00Z', value: 5.5 },
          { periodFrom: '2026-08-01T00:00:00Z', periodTo: '2026-09-01T00:00:00Z', value: null },
          { periodFrom: '2026-09-01T00:00:00Z', periodTo: '2026-10-01T00:00:00Z', value: 4 },
          { periodFrom: at('2026-10-01T00:00:00Z'), periodTo: at('2026-11-01T00:00:00Z'), value: 3.25 },
        ],
      },
      {
        check: 5,
        key: 'refusals_with_next_steps_share',
        label: 'Refusals with next steps',
        unit: 'percent',
        current: 87.5,
        previous: 90,
        series: [
          { periodFrom: '2026-09-01T00:00:00Z', periodTo: '2026-10-01T00:00:00Z', value: 90 },
          { periodFrom: '2026-10-01T00:00:00Z', periodTo: '2026-11-01T00:00:00Z', value: 87.5 },
        ],
      },
      { check: null, key: 'volume', label: 'Complaints received', unit: 'count', current: 6, previous: 4, series: [] },
    ],
    sections: sampleSections(),
    followUps: [
      {
        text: withNames('Billing reviews the refund checklist with the agent who forgot', false),
        preventionAction: { title: withNames('Refund checklist', false), status: 'in_progress', ownerDepartment: { name: 'Billing' } },
      },
      { text: 'Network shares its capacity plan at the next meeting.', preventionAction: null },
    ],
    people: { staffNames: STAFF_NAMES },
    now: at('2026-11-13T09:00:00Z'),
    ...overrides,
  };
}

/** Folded and lower case, to compare without letter case or accents. */
export const loose = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The planted strings found in `text` (none, we hope), compared case- and accent-insensitively as whole words. */
export function leaksIn(text: string, planted: readonly string[]): string[] {
  const haystack = loose(text);
  return planted.filter((word) => {
    const needle = loose(word).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
  });
}
