import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { expectError, logComplaint } from '../factories/complaints.js';
import { asAdmin, bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { SimilarComplaintsRepository } from '../../src/similar-complaints/similar-complaints.repository.js';
import { KNOWN_ISSUES_TIMEOUT_MS, SIMILAR_TIMEOUT_MS, SimilarComplaintsService } from '../../src/similar-complaints/similar-complaints.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Similar complaints, known issues at intake and rising themes, over HTTP against a real database. Root causes and
 * prevention actions are written with SQL: their endpoints are another capability. Each top-level describe runs its
 * own app on its own database, so the expected lists are exact.
 */

type Text = { summary: string; description: string };

/** intakeBody's text: what every "probe" complaint says. */
const PROBE: Text = { summary: 'Charged twice for October', description: 'My October invoice was debited twice from my card on 3 November.' };
/**
 * Each summary shares at least two of the three words of PROBE's (charg, twice, octob); pg_trgm similarity of the
 * two summaries, 2 decimals, worked out once on PostgreSQL 18.
 */
const NEAR: Text = { summary: 'Charged twice for October invoice', description: 'My October invoice was debited twice from my bank card on 4 November.' }; // 0.81
const NEAR_TOO: Text = { summary: 'Charged twice in October', description: 'The October invoice was debited twice from my card.' }; // 0.76
const NEAR_THREE: Text = { summary: 'Charged twice for my October bill', description: 'My October bill was taken twice from my card on 2 November.' }; // 0.76
const LOOSE: Text = { summary: 'Charged twice', description: 'The payment for my invoice was taken twice from my account.' }; // 0.54
/** Same domain, different problem: it shares one of PROBE's three words (octob), under half. */
const LATE_FEE: Text = { summary: 'Late fee on October invoice', description: 'The October invoice shows a late fee that I do not think I owe.' };
/** Nothing alike: no word in common. */
const ENGINEER: Text = { summary: 'Engineer did not arrive', description: 'The technician booked for Tuesday morning never came and nobody called.' };

const OTHER_CATEGORY = 'network-outage';

async function createCategory(t: TestApp, code: string, ownerDepartmentId: string): Promise<void> {
  const res = await t.http().post('/api/categories').set(asAdmin).send({ code, name: 'Network outage', ownerDepartmentId });
  expect(res.status).toBe(201);
}

/** Logs a complaint (or suggestion) saying `text`, received at `receivedAt`, through the intake API. */
async function log(t: TestApp, org: Organisation, text: Text, receivedAt: string, overrides: Record<string, unknown> = {}): Promise<any> {
  return logComplaint(t, org.tokens.agent, { ...text, receivedAt, ...overrides });
}

/** A prevention action written directly, as the prevention endpoints would. */
async function insertPreventionAction(t: TestApp, action: { title: string; causeCode: string; ownerDepartmentId: string; dueAt: string; status?: string }): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO prevention_actions (title, description, cause_code, owner_department_id, due_at, status, target_reduction_pct, window_days,
                                     baseline_from, baseline_to, baseline_count)
     VALUES ($1, 'Test action', $2, $3, $4, $5, 50, 90, '2026-08-01T00:00:00Z', '2026-11-01T00:00:00Z', 3)
     RETURNING id`,
    [action.title, action.causeCode, action.ownerDepartmentId, action.dueAt, action.status ?? 'planned'],
  );
  return row.id;
}

/** Records a root cause directly: with a prevention action, or else as "no systemic cause" (the database needs one of them). */
async function setRootCause(t: TestApp, complaintId: string, causeCode: string, preventionActionId: string | null = null): Promise<void> {
  await t.dataSource.query(
    `UPDATE complaints
        SET root_cause_code = $2, prevention_action_id = $3, root_cause_recorded_at = received_at,
            no_systemic_cause_justification = CASE WHEN $3::uuid IS NULL THEN 'A one-off: the test says so.' END
      WHERE id = $1`,
    [complaintId, causeCode, preventionActionId],
  );
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('GET /api/complaints/:id/similar', () => {
  let t: TestApp;
  let org: Organisation;
  let probe: any;
  let actionId: string;
  /** Earlier complaints by what makes them (not) similar to the probe. */
  const c: Record<string, any> = {};

  const similar = (id: string, token = org.tokens.agent) => t.http().get(`/api/complaints/${id}/similar`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    await createCategory(t, OTHER_CATEGORY, org.otherDepartmentId);
    actionId = await insertPreventionAction(t, {
      title: 'Stop the card gateway retrying a payment the bank already took',
      causeCode: 'tooling',
      ownerDepartmentId: org.departmentId,
      dueAt: '2026-12-15T00:00:00Z',
      status: 'in_progress',
    });
    c.sameTextOld = await log(t, org, PROBE, '2026-11-01T08:00:00Z');
    c.near = await log(t, org, NEAR, '2026-11-02T08:00:00Z');
    c.loose = await log(t, org, LOOSE, '2026-11-03T08:00:00Z');
    c.lateFee = await log(t, org, LATE_FEE, '2026-11-04T08:00:00Z');
    c.engineer = await log(t, org, ENGINEER, '2026-11-04T09:00:00Z');
    c.otherCategoryOtherCause = await log(t, org, PROBE, '2026-11-05T08:00:00Z', { categoryCode: OTHER_CATEGORY });
    c.otherCategorySameCause = await log(t, org, NEAR_TOO, '2026-11-06T08:00:00Z', { categoryCode: OTHER_CATEGORY });
    c.suggestion = await log(t, org, PROBE, '2026-11-07T08:00:00Z', { type: 'suggestion' });
    c.sameTextNew = await log(t, org, PROBE, '2026-11-08T08:00:00Z');
    probe = await log(t, org, PROBE, '2026-11-20T08:00:00Z');
    c.later = await log(t, org, PROBE, '2026-11-21T08:00:00Z');
    await setRootCause(t, c.near.id, 'tooling', actionId);
    await setRootCause(t, c.otherCategoryOtherCause.id, 'supplier');
    await setRootCause(t, c.otherCategorySameCause.id, 'tooling');
  });
  afterAll(() => t.close());

  it('ranks earlier complaints of the category by summary similarity, then newest; the rest are left out', async () => {
    const res = await similar(probe.id);
    expect(res.status).toBe(200);
    // Left out: lateFee and engineer, sharing fewer than half of the summary's words; another category with another
    // cause; a suggestion; a later complaint; the probe itself.
    expect(ids(res.body.items)).toEqual([c.sameTextNew.id, c.sameTextOld.id, c.near.id, c.loose.id]);
    expect(res.body.items.map((item: any) => item.similarity)).toEqual([1, 1, 0.81, 0.54]);
    expect(res.body.timedOut).toBe(false);
  });

  it('shows each item with its root cause and prevention action, and no contact data or staff names', async () => {
    const res = await similar(probe.id);
    expect(res.body.items.find((item: any) => item.id === c.near.id)).toEqual({
      id: c.near.id,
      reference: c.near.reference,
      summary: NEAR.summary,
      status: 'received',
      categoryCode: 'billing-error',
      receivedAt: '2026-11-02T08:00:00.000Z',
      similarity: 0.81,
      rootCauseCode: 'tooling',
      preventionAction: {
        id: actionId,
        title: 'Stop the card gateway retrying a payment the bank already took',
        status: 'in_progress',
        dueAt: '2026-12-15T00:00:00.000Z',
        ownerDepartment: { id: org.departmentId, name: 'Billing' },
      },
    });
    expect(res.body.items.find((item: any) => item.id === c.loose.id)).toMatchObject({ rootCauseCode: null, preventionAction: null });
    expect(Object.keys(res.body)).toEqual(['items', 'timedOut']);
    const customer = intakeBody().customer;
    for (const secret of [customer.name, customer.email, customer.phone, customer.contactInstructions, 'Test agent']) {
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
  });

  it('once the complaint has a root cause, adds other categories with that cause, and keeps the best 5', async () => {
    await setRootCause(t, probe.id, 'tooling');
    const withCause = await similar(probe.id);
    // The other category with another cause still stays out.
    expect(ids(withCause.body.items)).toEqual([c.sameTextNew.id, c.sameTextOld.id, c.near.id, c.otherCategorySameCause.id, c.loose.id]);
    expect(withCause.body.items.map((item: any) => [item.similarity, item.categoryCode])).toEqual([
      [1, 'billing-error'],
      [1, 'billing-error'],
      [0.81, 'billing-error'],
      [0.76, OTHER_CATEGORY],
      [0.54, 'billing-error'],
    ]);

    // A sixth match: the loosest gives way; equally similar, the newer comes first.
    const nearThree = await log(t, org, NEAR_THREE, '2026-11-09T08:00:00Z');
    const capped = await similar(probe.id);
    expect(ids(capped.body.items)).toEqual([c.sameTextNew.id, c.sameTextOld.id, c.near.id, nearThree.id, c.otherCategorySameCause.id]);
    expect(capped.body.items.map((item: any) => item.similarity)).toEqual([1, 1, 0.81, 0.76, 0.76]);
  });

  it('answers an empty list when nothing earlier is alike', async () => {
    expect((await similar(c.sameTextOld.id)).body).toEqual({ items: [], timedOut: false });
    expect((await similar(c.engineer.id)).body).toEqual({ items: [], timedOut: false });
  });

  it('says so when the search was cut short, rather than answering an empty list as if nothing were alike', async () => {
    // Another session holds prevention_actions, which the search reads, so the search waits until its timeout.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE prevention_actions IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await similar(probe.id);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { items: [], timedOut: true } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(SIMILAR_TIMEOUT_MS);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('puts complaints received at the same instant with the same similarity in id order', async () => {
    const twins = [await log(t, org, ENGINEER, '2026-10-01T08:00:00Z'), await log(t, org, ENGINEER, '2026-10-01T08:00:00Z')];
    const again = await log(t, org, ENGINEER, '2026-11-22T08:00:00Z');
    const res = await similar(again.id);
    expect(ids(res.body.items)).toEqual([c.engineer.id, ...ids(twins).sort()]);
  });

  it('is for those who read complaints: the support desk may, the chair may not', async () => {
    expect((await similar(probe.id, org.tokens.desk)).status).toBe(200);
    expect((await similar(probe.id, org.tokens.admin)).status).toBe(200);
    expectError(await similar(probe.id, org.tokens.chair), 403, 'FORBIDDEN');
  });

  it('answers 404 for an unknown complaint and 400 for an id that is not a UUID', async () => {
    expectError(await similar(randomUUID()), 404, 'COMPLAINT_NOT_FOUND');
    expectError(await similar('CMP-2026-000001'), 400, 'VALIDATION_FAILED', ['id']);
  });
});

describe('GET /api/complaints/:id/similar when many earlier complaints say exactly the same', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    await createCategory(t, OTHER_CATEGORY, org.otherDepartmentId);
  });
  afterAll(() => t.close());

  it('answers the newest identical summaries (ignoring case), every one as similar as can be, before newer rewordings', async () => {
    const shouting = { ...PROBE, summary: PROBE.summary.toUpperCase() };
    const identical = [];
    for (const [day, text] of [PROBE, PROBE, shouting, PROBE, PROBE, PROBE].entries()) identical.push(await log(t, org, text, `2026-11-0${day + 1}T08:00:00Z`));
    await log(t, org, NEAR, '2026-11-08T08:00:00Z');
    const elsewhere = await log(t, org, PROBE, '2026-11-05T12:00:00Z', { categoryCode: OTHER_CATEGORY });
    await setRootCause(t, elsewhere.id, 'tooling');
    const probe = await log(t, org, PROBE, '2026-11-20T08:00:00Z');

    const res = await t.http().get(`/api/complaints/${probe.id}/similar`).set(bearer(org.tokens.agent));
    // The newer NEAR (0.81) and the oldest identical one give way.
    expect(ids(res.body.items)).toEqual(ids(identical.slice(1).reverse()));
    expect(res.body.items.map((item: any) => item.similarity)).toEqual([1, 1, 1, 1, 1]);

    // With a root cause, the identical complaint of another category with that cause takes its place by date.
    await setRootCause(t, probe.id, 'tooling');
    const withCause = await t.http().get(`/api/complaints/${probe.id}/similar`).set(bearer(org.tokens.agent));
    expect(ids(withCause.body.items)).toEqual([identical[5].id, elsewhere.id, identical[4].id, identical[3].id, identical[2].id]);
  });
});

describe('knownIssues in the intake response', () => {
  let t: TestApp;
  let org: Organisation;
  let actionId: string;
  let known: any;

  const intake = (body: object, key?: string) => {
    const request = t.http().post('/api/complaints').set(bearer(org.tokens.desk));
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    await createCategory(t, OTHER_CATEGORY, org.otherDepartmentId);
    actionId = await insertPreventionAction(t, {
      title: 'Make gateway retries idempotent',
      causeCode: 'tooling',
      ownerDepartmentId: org.otherDepartmentId,
      dueAt: '2026-12-31T00:00:00Z',
    });
    known = await log(t, org, NEAR, '2026-11-02T08:00:00Z');
    await setRootCause(t, known.id, 'tooling', actionId);
    // Similar but nothing is being done about them: the customer cannot be told anything from these.
    await setRootCause(t, (await log(t, org, PROBE, '2026-11-03T08:00:00Z')).id, 'tooling');
    await log(t, org, PROBE, '2026-11-04T08:00:00Z');
    // A prevention action, but another category (the new complaint has no root cause yet), or another problem.
    await setRootCause(t, (await log(t, org, PROBE, '2026-11-05T08:00:00Z', { categoryCode: OTHER_CATEGORY })).id, 'tooling', actionId);
    await setRootCause(t, (await log(t, org, ENGINEER, '2026-11-06T08:00:00Z')).id, 'tooling', actionId);
  });
  afterAll(() => t.close());

  it('lists the earlier similar complaints of the category that have a prevention action, also on a retry', async () => {
    const expected = [
      {
        id: known.id,
        reference: known.reference,
        summary: NEAR.summary,
        status: 'received',
        categoryCode: 'billing-error',
        receivedAt: '2026-11-02T08:00:00.000Z',
        similarity: 0.81,
        rootCauseCode: 'tooling',
        preventionAction: {
          id: actionId,
          title: 'Make gateway retries idempotent',
          status: 'planned',
          dueAt: '2026-12-31T00:00:00.000Z',
          ownerDepartment: { id: org.otherDepartmentId, name: 'Network' },
        },
      },
    ];
    const created = await intake(intakeBody(), 'desk-similar-1');
    expect(created.status).toBe(201);
    expect(created.body.knownIssues).toEqual(expected);
    expect(created.body.knownIssuesTimedOut).toBe(false);
    expect(created.body).toMatchObject({ reference: expect.stringMatching(/^CMP-/), status: 'received', version: 1 });

    const replayed = await intake(intakeBody(), 'desk-similar-1');
    expect({ status: replayed.status, replayed: replayed.headers['idempotent-replayed'], id: replayed.body.id }).toEqual({
      status: 200,
      replayed: 'true',
      id: created.body.id,
    });
    expect(replayed.body.knownIssues).toEqual(expected);

    // The same search without the restriction shows what was left out.
    const all = await t.http().get(`/api/complaints/${created.body.id}/similar`).set(bearer(org.tokens.agent));
    expect(all.body.items.map((item: any) => item.preventionAction?.id ?? null)).toEqual([null, null, actionId]);
  });

  it('is left empty and flagged as cut short, not late, when the search takes too long', async () => {
    // Another session holds prevention_actions, which the search reads, so the search waits: deterministic, unlike a
    // slow query. Intake itself would wait too (its foreign keys), so this calls the service intake uses.
    const logged = await log(t, org, PROBE, '2026-11-10T08:00:00Z');
    const probe = (await t.app.get(SimilarComplaintsRepository).findProbe(t.dataSource.manager, logged.id))!;
    const service = t.app.get(SimilarComplaintsService);
    expect(ids((await service.knownIssuesFor(probe)).items)).toEqual([known.id]);
    const blocker = t.dataSource.createQueryRunner();
    await blocker.startTransaction();
    try {
      await blocker.query('LOCK TABLE prevention_actions IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      expect(await service.knownIssuesFor(probe)).toEqual({ items: [], timedOut: true });
      expect(Date.now() - started).toBeGreaterThanOrEqual(KNOWN_ISSUES_TIMEOUT_MS);
      expect(Date.now() - started).toBeLessThan(KNOWN_ISSUES_TIMEOUT_MS + 2_000);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('is empty for an unrelated complaint, and for one received before the known issue', async () => {
    const unrelated = await intake(intakeBody({ summary: 'Letters go to my old address', description: 'I moved in March and told you twice, yet the letters still go to my old address.' }));
    expect({ status: unrelated.status, knownIssues: unrelated.body.knownIssues }).toEqual({ status: 201, knownIssues: [] });
    const older = await intake(intakeBody({ receivedAt: '2026-11-01T08:00:00Z' }));
    expect({ status: older.status, knownIssues: older.body.knownIssues }).toEqual({ status: 201, knownIssues: [] });
  });
});

describe('GET /api/themes', () => {
  let t: TestApp;
  let org: Organisation;
  const themes = (query: string, token = org.tokens.chair) => t.http().get(`/api/themes${query}`).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    await createCategory(t, OTHER_CATEGORY, org.otherDepartmentId);
    // The period is October 2026, [2026-10-01, 2026-11-01), 31 days; the previous one is [2026-08-31, 2026-10-01).
    const billing = async (receivedAt: string, cause?: string, overrides: Record<string, unknown> = {}) => {
      const complaint = await log(t, org, PROBE, receivedAt, overrides);
      if (cause) await setRootCause(t, complaint.id, cause);
    };
    const network = (receivedAt: string, cause?: string) => billing(receivedAt, cause, { categoryCode: OTHER_CATEGORY });
    // billing-error × tooling: 3 now (the first at the period's very start), 1 before (at its very start).
    await billing('2026-10-01T00:00:00Z', 'tooling');
    await billing('2026-10-15T12:00:00Z', 'tooling');
    await billing('2026-10-31T23:59:59Z', 'tooling');
    await billing('2026-08-31T00:00:00Z', 'tooling');
    // billing-error without a root cause yet: 1 now, 1 before.
    await billing('2026-10-20T00:00:00Z');
    await billing('2026-09-15T00:00:00Z');
    // network-outage × supplier: gone since the previous period.
    await network('2026-09-01T00:00:00Z', 'supplier');
    await network('2026-09-30T23:59:59Z', 'supplier');
    // network-outage without a root cause: new this period.
    await network('2026-10-02T00:00:00Z');
    await network('2026-10-03T00:00:00Z');
    // Outside both periods, or not a complaint: not counted.
    await billing('2026-11-01T00:00:00Z', 'tooling');
    await billing('2026-08-30T23:59:59Z', 'tooling');
    await billing('2026-10-10T00:00:00Z', undefined, { type: 'suggestion' });
  });
  afterAll(() => t.close());

  it('counts complaints per category and root cause against the previous period; rising are those that grew', async () => {
    const res = await themes('?from=2026-10-01&to=2026-11-01');
    expect(res.status).toBe(200);
    const billingTooling = { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: 'tooling', count: 3, previousCount: 1, change: 2 };
    const networkNew = { categoryCode: OTHER_CATEGORY, categoryName: 'Network outage', causeCode: null, count: 2, previousCount: 0, change: 2 };
    const billingSteady = { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: null, count: 1, previousCount: 1, change: 0 };
    const networkGone = { categoryCode: OTHER_CATEGORY, categoryName: 'Network outage', causeCode: 'supplier', count: 0, previousCount: 2, change: -2 };
    expect(res.body).toEqual({
      previousFrom: '2026-08-31T00:00:00.000Z',
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
      items: [billingTooling, networkNew, billingSteady, networkGone],
      rising: [billingTooling, networkNew],
    });
  });

  it('takes a date and time with an offset', async () => {
    const res = await themes(`?from=${encodeURIComponent('2026-10-15T14:00:00+02:00')}&to=2026-10-15T12:00:01Z`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ previousFrom: '2026-10-15T11:59:59.000Z', from: '2026-10-15T12:00:00.000Z' });
    expect(res.body.items).toEqual([
      { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: 'tooling', count: 1, previousCount: 0, change: 1 },
    ]);
  });

  it('is for the committee: department heads, the chair and admins', async () => {
    expect((await themes('?from=2026-10-01&to=2026-11-01', org.tokens.department_head)).status).toBe(200);
    expect((await themes('?from=2026-10-01&to=2026-11-01', org.tokens.admin)).status).toBe(200);
    expectError(await themes('?from=2026-10-01&to=2026-11-01', org.tokens.agent), 403, 'FORBIDDEN');
    expectError(await themes('?from=2026-10-01&to=2026-11-01', org.tokens.desk), 403, 'FORBIDDEN');
  });

  it.each<[string, string, string[]]>([
    ['without from', '?to=2026-11-01', ['from']],
    ['without either', '', ['from', 'to']],
    ['with a from that is not a date', '?from=October&to=2026-11-01', ['from']],
    ['with an impossible date', '?from=2026-02-30&to=2026-11-01', ['from']],
    ['with a time without an offset', '?from=2026-10-01T00:00:00&to=2026-11-01', ['from']],
    ['with to before from', '?from=2026-11-01&to=2026-10-01', ['to']],
    ['with to equal to from', '?from=2026-10-01&to=2026-10-01', ['to']],
    ['with more than 366 days', '?from=2025-10-01&to=2026-10-03', ['to']],
    ['with an unknown parameter', '?from=2026-10-01&to=2026-11-01&category=billing-error', ['category']],
  ])('answers 400 %s', async (_, query, fields) => {
    expectError(await themes(query), 400, 'VALIDATION_FAILED', fields);
  });

  it('accepts exactly 366 days', async () => {
    const res = await themes('?from=2025-11-01&to=2026-11-02');
    expect(res.status).toBe(200);
    expect(res.body.previousFrom).toBe('2024-10-31T00:00:00.000Z');
  });
});
