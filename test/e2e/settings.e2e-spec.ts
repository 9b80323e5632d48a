import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { acknowledge, expectError, logComplaint, stateOf } from '../factories/complaints.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * GET and PUT /api/settings over HTTP against a real database: every staff role reads the organisation's settings,
 * only an admin replaces them, each bad field is refused by name without touching the stored row, and a valid
 * update is what the next intake and the next message to a customer use.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
/** The migration's seed. */
const DEFAULTS = {
  referralEscalateTo: 'the independent consumer dispute resolution body of your country',
  referralTimeLimitDays: 60,
  atRiskShare: 0.75,
  keepInformedBusinessDays: 5,
  callAttempts: 3,
  callRetryMinutes: 120,
};
const UPDATE = {
  referralEscalateTo: 'the Consumer Rights Protection Centre (www.ptac.gov.lv)',
  referralTimeLimitDays: 30,
  atRiskShare: 0.5,
  keepInformedBusinessDays: 2,
  callAttempts: 2,
  callRetryMinutes: 60,
};

describe('/api/settings', () => {
  let t: TestApp;
  let org: Organisation;

  const get = (token: string) => t.http().get('/api/settings').set(bearer(token));
  const put = (body: unknown, token?: string) => t.http().put('/api/settings').set(token ? bearer(token) : asAdmin).send(body as object);
  /** The stored row itself, not what the API makes of it. */
  const stored = async () => (await t.dataSource.query('SELECT * FROM organisation_settings'))[0] ?? null;
  const settingsRows = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM organisation_settings'))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set(MONDAY_9);
    // Every test starts from the seeded settings.
    await t.dataSource.query(
      `UPDATE organisation_settings SET referral_escalate_to = $1, referral_time_limit_days = $2, at_risk_share = $3, keep_informed_business_days = $4,
              call_attempts = $5, call_retry_minutes = $6`,
      [DEFAULTS.referralEscalateTo, DEFAULTS.referralTimeLimitDays, DEFAULTS.atRiskShare, DEFAULTS.keepInformedBusinessDays, DEFAULTS.callAttempts, DEFAULTS.callRetryMinutes],
    );
  });

  describe('GET', () => {
    it.each(['agent', 'resolver', 'department_head', 'chair', 'admin', 'desk'] as const)('the %s reads the seeded settings, exactly these four', async (role) => {
      const res = await get(org.tokens[role]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(DEFAULTS);
    });

    it('without a token answers 401', async () => {
      expectError(await t.http().get('/api/settings'), 401, 'UNAUTHENTICATED');
      expectError(await t.http().get('/api/settings').set(bearer('not-a-real-token-0123456789abcdef0123456789')), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PUT', () => {
    it('an admin replaces them: the answer, every later read and the stored row agree', async () => {
      const res = await put(UPDATE);

      expect(res.status).toBe(200);
      expect(res.body).toEqual(UPDATE);
      for (const role of ['agent', 'chair', 'admin'] as const) expect((await get(org.tokens[role])).body).toEqual(UPDATE);
      expect(await stored()).toEqual({
        id: 1,
        referral_escalate_to: UPDATE.referralEscalateTo,
        referral_time_limit_days: 30,
        at_risk_share: '0.500',
        keep_informed_business_days: 2,
        call_attempts: 2,
        call_retry_minutes: 60,
      });
      expect(await settingsRows()).toBe(1);
    });

    it('keeps the call settings as they are when a client leaves them out', async () => {
      const { callAttempts: _a, callRetryMinutes: _m, ...withoutCalls } = UPDATE;
      const res = await put(withoutCalls);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...withoutCalls, callAttempts: DEFAULTS.callAttempts, callRetryMinutes: DEFAULTS.callRetryMinutes });
    });

    it('trims the referral text, which is set into a sentence of every refusal', async () => {
      expect((await put({ ...UPDATE, referralEscalateTo: `  ${UPDATE.referralEscalateTo}\n` })).body).toEqual(UPDATE);
    });

    it('keeps three decimals of the at-risk share, and takes the ends of every range', async () => {
      const edges = { referralEscalateTo: 'x'.repeat(500), referralTimeLimitDays: 3650, atRiskShare: 0.333, keepInformedBusinessDays: 60, callAttempts: 10, callRetryMinutes: 10080 };
      expect((await put(edges)).body).toEqual(edges);
      const low = { referralEscalateTo: 'ombud', referralTimeLimitDays: 1, atRiskShare: 0.05, keepInformedBusinessDays: 1, callAttempts: 1, callRetryMinutes: 5 };
      expect((await put(low)).body).toEqual(low);
      expect((await get(org.tokens.agent)).body).toEqual(low);
    });

    it('the new at-risk share applies to complaints logged after it, not to those before', async () => {
      // High severity: 24 business hours to resolve from Monday 09:00 (Monday to Friday, 09:00-17:00).
      const before = await logComplaint(t, org.tokens.agent);
      expect((await put({ ...DEFAULTS, atRiskShare: 0.5 })).status).toBe(200);
      const after = await logComplaint(t, org.tokens.agent);

      // 75% is 18 business hours: Wednesday 11:00. 50% is 12: Tuesday 13:00.
      expect((await stateOf(t, before.id)).row.at_risk_due_at).toEqual(new Date('2026-11-25T11:00:00.000Z'));
      expect((await stateOf(t, after.id)).row.at_risk_due_at).toEqual(new Date('2026-11-24T13:00:00.000Z'));
    });

    it('the new keep-informed cadence applies to the next message to the customer', async () => {
      expect((await put({ ...DEFAULTS, keepInformedBusinessDays: 2 })).status).toBe(200);
      const complaint = await logComplaint(t, org.tokens.agent);
      await acknowledge(t, org.tokens.agent, complaint.id);
      // Two business days from Monday 09:00 end at Tuesday's close (five would be Friday's).
      expect((await stateOf(t, complaint.id)).row.keep_informed_due_at).toEqual(new Date('2026-11-24T17:00:00.000Z'));
    });

    it.each(['agent', 'resolver', 'department_head', 'chair', 'desk'] as const)('the %s may not change them: 403, nothing changed', async (role) => {
      const before = await stored();
      expectError(await put(UPDATE, org.tokens[role]), 403, 'FORBIDDEN');
      expect(await stored()).toEqual(before);
    });

    it('without a token answers 401, nothing changed', async () => {
      const before = await stored();
      expectError(await t.http().put('/api/settings').send(UPDATE), 401, 'UNAUTHENTICATED');
      expect(await stored()).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no call attempts', { callAttempts: 0 }, 'callAttempts'],
      ['eleven call attempts', { callAttempts: 11 }, 'callAttempts'],
      ['call attempts as text', { callAttempts: '3' }, 'callAttempts'],
      ['a call retry after four minutes', { callRetryMinutes: 4 }, 'callRetryMinutes'],
      ['a call retry after more than a week', { callRetryMinutes: 10081 }, 'callRetryMinutes'],
      ['an at-risk share of 0', { atRiskShare: 0 }, 'atRiskShare'],
      ['an at-risk share of 1', { atRiskShare: 1 }, 'atRiskShare'],
      ['a negative at-risk share', { atRiskShare: -0.5 }, 'atRiskShare'],
      ['an at-risk share above 1', { atRiskShare: 1.5 }, 'atRiskShare'],
      ['an at-risk share as a percentage', { atRiskShare: 75 }, 'atRiskShare'],
      ['an at-risk share with four decimals', { atRiskShare: 0.3333 }, 'atRiskShare'],
      ['an at-risk share as text', { atRiskShare: '0.5' }, 'atRiskShare'],
      ['an at-risk share of null', { atRiskShare: null }, 'atRiskShare'],
      ['no at-risk share', { atRiskShare: undefined }, 'atRiskShare'],
      ['a keep-informed cadence of 0 days', { keepInformedBusinessDays: 0 }, 'keepInformedBusinessDays'],
      ['a negative keep-informed cadence', { keepInformedBusinessDays: -5 }, 'keepInformedBusinessDays'],
      ['a keep-informed cadence of 2.5 days', { keepInformedBusinessDays: 2.5 }, 'keepInformedBusinessDays'],
      ['a keep-informed cadence as text', { keepInformedBusinessDays: '5' }, 'keepInformedBusinessDays'],
      ['a keep-informed cadence of true', { keepInformedBusinessDays: true }, 'keepInformedBusinessDays'],
      ['a keep-informed cadence above 60 days', { keepInformedBusinessDays: 61 }, 'keepInformedBusinessDays'],
      ['no keep-informed cadence', { keepInformedBusinessDays: undefined }, 'keepInformedBusinessDays'],
      ['an empty referral text', { referralEscalateTo: '' }, 'referralEscalateTo'],
      ['a blank referral text', { referralEscalateTo: ' '.repeat(10) }, 'referralEscalateTo'],
      ['a referral text of four characters', { referralEscalateTo: 'PTAC' }, 'referralEscalateTo'],
      ['a referral text of 501 characters', { referralEscalateTo: 'x'.repeat(501) }, 'referralEscalateTo'],
      ['a referral text that is a number', { referralEscalateTo: 12345 }, 'referralEscalateTo'],
      ['a referral text that is a list', { referralEscalateTo: [UPDATE.referralEscalateTo] }, 'referralEscalateTo'],
      ['no referral text', { referralEscalateTo: undefined }, 'referralEscalateTo'],
      ['a referral time limit of 0 days', { referralTimeLimitDays: 0 }, 'referralTimeLimitDays'],
      ['a referral time limit of 30.5 days', { referralTimeLimitDays: 30.5 }, 'referralTimeLimitDays'],
      ['a referral time limit above ten years', { referralTimeLimitDays: 3651 }, 'referralTimeLimitDays'],
      ['a referral time limit as text', { referralTimeLimitDays: '30' }, 'referralTimeLimitDays'],
      ['an unknown field', { theme: 'dark' }, 'theme'],
      ['an id, which is not the client’s to choose', { id: 2 }, 'id'],
    ])('%s answers 400 naming it, and changes nothing', async (_kind, change, field) => {
      const before = await stored();
      const res = await put({ ...UPDATE, ...change });
      expectError(res, 400, 'VALIDATION_FAILED', [field]);
      expect(await stored()).toEqual(before);
      expect((await get(org.tokens.agent)).body).toEqual(DEFAULTS);
      expect(await settingsRows()).toBe(1);
    });

    it('names every bad field of one request at once, and changes nothing', async () => {
      const before = await stored();
      const res = await put({ referralEscalateTo: '', referralTimeLimitDays: 0, atRiskShare: 1, keepInformedBusinessDays: 0.5, colour: 'blue' });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['atRiskShare', 'colour', 'keepInformedBusinessDays', 'referralEscalateTo', 'referralTimeLimitDays'].sort(),
      );
      expect(await stored()).toEqual(before);
    });

    it('an empty object names all four fields, and changes nothing', async () => {
      const before = await stored();
      const res = await put({});
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['atRiskShare', 'keepInformedBusinessDays', 'referralEscalateTo', 'referralTimeLimitDays']);
      expect(await stored()).toEqual(before);
    });

    it.each([
      ['a body that is not JSON', '{"atRiskShare": 0.5,', 'MALFORMED_BODY'],
      ['a JSON array', JSON.stringify([UPDATE]), undefined],
      ['JSON null', 'null', undefined],
      ['a JSON number', '0.5', undefined],
    ])('%s answers 400, and changes nothing', async (_kind, raw, code) => {
      const before = await stored();
      const res = await t.http().put('/api/settings').set(asAdmin).set('Content-Type', 'application/json').send(raw);
      expect(res.status).toBe(400);
      if (code) expectError(res, 400, code);
      expect(await stored()).toEqual(before);
    });
  });
});
