import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KpisService } from '../../src/kpis/kpis.service.js';
import { precedingPeriods } from '../../src/kpis/kpi-periods.js';
import { SlaSweepService } from '../../src/sla/sla-sweep.service.js';
import { ACK, acknowledge, expectError, handOff, logComplaint, PARTIAL, publicTokenOf, REFUSAL, resolve } from '../factories/complaints.js';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The committee's KPIs over a seeded quarter whose every figure is known, driven through the HTTP API with the test
 * clock moved through the quarter (intake, acknowledgements, dates, answers, ratings, disputes, root causes,
 * prevention actions), then read back through GET /api/kpis and KpisService.series. The expected values are worked
 * out by hand next to each assertion; docs/kpis.md has the formulas.
 *
 * The quarter is Q3 2026, [2026-07-01, 2026-10-01), 92 days; the previous period is [2026-03-31, 2026-07-01).
 * Default calendar Mon-Fri 09:00-17:00 UTC; severity high: first response in 4 business hours, resolution in 24.
 * Received Monday 2026-07-06 09:00: first response due 13:00, resolution due Wednesday 2026-07-08 17:00.
 */

const FROM = '2026-07-01T00:00:00.000Z';
const TO = '2026-10-01T00:00:00.000Z';
const PREVIOUS_FROM = '2026-03-31T00:00:00.000Z';
const MONDAY = '2026-07-06';

const DELAY_REASON = 'The card scheme needs five more working days to confirm the refund, because it was a card payment.';
/** One empathy-guard warning (internal_jargon), no blocking finding. */
const JARGON_NOTE = 'Your case is within our SLA and we will call you on Friday.';
/** A blocking finding (blames_customer), sent with an override. */
const BLAMING_NOTE = 'You failed to read the terms';
const OVERRIDE = { justification: 'The customer asked us to confirm in writing that they missed the terms.' };
const DESCRIPTION = 'The card gateway retries a payment after a timeout even when the bank already took it.';
const JUSTIFICATION = 'A one-off outage of the card scheme; the scheme confirmed the fix and our process worked as designed.';
const DISPUTE = { reason: 'The money is still missing from my account, and my bank says it was never released.' };

describe('the committee KPIs', () => {
  let t: TestApp;
  let org: Organisation;

  /** POSTs as `token` (the customer's routes need none) and expects `status`, showing the error body when it differs. */
  const post = async (path: string, token: string | null, body: object, status = 200) => {
    const res = await t.http().post(path).set(token ? bearer(token) : {}).send(body);
    expect({ path, status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ path, status, body: 'ok' });
    return res.body;
  };
  const at = (iso: string) => t.clock.set(iso);
  const intake = (overrides: Record<string, unknown> = {}) => logComplaint(t, org.tokens.agent, overrides);
  const customer = (complaint: { publicUrl: string }) => {
    const token = publicTokenOf(complaint);
    return {
      rate: (body: object) => post(`/public/complaints/${token}/feedback`, null, body, 201),
      dispute: () => post(`/public/complaints/${token}/dispute`, null, DISPUTE),
    };
  };
  const expectedDate = (id: string, expectedResolutionBy: string, customerReason?: string) =>
    post(`/api/complaints/${id}/expected-date`, org.tokens.resolver, { expectedResolutionBy, customerReason });
  const note = (id: string, body: string, override?: object) =>
    post(`/api/complaints/${id}/notes`, org.tokens.resolver, { visibility: 'customer', body, override }, 201);
  const rootCause = (id: string, body: object) => post(`/api/complaints/${id}/root-cause`, org.tokens.resolver, { description: DESCRIPTION, ...body });
  const close = (id: string) => post(`/api/complaints/${id}/close`, org.tokens.resolver, {});
  /** A prevention action owned by Billing, whose head moves it on. */
  const action = (causeCode: string, dueAt: string, extra: object = {}) => ({
    title: `Stop ${causeCode} from recurring`,
    description: 'Change the step of the process that let this happen, and check it with the team.',
    ownerDepartmentId: org.departmentId,
    dueAt,
    successCriterion: { targetReductionPct: 50, windowDays: 90 },
    ...extra,
  });
  const createAction = async (causeCode: string, dueAt: string) =>
    (await post('/api/prevention-actions', org.tokens.department_head, { causeCode, ...action(causeCode, dueAt) }, 201)).id as string;
  const moveAction = (id: string, status: string) =>
    t.http().patch(`/api/prevention-actions/${id}`).set(bearer(org.tokens.department_head)).send({ status }).then((res) => expect(res.status).toBe(200));
  const kpis = (query: string, token = org.tokens.chair) => t.http().get(`/api/kpis?${query}`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    at('2026-05-04T09:00:00Z');
    org = await seedOrganisation(t);

    // ---- The previous period, [2026-03-31, 2026-07-01) ----
    // PA3 (capacity), due 10 June, done 15 June: late.
    const pa3 = await createAction('capacity', '2026-06-10T17:00:00Z');
    await moveAction(pa3, 'in_progress');

    at('2026-06-01T09:00:00Z');
    const p1 = await intake();
    const p2 = await intake();
    at('2026-06-01T09:30:00Z');
    await acknowledge(t, org.tokens.agent, p1.id); // 0.5 h, on time, told a next step and a date
    at('2026-06-01T11:00:00Z');
    await resolve(t, org.tokens.resolver, p2.id, REFUSAL); // refused at first contact: 2 h, on time
    at('2026-06-02T10:00:00Z');
    await resolve(t, org.tokens.resolver, p1.id);
    await customer(p1).rate({ csat: 4, nps: 9 });
    at('2026-06-15T10:00:00Z');
    await moveAction(pa3, 'done');

    // ---- The quarter, [2026-07-01, 2026-10-01) ----
    at(`${MONDAY}T09:00:00Z`);
    const c1 = await intake();
    const c2 = await intake();
    const c3 = await intake();
    const c4 = await intake();
    const c6 = await intake();
    const s1 = await intake({ type: 'suggestion', severity: 'low' });
    // PA2 (handoff_loss, any category), due 20 July, done 25 July: late.
    const pa2 = await createAction('handoff_loss', '2026-07-20T17:00:00Z');

    at(`${MONDAY}T09:30:00Z`);
    await handOff(t, org.tokens.agent, c6.id, org.otherDepartmentId); // never answered: late from 13:00, and owed a next step and a date
    // A suggestion: in volume only. Its acknowledgement needs a date to pass the guard (it has no deadline to default to).
    await post(`/api/complaints/${s1.id}/acknowledge`, org.tokens.agent, { ...ACK, expectedResolutionBy: '2026-07-31T17:00:00Z' });
    at(`${MONDAY}T10:00:00Z`);
    await acknowledge(t, org.tokens.agent, c1.id); // 1 h
    at(`${MONDAY}T11:00:00Z`);
    await acknowledge(t, org.tokens.agent, c2.id); // 2 h
    at(`${MONDAY}T12:00:00Z`);
    await acknowledge(t, org.tokens.agent, c3.id); // 3 h
    at(`${MONDAY}T14:00:00Z`);
    await acknowledge(t, org.tokens.agent, c4.id); // 5 h: late (due 13:00)
    at(`${MONDAY}T15:00:00Z`);
    await note(c1.id, JARGON_NOTE);

    at('2026-07-07T10:00:00Z');
    await expectedDate(c2.id, '2026-07-10T17:00:00Z', DELAY_REASON); // later, announced before Wednesday 17:00
    await expectedDate(c1.id, '2026-07-07T16:00:00Z'); // earlier: not a delay
    at('2026-07-07T11:00:00Z');
    await resolve(t, org.tokens.resolver, c1.id);
    await customer(c1).rate({ csat: 5, nps: 10 });
    const withAction = await rootCause(c1.id, {
      causeCode: 'tooling',
      newPreventionAction: action('tooling', '2026-08-31T17:00:00Z', { categoryCode: 'billing-error' }), // PA1, due 31 August
    });
    const pa1 = withAction.rootCause.preventionActionId as string;
    await close(c1.id);

    at('2026-07-09T10:00:00Z');
    await expectedDate(c3.id, '2026-07-14T17:00:00Z', DELAY_REASON); // later, after Wednesday 17:00 had passed
    await note(c3.id, BLAMING_NOTE, OVERRIDE);
    at('2026-07-09T11:00:00Z');
    await resolve(t, org.tokens.resolver, c3.id, PARTIAL);
    await customer(c3).rate({ csat: 4, nps: 8 });
    await rootCause(c3.id, { causeCode: 'supplier', noSystemicCause: { justification: JUSTIFICATION } });
    await close(c3.id);
    at('2026-07-09T12:00:00Z');
    await resolve(t, org.tokens.resolver, c2.id, REFUSAL);
    await customer(c2).rate({ csat: 1, nps: 2 });
    at('2026-07-09T13:00:00Z');
    await resolve(t, org.tokens.resolver, c4.id);
    await customer(c4).rate({ csat: 3, nps: 7 });
    at('2026-07-09T14:00:00Z');
    await customer(c2).dispute(); // a refusal disputed
    at('2026-07-09T15:00:00Z');
    await customer(c4).dispute(); // an upheld answer disputed: not a dispute after a refusal
    at('2026-07-10T10:00:00Z');
    await resolve(t, org.tokens.resolver, c2.id);
    await customer(c2).rate({ csat: 4, nps: 9 });
    at('2026-07-10T11:00:00Z');
    await resolve(t, org.tokens.resolver, c4.id);

    at('2026-07-13T09:00:00Z');
    await moveAction(pa2, 'in_progress');
    await moveAction(pa1, 'in_progress');
    at('2026-07-25T09:00:00Z');
    await moveAction(pa2, 'done');
    at('2026-08-01T09:00:00Z');
    await moveAction(pa1, 'done'); // on time (due 31 August)

    // Received after PA1 was done, same cause and category: the problem recurred.
    at('2026-08-10T09:00:00Z');
    const c5 = await intake();
    at('2026-08-10T18:00:00Z');
    await resolve(t, org.tokens.resolver, c5.id); // answered at first contact: 9 h, late
    await customer(c5).rate({ csat: 5 });
    await rootCause(c5.id, { causeCode: 'tooling', preventionActionId: pa1 });

    at('2026-09-30T12:00:00Z');
    // Records C6's resolution breach. (Not its first-response breach: the sweep looks only at complaints still received.)
    await t.app.get(SlaSweepService).sweep();

    // After the quarter, in October: counts in neither period. One answered at first contact after 1 h, on time; one
    // received at 09:30 and left unanswered (first response due 13:30).
    at('2026-10-05T09:00:00Z');
    const october = await intake();
    at('2026-10-05T09:30:00Z');
    await intake();
    at('2026-10-05T10:00:00Z');
    await resolve(t, org.tokens.resolver, october.id, REFUSAL);
    await customer(october).rate({ csat: 1, nps: 0 });
  });
  afterAll(() => t.close());

  /** A period with nothing in it: counts are 0; shares, medians, averages and scores are null, not 0. */
  const NONE = { count: 0, of: 0, share: null };
  const EMPTY = {
    firstResponse: { answered: 0, medianHours: null, p90Hours: null, onTime: NONE },
    empathy: {
      messages: 0,
      warnFindings: 0,
      overriddenBlockFindings: 0,
      findingsPerMessage: null,
      overriddenMessages: NONE,
      csat: { responses: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    },
    transparency: { toldNextStepAndDate: NONE, delaysAnnouncedBeforeDeadline: NONE },
    preventRecurrence: {
      closedWithRootCause: NONE,
      closedWithPreventionAction: 0,
      closedNoSystemicCause: 0,
      actionsDoneOnTime: NONE,
      recurrence: { complaints: 0, actions: NONE },
    },
    refusals: { resolutions: 0, refusals: NONE, notUpheld: 0, partiallyUpheld: 0, withNextSteps: NONE, withAlternative: NONE, disputed: NONE },
    volume: { complaints: 0, suggestions: 0, total: 0 },
    breaches: { firstResponse: 0, resolution: NONE },
  };

  /** Q3: C1-C4 and C6 received Monday 6 July, C5 on 10 August, the suggestion S1 on 6 July. */
  const QUARTER = {
    firstResponse: {
      // C1 1 h, C2 2 h, C3 3 h, C4 5 h, C5 9 h (C6 never answered).
      answered: 5,
      medianHours: 3,
      // percentile_cont(0.9) of [1, 2, 3, 5, 9]: position 0.9 × 4 = 3.6, so 5 + 0.6 × (9 - 5).
      p90Hours: 7.4,
      // On time: C1, C2, C3. Decided: the five answered and C6, overdue unanswered (handed off, never answered).
      onTime: { count: 3, of: 6, share: 0.5 },
    },
    empathy: {
      // C1: acknowledgement, note, answer; C2: acknowledgement, delay, refusal, answer; C3: acknowledgement, delay,
      // note, partial refusal; C4: acknowledgement, two answers; C5: answer. S1's acknowledgement is a suggestion's.
      messages: 15,
      // The jargon note on C1.
      warnFindings: 1,
      // The blaming note on C3, sent with an override: blames_customer and missing_next_step.
      overriddenBlockFindings: 2,
      findingsPerMessage: 0.2,
      overriddenMessages: { count: 1, of: 15, share: 0.0667 },
      // C1 5, C2 1 then 4, C3 4, C4 3, C5 5: 22 / 6.
      csat: { responses: 6, average: 3.67, distribution: { '1': 1, '2': 0, '3': 1, '4': 2, '5': 2 } },
      // 10, 2, 9, 8, 7 (C5 gave no NPS): promoters 10 and 9, detractor 2; (2 - 1) / 5.
      nps: { responses: 5, promoters: 2, passives: 2, detractors: 1, score: 20 },
    },
    transparency: {
      // Owed: C1-C4 (acknowledged) and C6 (overdue); C5 was answered outright at first contact.
      toldNextStepAndDate: { count: 4, of: 5, share: 0.8 },
      // C2 announced before Wednesday 17:00, C3 after; C1's earlier date is no delay.
      delaysAnnouncedBeforeDeadline: { count: 1, of: 2, share: 0.5 },
    },
    preventRecurrence: {
      // Standing answers: C1 and C3 closed, C2, C4, C5 resolved (C6 still in resolution).
      closedWithRootCause: { count: 2, of: 5, share: 0.4 },
      closedWithPreventionAction: 1,
      closedNoSystemicCause: 1,
      // Done in Q3: PA2 on 25 July (due 20 July), PA1 on 1 August (due 31 August).
      actionsDoneOnTime: { count: 1, of: 2, share: 0.5 },
      // Done before 1 October: PA1, PA2, PA3. C5 (tooling, billing-error, 10 August) came back after PA1; C1 had the
      // same cause but was received before PA1 was done.
      recurrence: { complaints: 1, actions: { count: 1, of: 3, share: 0.3333 } },
    },
    refusals: {
      // C1 1, C2 2, C3 1, C4 2, C5 1.
      resolutions: 7,
      refusals: { count: 2, of: 7, share: 0.2857 },
      notUpheld: 1,
      partiallyUpheld: 1,
      withNextSteps: { count: 2, of: 2, share: 1 },
      withAlternative: { count: 1, of: 2, share: 0.5 },
      // C2's refusal was disputed; C4's dispute followed an upheld answer.
      disputed: { count: 1, of: 2, share: 0.5 },
    },
    volume: { complaints: 6, suggestions: 1, total: 7 },
    // First response: C4 and C5 answered late, C6 never. Resolution: C6, recorded by the sweep on 30 September.
    breaches: { firstResponse: 3, resolution: { count: 1, of: 6, share: 0.1667 } },
  };

  /** [2026-03-31, 2026-07-01): P1 and P2, received Monday 1 June. */
  const PREVIOUS_QUARTER = {
    // P1 0.5 h, P2 2 h: median 1.25, p90 0.5 + 0.9 × 1.5.
    firstResponse: { answered: 2, medianHours: 1.25, p90Hours: 1.85, onTime: { count: 2, of: 2, share: 1 } },
    empathy: {
      messages: 3,
      warnFindings: 0,
      overriddenBlockFindings: 0,
      findingsPerMessage: 0,
      overriddenMessages: { count: 0, of: 3, share: 0 },
      csat: { responses: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } },
      nps: { responses: 1, promoters: 1, passives: 0, detractors: 0, score: 100 },
    },
    // P2 was refused at first contact: it owed no next step. No delay: no share, not 0 %.
    transparency: { toldNextStepAndDate: { count: 1, of: 1, share: 1 }, delaysAnnouncedBeforeDeadline: NONE },
    preventRecurrence: {
      closedWithRootCause: { count: 0, of: 2, share: 0 },
      closedWithPreventionAction: 0,
      closedNoSystemicCause: 0,
      // PA3, done 15 June, due 10 June.
      actionsDoneOnTime: { count: 0, of: 1, share: 0 },
      recurrence: { complaints: 0, actions: { count: 0, of: 1, share: 0 } },
    },
    refusals: {
      resolutions: 2,
      refusals: { count: 1, of: 2, share: 0.5 },
      notUpheld: 1,
      partiallyUpheld: 0,
      withNextSteps: { count: 1, of: 1, share: 1 },
      withAlternative: { count: 0, of: 1, share: 0 },
      disputed: { count: 0, of: 1, share: 0 },
    },
    volume: { complaints: 2, suggestions: 0, total: 2 },
    breaches: { firstResponse: 0, resolution: { count: 0, of: 2, share: 0 } },
  };

  it('GET /api/kpis answers the quarter against the previous one, every figure exactly', async () => {
    const res = await kpis(`from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: { from: FROM, to: TO },
      previousPeriod: { from: PREVIOUS_FROM, to: FROM },
      current: QUARTER,
      previous: PREVIOUS_QUARTER,
    });
  });

  it('a period with nothing in it has counts of 0 and null shares, medians, averages and scores', async () => {
    const res = await kpis('from=2025-01-01&to=2025-04-01');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: { from: '2025-01-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
      // 90 days before 1 January.
      previousPeriod: { from: '2024-10-03T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
      current: EMPTY,
      previous: EMPTY,
    });
  });

  it('counts a complaint received at from and not one received at to', async () => {
    const at9 = await kpis(`from=${MONDAY}T09:00:00Z&to=${MONDAY}T09:00:00.001Z`);
    expect(at9.body.current.volume).toEqual({ complaints: 5, suggestions: 1, total: 6 });
    expect(at9.body.previous.volume).toEqual(EMPTY.volume);
    const before9 = await kpis(`from=${MONDAY}T08:00:00Z&to=${MONDAY}T09:00:00Z`);
    expect(before9.body.current.volume).toEqual(EMPTY.volume);
  });

  it('judges deadlines still running as of now: an unanswered complaint counts as late only once its deadline has passed', async () => {
    const october = () => kpis('from=2026-10-01&to=2026-11-01').then((res) => res.body.current);
    try {
      // 10:00: the one answered at first contact (1 h) is on time; the other is unanswered but due only at 13:30.
      expect((await october()).firstResponse).toEqual({ answered: 1, medianHours: 1, p90Hours: 1, onTime: { count: 1, of: 1, share: 1 } });
      expect((await october()).breaches.firstResponse).toBe(0);
      t.clock.set('2026-10-05T13:30:00Z');
      expect((await october()).firstResponse.onTime).toEqual({ count: 1, of: 1, share: 1 });
      t.clock.set('2026-10-05T13:30:00.001Z');
      const late = await october();
      expect(late.firstResponse.onTime).toEqual({ count: 1, of: 2, share: 0.5 });
      expect(late.breaches.firstResponse).toBe(1);
      // Overdue and unanswered: owed a next step and a date, and not told one.
      expect(late.transparency.toldNextStepAndDate).toEqual({ count: 0, of: 1, share: 0 });
    } finally {
      t.clock.set('2026-10-05T10:00:00Z');
    }
  });

  it('KpisService.series computes several periods at once, equal to the comparison, also of different lengths', async () => {
    const service = t.app.get(KpisService);
    const six = await service.series(precedingPeriods(new Date(FROM), new Date(TO), 6));
    // Six consecutive periods of 92 days, the last being the quarter.
    expect(six.map((p) => [p.period.from.toISOString(), p.period.to.toISOString()])).toEqual([
      ['2025-03-28T00:00:00.000Z', '2025-06-28T00:00:00.000Z'],
      ['2025-06-28T00:00:00.000Z', '2025-09-28T00:00:00.000Z'],
      ['2025-09-28T00:00:00.000Z', '2025-12-29T00:00:00.000Z'],
      ['2025-12-29T00:00:00.000Z', PREVIOUS_FROM],
      [PREVIOUS_FROM, FROM],
      [FROM, TO],
    ]);
    expect(six.map((p) => p.kpis)).toEqual([EMPTY, EMPTY, EMPTY, EMPTY, PREVIOUS_QUARTER, QUARTER]);

    // July, then August and September together.
    const [july, later] = await service.series([
      { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-08-01T00:00:00Z') },
      { from: new Date('2026-08-01T00:00:00Z'), to: new Date(TO) },
    ]);
    expect(july.kpis.volume).toEqual({ complaints: 5, suggestions: 1, total: 6 });
    // [1, 2, 3, 5]: median 2.5; p90 at position 2.7, 3 + 0.7 × 2. C6 is overdue unanswered.
    expect(july.kpis.firstResponse).toEqual({ answered: 4, medianHours: 2.5, p90Hours: 4.4, onTime: { count: 3, of: 5, share: 0.6 } });
    // PA2 late in July; PA1, done on 1 August, fixed nothing yet in July.
    expect(july.kpis.preventRecurrence.actionsDoneOnTime).toEqual({ count: 0, of: 1, share: 0 });
    expect(july.kpis.preventRecurrence.recurrence).toEqual({ complaints: 0, actions: { count: 0, of: 2, share: 0 } });
    expect(later.kpis.volume).toEqual({ complaints: 1, suggestions: 0, total: 1 });
    expect(later.kpis.firstResponse).toEqual({ answered: 1, medianHours: 9, p90Hours: 9, onTime: { count: 0, of: 1, share: 0 } });
    expect(later.kpis.preventRecurrence.actionsDoneOnTime).toEqual({ count: 1, of: 1, share: 1 });
    expect(later.kpis.preventRecurrence.recurrence).toEqual({ complaints: 1, actions: { count: 1, of: 3, share: 0.3333 } });
  });

  describe('refuses a bad period with 400 VALIDATION_FAILED naming the field', () => {
    it.each([
      ['no from', `to=${TO}`, ['from']],
      ['no to', `from=${FROM}`, ['to']],
      ['neither', '', ['from', 'to']],
      ['from that is not a date', `from=yesterday&to=${TO}`, ['from']],
      ['an impossible date', `from=2026-02-30&to=${TO}`, ['from']],
      ['a time without an offset', `from=2026-07-01T00:00:00&to=${TO}`, ['from']],
      ['from equal to to', `from=${FROM}&to=${FROM}`, ['to']],
      ['from after to', `from=${TO}&to=${FROM}`, ['to']],
      ['more than 366 days', 'from=2025-07-01&to=2026-07-03', ['to']],
      ['an unknown parameter', `from=${FROM}&to=${TO}&departmentId=billing`, ['departmentId']],
    ])('%s', async (_, query, fields) => {
      expectError(await kpis(query), 400, 'VALIDATION_FAILED', fields);
    });

    it('but takes exactly 366 days', async () => {
      const res = await kpis('from=2025-07-01&to=2026-07-02');
      expect(res.status).toBe(200);
      expect(res.body.previousPeriod).toEqual({ from: '2024-06-30T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' });
    });
  });

  it('answers the committee (department heads, the chair, admins) and no one else', async () => {
    const query = `from=${FROM}&to=${TO}`;
    for (const role of ['department_head', 'chair', 'admin'] as const) {
      expect({ role, status: (await kpis(query, org.tokens[role])).status }).toEqual({ role, status: 200 });
    }
    for (const role of ['agent', 'resolver', 'desk'] as const) {
      const res = await kpis(query, org.tokens[role]);
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
      expectError(res, 403, 'FORBIDDEN');
    }
    expect((await t.http().get(`/api/kpis?${query}`)).status).toBe(401);
  });

  it('is in the OpenAPI document with its response shape', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    expect(doc.paths['/api/kpis'].get.responses['200']).toBeDefined();
    expect(Object.keys(doc.components.schemas.KpisDto.properties).sort()).toEqual(['current', 'period', 'previous', 'previousPeriod']);
    expect(Object.keys(doc.components.schemas.KpiBlocksDto.properties).sort()).toEqual(Object.keys(QUARTER).sort());
  });
});
