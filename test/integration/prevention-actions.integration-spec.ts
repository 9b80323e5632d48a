import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createStaff, expectError } from '../factories/complaints.js';
import { asAdmin, bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';
import { EffectivenessSweepService } from '../../src/prevention/effectiveness-sweep.service.js';

/*
 * Prevention actions over HTTP against a real database: the baseline stored at creation, the owner's workflow, the
 * scheduled effectiveness check and overdue flag (called directly with a moved clock), and the notifications they
 * leave for the owning department's head. Root causes are seeded with SQL: the root-cause endpoint is built apart.
 */

const DAY = 24 * HOUR;
/** The test clock's start: the action is created here, so the 30-day baseline is [NOW − 30 days, NOW). */
const NOW = new Date('2026-11-23T09:00:00.000Z');
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const iso = (base: Date, ms = 0) => at(base, ms).toISOString();
/** Done a day after creation; the check of a 30-day window is due 30 days later. */
const DONE = at(NOW, DAY);
const CHECK_DUE = at(DONE, 30 * DAY);

const ACTION = {
  title: 'Stop the card gateway retrying a payment the bank already took',
  description: 'Make gateway retries idempotent with the payment reference, and alert billing on a second debit.',
  causeCode: 'tooling',
  categoryCode: 'billing-error',
  dueAt: iso(NOW, 14 * DAY),
  successCriterion: { targetReductionPct: 50, windowDays: 30 },
};

const VIEW_KEYS = [
  'baseline',
  'categoryCode',
  'causeCode',
  'createdAt',
  'description',
  'doneAt',
  'dueAt',
  'id',
  'linkedComplaints',
  'overdue',
  'ownerDepartment',
  'status',
  'successCriterion',
  'title',
  'updatedAt',
  'verificationDueAt',
  'version',
];

describe('prevention actions', () => {
  let t: TestApp;
  let org: Organisation;
  let otherHead: string;
  const head = () => org.tokens.department_head;

  beforeEach(async () => {
    t = await startTestApp();
    t.clock.set(NOW);
    org = await seedOrganisation(t);
    const network = await t.http().post('/api/categories').set(asAdmin).send({ code: 'network-outage', name: 'Network outage', ownerDepartmentId: org.otherDepartmentId });
    expect(network.status).toBe(201);
    otherHead = (await createStaff(t, 'department_head', org.otherDepartmentId, 'head-network@example.com')).token;
  });
  afterEach(() => t.close());

  /** `n` complaints received at `receivedAt`, their root cause recorded (as "no systemic cause", which the schema needs without an action). */
  async function seed(n: number, receivedAt: Date, cause: string | null = 'tooling', overrides: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await t.http().post('/api/complaints').set(bearer(org.tokens.agent)).send(intakeBody({ receivedAt: receivedAt.toISOString(), ...overrides }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    if (cause) {
      await t.dataSource.query(
        `UPDATE complaints SET root_cause_code = $2, no_systemic_cause_justification = 'Seeded by the test', root_cause_recorded_at = received_at
          WHERE id = ANY($1::uuid[])`,
        [ids, cause],
      );
    }
    return ids;
  }

  /** Owned by Billing unless the body says otherwise. */
  const create = (body: object = ACTION, token = head()) =>
    t.http().post('/api/prevention-actions').set(bearer(token)).send({ ownerDepartmentId: org.departmentId, ...body });
  const read = (id: string, token = org.tokens.agent) => t.http().get(`/api/prevention-actions/${id}`).set(bearer(token));
  const effectiveness = (id: string, token = org.tokens.chair) => t.http().get(`/api/prevention-actions/${id}/effectiveness`).set(bearer(token));
  const patch = (id: string, body: object, token = head(), ifMatch?: string) => {
    const req = t.http().patch(`/api/prevention-actions/${id}`).set(bearer(token));
    if (ifMatch !== undefined) req.set('If-Match', ifMatch);
    return req.send(body);
  };
  const list = (query = '', token = org.tokens.agent) => t.http().get(`/api/prevention-actions${query}`).set(bearer(token));
  const sweep = () => t.app.get(EffectivenessSweepService).sweep();

  async function createAction(body: object = ACTION): Promise<any> {
    const res = await create(body);
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body;
  }

  /** The action's whole stored state with its checks and notifications: a refused request must leave all of it. */
  async function stateOf(id: string) {
    const [row] = await t.dataSource.query('SELECT * FROM prevention_actions WHERE id = $1', [id]);
    const checks = await t.dataSource.query('SELECT * FROM effectiveness_checks WHERE prevention_action_id = $1 ORDER BY checked_at', [id]);
    return { row, checks, notifications: await notificationsOf(id) };
  }

  function notificationsOf(id: string): Promise<{ kind: string; department_id: string; body: string; dedupe_key: string; created_at: Date }[]> {
    return t.dataSource.query(
      'SELECT kind, department_id, body, dedupe_key, created_at, complaint_id FROM staff_notifications WHERE prevention_action_id = $1 ORDER BY created_at, id',
      [id],
    );
  }

  /** Creates the action at NOW, starts it, and marks it done at DONE (the clock is left there). */
  async function doneAction(body: object = ACTION): Promise<any> {
    const action = await createAction(body);
    expect((await patch(action.id, { status: 'in_progress' })).status).toBe(200);
    t.clock.set(DONE);
    const done = await patch(action.id, { status: 'done' });
    expect(done.status).toBe(200);
    return done.body;
  }

  describe('POST /api/prevention-actions', () => {
    it('stores the baseline at creation: matching complaints of the windowDays before, in the category or across categories', async () => {
      await seed(3, at(NOW, -10 * DAY));
      await seed(1, at(NOW, -30 * DAY)); // the window's first instant counts
      await seed(2, at(NOW, -5 * DAY), 'tooling', { categoryCode: 'network-outage' });
      // None of these match: too early, at the creation instant itself (the window is half-open), another cause,
      // no root cause yet, a suggestion.
      await seed(1, at(NOW, -30 * DAY - 1));
      await seed(1, NOW);
      await seed(1, at(NOW, -3 * DAY), 'process_gap');
      await seed(1, at(NOW, -3 * DAY), null);
      await seed(1, at(NOW, -3 * DAY), 'tooling', { type: 'suggestion' });

      const res = await create();
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(Object.keys(res.body).sort()).toEqual(VIEW_KEYS);
      expect(res.body).toEqual({
        id: expect.any(String),
        title: ACTION.title,
        description: ACTION.description,
        causeCode: 'tooling',
        categoryCode: 'billing-error',
        ownerDepartment: { id: org.departmentId, name: 'Billing' },
        dueAt: ACTION.dueAt,
        successCriterion: { targetReductionPct: 50, windowDays: 30 },
        status: 'planned',
        baseline: { from: iso(NOW, -30 * DAY), to: iso(NOW), count: 4, ratePer30Days: 4 },
        doneAt: null,
        verificationDueAt: null,
        overdue: false,
        linkedComplaints: 0,
        version: 1,
        createdAt: iso(NOW),
        updatedAt: iso(NOW),
      });

      const { categoryCode: _category, ...everyCategory } = ACTION;
      const across = await create({ ...everyCategory, successCriterion: { targetReductionPct: 30, windowDays: 60 } });
      expect(across.status).toBe(201);
      expect(across.body).toMatchObject({
        categoryCode: null,
        baseline: { from: iso(NOW, -60 * DAY), to: iso(NOW), count: 7, ratePer30Days: 3.5 },
      });
    });

    it('answers 400 naming the field for unknown fields, wrong types, a missing success criterion and a window out of range; writes nothing', async () => {
      const cases: [object, string][] = [
        [{ ...ACTION, colour: 'red' }, 'colour'],
        [{ ...ACTION, title: 5 }, 'title'],
        [{ ...ACTION, dueAt: 'next Tuesday' }, 'dueAt'],
        [{ ...ACTION, ownerDepartmentId: 'billing' }, 'ownerDepartmentId'],
        [{ ...ACTION, successCriterion: undefined }, 'successCriterion'],
        [{ ...ACTION, successCriterion: { targetReductionPct: '50', windowDays: 30 } }, 'successCriterion.targetReductionPct'],
        [{ ...ACTION, successCriterion: { targetReductionPct: 50, windowDays: 6 } }, 'successCriterion.windowDays'],
        [{ ...ACTION, successCriterion: { targetReductionPct: 50, windowDays: 731 } }, 'successCriterion.windowDays'],
        [{ ...ACTION, successCriterion: { targetReductionPct: 0, windowDays: 30 } }, 'successCriterion.targetReductionPct'],
        [{ ...ACTION, successCriterion: { targetReductionPct: 50, windowDays: 30, minimum: 5 } }, 'successCriterion.minimum'],
      ];
      for (const [body, field] of cases) {
        const res = await create(body);
        expectError(res, 400, 'VALIDATION_FAILED', [field]);
      }
      expectError(await create({ ...ACTION, dueAt: iso(NOW, -HOUR) }), 422, 'DUE_DATE_IN_PAST', ['dueAt']);
      expectError(await create({ ...ACTION, causeCode: 'human_error' }), 422, 'UNKNOWN_ROOT_CAUSE', ['causeCode']);
      expectError(await create(ACTION, org.tokens.agent), 403, 'FORBIDDEN');
      expect(await t.dataSource.query('SELECT id FROM prevention_actions')).toEqual([]);
    });
  });

  describe('reading', () => {
    it('GET /:id answers the view with its version as ETag, counting linked complaints; unknown ids 404 on every route', async () => {
      const action = await createAction();
      const linked = await seed(2, at(NOW, -HOUR), null);
      await t.dataSource.query(
        `UPDATE complaints SET root_cause_code = 'tooling', prevention_action_id = $2 WHERE id = ANY($1::uuid[])`,
        [linked, action.id],
      );

      for (const token of [org.tokens.agent, org.tokens.resolver, org.tokens.department_head, org.tokens.chair, org.tokens.admin]) {
        const res = await read(action.id, token);
        expect({ status: res.status, etag: res.headers.etag }).toEqual({ status: 200, etag: '"1"' });
        expect(res.body).toEqual({ ...action, linkedComplaints: 2 });
      }

      const unknown = '00000000-0000-4000-8000-000000000000';
      expectError(await read(unknown), 404, 'PREVENTION_ACTION_NOT_FOUND');
      expectError(await effectiveness(unknown), 404, 'PREVENTION_ACTION_NOT_FOUND');
      expectError(await patch(unknown, { title: 'A better title' }), 404, 'PREVENTION_ACTION_NOT_FOUND');
      expectError(await read('42'), 400, 'VALIDATION_FAILED', ['id']);
    });

    it('lists newest first in pages without gaps or repeats, and filters by status, owner, cause and overdue', async () => {
      // Nine actions: three created in the same millisecond (the id breaks the tie), the rest a minute apart.
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) {
        if (i >= 3) t.clock.advance(60_000);
        const owner = i % 3 === 0 ? org.otherDepartmentId : org.departmentId;
        const cause = i % 2 === 0 ? 'tooling' : 'handoff_loss';
        const dueAt = i === 4 ? iso(t.clock.now(), HOUR) : iso(NOW, 30 * DAY);
        ids.push((await createAction({ ...ACTION, ownerDepartmentId: owner, causeCode: cause, dueAt })).id);
      }
      expect((await patch(ids[5], { status: 'in_progress' })).status).toBe(200);

      const all = await list('?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      const order = (all.body.items as any[]).map((a) => a.id);
      expect(new Set(order)).toEqual(new Set(ids));
      const expected = [...(all.body.items as any[])].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((a) => a.id);
      expect(order).toEqual(expected);

      for (const limit of [1, 2, 4]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: any = await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.status).toBe(200);
          expect(page.body.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.body.items.map((a: { id: string }) => a.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect({ limit, seen }).toEqual({ limit, seen: order });
      }

      const idsOf = async (query: string) => {
        const res = await list(query);
        expect(res.status).toBe(200);
        return (res.body.items as { id: string }[]).map((a) => a.id);
      };
      expect(await idsOf('?status=in_progress')).toEqual([ids[5]]);
      expect(await idsOf(`?ownerDepartmentId=${org.otherDepartmentId}`)).toEqual(order.filter((id) => [0, 3, 6].includes(ids.indexOf(id))));
      expect(await idsOf('?causeCode=handoff_loss')).toEqual(order.filter((id) => ids.indexOf(id) % 2 === 1));
      expect(await idsOf(`?causeCode=tooling&ownerDepartmentId=${org.departmentId}`)).toEqual(order.filter((id) => [2, 4, 8].includes(ids.indexOf(id))));

      expect(await idsOf('?overdue=true')).toEqual([]);
      t.clock.advance(2 * HOUR);
      expect(await idsOf('?overdue=true')).toEqual([ids[4]]);
      expect(await idsOf('?overdue=false')).toEqual(order.filter((id) => id !== ids[4]));
      expect((await read(ids[4])).body.overdue).toBe(true);

      for (const query of ['?status=finished', '?overdue=maybe', '?ownerDepartmentId=billing', '?limit=0', '?colour=red']) {
        expectError(await list(query), 400, 'VALIDATION_FAILED');
      }
      expectError(await list('?cursor=not-a-cursor'), 400, 'INVALID_CURSOR');
    });
  });

  describe('PATCH /api/prevention-actions/:id', () => {
    it("the owning department's head moves it planned → in_progress → done; done is recorded and verification starts at once", async () => {
      const action = await createAction();

      const started = await patch(action.id, { status: 'in_progress' }, head(), '"1"');
      expect(started.status).toBe(200);
      expect(started.headers.etag).toBe('"2"');
      expect(started.body).toMatchObject({ status: 'in_progress', version: 2, doneAt: null });

      t.clock.set(DONE);
      const done = await patch(action.id, { status: 'done' }, head(), '"2"');
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'verifying', version: 3, doneAt: iso(DONE), verificationDueAt: iso(CHECK_DUE), overdue: false, updatedAt: iso(DONE) });
      expect(await effectiveness(action.id).then((r) => r.body)).toMatchObject({ verdict: 'pending', after: { from: iso(DONE), to: iso(DONE), count: 0, ratePer30Days: null } });
    });

    it('refuses other departments\' heads (NOT_OWNING_DEPARTMENT) and every other role, changing nothing', async () => {
      const action = await createAction();
      const before = await stateOf(action.id);
      expectError(await patch(action.id, { status: 'in_progress' }, otherHead), 403, 'NOT_OWNING_DEPARTMENT');
      for (const token of [org.tokens.agent, org.tokens.resolver, org.tokens.chair, org.tokens.admin, org.tokens.desk]) {
        expectError(await patch(action.id, { status: 'in_progress' }, token), 403, 'FORBIDDEN');
      }
      expect(await stateOf(action.id)).toEqual(before);
    });

    it('answers 409 naming the current status and the allowed next statuses for an illegal transition', async () => {
      const action = await createAction();
      const before = await stateOf(action.id);
      for (const status of ['done', 'verifying', 'effective', 'not_effective']) {
        const res = await patch(action.id, { status });
        expectError(res, 409, 'ILLEGAL_PREVENTION_TRANSITION', ['status']);
        expect(res.body).toMatchObject({ currentStatus: 'planned', allowedNextStatuses: ['in_progress'] });
      }
      expect(await stateOf(action.id)).toEqual(before);

      const verifying = await doneAction();
      for (const status of ['planned', 'in_progress', 'done', 'effective', 'not_effective']) {
        const res = await patch(verifying.id, { status });
        expectError(res, 409, 'ILLEGAL_PREVENTION_TRANSITION', ['status']);
        expect(res.body).toMatchObject({ currentStatus: 'verifying', allowedNextStatuses: [] });
      }
      // The current status sent back (a whole form) is no transition: only the title changes.
      const same = await patch(verifying.id, { status: 'verifying', title: 'Idempotent gateway retries' });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ status: 'verifying', title: 'Idempotent gateway retries', version: verifying.version + 1 });
    });

    it('honours If-Match: a stale version answers 412 and changes nothing; a malformed one 400', async () => {
      const action = await createAction();
      expect((await patch(action.id, { title: 'Idempotent gateway retries' }, head(), '"1"')).status).toBe(200);
      const before = await stateOf(action.id);
      const stale = await patch(action.id, { status: 'in_progress' }, head(), '"1"');
      expectError(stale, 412, 'STALE_VERSION', ['If-Match']);
      expect(stale.body.currentVersion).toBe(2);
      expectError(await patch(action.id, { status: 'in_progress' }, head(), 'yesterday'), 400, 'INVALID_IF_MATCH', ['If-Match']);
      expect(await stateOf(action.id)).toEqual(before);
      expect((await patch(action.id, { status: 'in_progress' }, head(), 'W/"2"')).status).toBe(200);
    });

    it('edits title, description and a future due date; the success criterion only while planned, recounting the baseline', async () => {
      await seed(5, at(NOW, -20 * DAY));
      await seed(3, at(NOW, -50 * DAY));
      const action = await createAction();
      expect(action.baseline).toMatchObject({ count: 5 });

      const edited = await patch(action.id, {
        title: '  Idempotent gateway retries  ',
        description: 'Retries carry the payment reference; billing is alerted on a second debit.',
        dueAt: iso(NOW, 21 * DAY),
        successCriterion: { targetReductionPct: 40, windowDays: 60 },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: 'Idempotent gateway retries',
        description: 'Retries carry the payment reference; billing is alerted on a second debit.',
        dueAt: iso(NOW, 21 * DAY),
        successCriterion: { targetReductionPct: 40, windowDays: 60 },
        baseline: { from: iso(NOW, -60 * DAY), to: iso(NOW), count: 8, ratePer30Days: 4 },
        version: 2,
      });

      expect((await patch(action.id, { status: 'in_progress' })).status).toBe(200);
      const before = await stateOf(action.id);
      const locked = await patch(action.id, { successCriterion: { targetReductionPct: 10, windowDays: 60 } });
      expectError(locked, 409, 'PREVENTION_FIELD_LOCKED', ['successCriterion']);
      expect(locked.body.currentStatus).toBe('in_progress');
      expectError(await patch(action.id, { dueAt: iso(NOW, -HOUR) }), 422, 'DUE_DATE_IN_PAST', ['dueAt']);
      expect(await stateOf(action.id)).toEqual(before);
      // The same criterion sent back is no change.
      expect((await patch(action.id, { successCriterion: { targetReductionPct: 40, windowDays: 60 }, dueAt: iso(NOW, 28 * DAY) })).status).toBe(200);

      t.clock.set(DONE);
      expect((await patch(action.id, { status: 'done' })).status).toBe(200);
      expectError(await patch(action.id, { dueAt: iso(NOW, 40 * DAY) }), 409, 'PREVENTION_FIELD_LOCKED', ['dueAt']);
    });

    it('answers 400 for unknown fields, wrong types, null, an unknown status and an empty body', async () => {
      const action = await createAction();
      const before = await stateOf(action.id);
      const cases: [object, string | null][] = [
        [{ owner: org.otherDepartmentId }, 'owner'],
        [{ causeCode: 'capacity' }, 'causeCode'],
        [{ title: 42 }, 'title'],
        [{ title: null }, 'title'],
        [{ dueAt: null }, 'dueAt'],
        [{ dueAt: 1767225600000 }, 'dueAt'],
        [{ status: 'finished' }, 'status'],
        [{ successCriterion: { targetReductionPct: 50 } }, 'successCriterion.windowDays'],
        [{ successCriterion: 'halve it' }, 'successCriterion'],
        [{}, null],
      ];
      for (const [body, field] of cases) {
        const res = await patch(action.id, body);
        expectError(res, 400, 'VALIDATION_FAILED', field ? [field] : []);
      }
      expect(await stateOf(action.id)).toEqual(before);
    });
  });

  describe('the effectiveness check', () => {
    it('finds an action effective when matching complaints fell by the target, from the figures so far to the recorded check', async () => {
      await seed(10, at(NOW, -15 * DAY));
      const action = await doneAction();

      // Halfway: two so far, in fifteen days, is 4 per 30 days.
      t.clock.set(at(DONE, 15 * DAY));
      await seed(2, at(DONE, 2 * DAY));
      expect(await effectiveness(action.id).then((r) => r.body)).toMatchObject({
        verdict: 'pending',
        after: { from: iso(DONE), to: iso(DONE, 15 * DAY), count: 2, ratePer30Days: 4 },
        reductionPct: 60,
        checkedAt: null,
        checks: [],
      });
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 0, overdue: 0 });

      t.clock.set(at(CHECK_DUE, HOUR));
      await seed(2, at(DONE, 20 * DAY));
      // Not the same problem: another category, another cause; and one received after the window.
      await seed(1, at(DONE, 20 * DAY), 'tooling', { categoryCode: 'network-outage' });
      await seed(1, at(DONE, 20 * DAY), 'process_gap');
      await seed(1, at(CHECK_DUE, 30 * 60_000));

      const before = await effectiveness(action.id);
      expect(before.body).toMatchObject({ verdict: 'pending', after: { from: iso(DONE), to: iso(CHECK_DUE), count: 4, ratePer30Days: 4 }, reductionPct: 60 });

      expect(await sweep()).toEqual({ skipped: false, effective: 1, notEffective: 0, insufficientData: 0, overdue: 0 });
      const check = {
        id: expect.any(String),
        checkedAt: iso(CHECK_DUE, HOUR),
        baseline: { from: iso(NOW, -30 * DAY), to: iso(NOW), count: 10, ratePer30Days: 10 },
        after: { from: iso(DONE), to: iso(CHECK_DUE), count: 4, ratePer30Days: 4 },
        targetReductionPct: 50,
        reductionPct: 60,
        verdict: 'effective',
      };
      const res = await effectiveness(action.id, org.tokens.agent);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        windowDays: 30,
        targetReductionPct: 50,
        baseline: check.baseline,
        after: check.after,
        reductionPct: 60,
        verdict: 'effective',
        checkedAt: iso(CHECK_DUE, HOUR),
        checks: [check],
      });
      const after = await read(action.id);
      expect(after.body).toMatchObject({ status: 'effective', version: action.version + 1, overdue: false });
      expect(after.headers.etag).toBe(`"${action.version + 1}"`);

      // Run again, later: nothing more is recorded, nobody is told about an effective action.
      t.clock.advance(DAY);
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 0, overdue: 0 });
      expect((await effectiveness(action.id)).body.checks).toHaveLength(1);
      expect(await notificationsOf(action.id)).toEqual([]);
    });

    it('finds it not effective: tells the owning head, and the owner goes back to planning with a new due date, the evidence kept', async () => {
      await seed(10, at(NOW, -15 * DAY));
      const action = await doneAction();
      t.clock.set(at(CHECK_DUE, HOUR));
      await seed(8, at(DONE, 10 * DAY));

      // The due date (NOW + 14 days) has passed too; the not-effective notice is the one telling.
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 1, insufficientData: 0, overdue: 0 });
      const judged = await effectiveness(action.id);
      expect(judged.body).toMatchObject({
        verdict: 'not_effective',
        reductionPct: 20,
        after: { count: 8, ratePer30Days: 8 },
        checkedAt: iso(CHECK_DUE, HOUR),
        checks: [{ verdict: 'not_effective', reductionPct: 20 }],
      });
      const checkId = judged.body.checks[0].id;
      expect(await read(action.id).then((r) => r.body)).toMatchObject({ status: 'not_effective', overdue: true, version: action.version + 1 });

      const [notification, ...more] = await notificationsOf(action.id);
      expect(more).toEqual([]);
      expect(notification).toMatchObject({
        kind: 'prevention_action_not_effective',
        department_id: org.departmentId,
        complaint_id: null,
        dedupe_key: `prevention_action_not_effective:${checkId}`,
        created_at: at(CHECK_DUE, HOUR),
      });
      expect(notification.body).toContain(ACTION.title);
      expect(notification.body).toContain('fell by 20%');
      expect(notification.body).toContain('target of 50%');

      const listed = await t.http().get(`/api/staff-notifications?departmentId=${org.departmentId}`).set(bearer(head()));
      expect(listed.status).toBe(200);
      const [item] = listed.body.items;
      expect(Object.keys(item).sort()).toEqual(['body', 'createdAt', 'departmentId', 'id', 'kind', 'preventionAction']);
      expect(item).toMatchObject({ kind: 'prevention_action_not_effective', preventionAction: { id: action.id, title: ACTION.title }, createdAt: iso(CHECK_DUE, HOUR) });

      // Later sweeps tell nothing more: not effective again, nor overdue for the old due date.
      t.clock.advance(HOUR);
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 0, overdue: 0 });
      expect(await notificationsOf(action.id)).toHaveLength(1);

      // Back to planning: the owner read version N before the check; the check made it stale.
      expectError(await patch(action.id, { status: 'in_progress', dueAt: iso(CHECK_DUE, 30 * DAY) }, head(), `"${action.version}"`), 412, 'STALE_VERSION');
      const current = `"${action.version + 1}"`;
      const noDate = await patch(action.id, { status: 'in_progress' }, head(), current);
      expectError(noDate, 400, 'NEW_DUE_DATE_REQUIRED', ['dueAt']);
      expectError(await patch(action.id, { status: 'in_progress', dueAt: iso(NOW, 14 * DAY) }, head(), current), 422, 'DUE_DATE_IN_PAST', ['dueAt']);
      expectError(await patch(action.id, { status: 'verifying' }, head(), current), 409, 'ILLEGAL_PREVENTION_TRANSITION');
      const replanned = await patch(action.id, { status: 'in_progress', dueAt: iso(CHECK_DUE, 30 * DAY) }, head(), current);
      expect(replanned.status).toBe(200);
      expect(replanned.body).toMatchObject({ status: 'in_progress', dueAt: iso(CHECK_DUE, 30 * DAY), doneAt: null, verificationDueAt: null, overdue: false });
      expect(await effectiveness(action.id).then((r) => r.body)).toMatchObject({ verdict: 'not_effective', checks: [{ id: checkId }] });

      // Done again: a new verification, the evidence of the first still there.
      const redone = await patch(action.id, { status: 'done' });
      expect(redone.body).toMatchObject({ status: 'verifying', doneAt: iso(CHECK_DUE, 2 * HOUR), verificationDueAt: iso(CHECK_DUE, 30 * DAY + 2 * HOUR) });
      expect(await effectiveness(action.id).then((r) => r.body)).toMatchObject({
        verdict: 'pending',
        checkedAt: null,
        after: { from: iso(CHECK_DUE, 2 * HOUR), count: 0 },
        checks: [{ id: checkId, verdict: 'not_effective' }],
      });
    });

    it(`keeps verifying on too little data (a baseline under 5), checking again a window later from done to the new end`, async () => {
      await seed(3, at(NOW, -15 * DAY));
      const action = await doneAction();
      t.clock.set(at(CHECK_DUE, HOUR));

      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 1, overdue: 0 });
      const extended = at(CHECK_DUE, 30 * DAY);
      expect(await read(action.id).then((r) => r.body)).toMatchObject({ status: 'verifying', verificationDueAt: extended.toISOString(), version: action.version + 1 });
      expect(await effectiveness(action.id).then((r) => r.body)).toMatchObject({
        verdict: 'insufficient_data',
        checkedAt: iso(CHECK_DUE, HOUR),
        checks: [{ verdict: 'insufficient_data', baseline: { count: 3 }, after: { from: iso(DONE), to: iso(CHECK_DUE), count: 0 }, reductionPct: 100 }],
      });
      expect(await sweep()).toMatchObject({ insufficientData: 0 });

      t.clock.set(at(extended, HOUR));
      await seed(1, at(CHECK_DUE, 10 * DAY));
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 1, overdue: 0 });
      const checks = (await effectiveness(action.id)).body.checks;
      expect(checks.map((c: any) => [c.checkedAt, c.after.from, c.after.to, c.after.count, c.after.ratePer30Days])).toEqual([
        [iso(extended, HOUR), iso(DONE), extended.toISOString(), 1, 0.5],
        [iso(CHECK_DUE, HOUR), iso(DONE), iso(CHECK_DUE), 0, 0],
      ]);
      expect(await notificationsOf(action.id)).toEqual([]);
    });

    it('run by two instances at the same moment records one check', async () => {
      await seed(6, at(NOW, -15 * DAY));
      const action = await doneAction();
      t.clock.set(at(CHECK_DUE, HOUR));
      const second = await startTestApp({ database: t.database, clock: t.clock });
      try {
        const results = await Promise.all([sweep(), second.app.get(EffectivenessSweepService).sweep(), sweep()]);
        expect(results.reduce((n, r) => n + r.effective, 0)).toBe(1);
      } finally {
        await second.close();
      }
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM effectiveness_checks WHERE prevention_action_id = $1', [action.id]);
      expect(n).toBe(1);
      expect(await read(action.id).then((r) => r.body)).toMatchObject({ status: 'effective', version: action.version + 1 });
    });
  });

  describe('overdue', () => {
    it('flags an unfinished action once past its due date and tells the owning head once per due date', async () => {
      const due = at(NOW, 2 * DAY);
      const action = await createAction({ ...ACTION, dueAt: due.toISOString() });
      const finished = await doneAction({ ...ACTION, dueAt: due.toISOString() });

      t.clock.set(due);
      expect(await sweep()).toMatchObject({ overdue: 0 });
      expect((await read(action.id)).body.overdue).toBe(false);

      t.clock.set(at(due, 60_000));
      expect(await sweep()).toEqual({ skipped: false, effective: 0, notEffective: 0, insufficientData: 0, overdue: 1 });
      const flagged = await read(action.id);
      // The flag is the system's observation: the owner's ETag stays valid.
      expect(flagged.body).toMatchObject({ overdue: true, version: 1 });
      expect(flagged.headers.etag).toBe('"1"');
      expect((await read(finished.id)).body.overdue).toBe(false);

      t.clock.advance(DAY);
      expect(await sweep()).toMatchObject({ overdue: 0 });
      const [notification, ...more] = await notificationsOf(action.id);
      expect(more).toEqual([]);
      expect(notification).toMatchObject({
        kind: 'prevention_action_overdue',
        department_id: org.departmentId,
        dedupe_key: `prevention_action_overdue:${action.id}:${due.toISOString()}`,
        created_at: at(due, 60_000),
      });
      expect(notification.body).toContain(`"${ACTION.title}" passed its due date, 2026-11-25 09:00 UTC, and is not started yet`);
      expect(await notificationsOf(finished.id)).toEqual([]);

      // A new due date clears the flag; when it passes too, the head is told again, once.
      const newDue = at(due, 7 * DAY);
      const moved = await patch(action.id, { dueAt: newDue.toISOString() }, head(), '"1"');
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ overdue: false, version: 2 });
      expect((await t.dataSource.query('SELECT overdue_at FROM prevention_actions WHERE id = $1', [action.id]))[0].overdue_at).toBeNull();
      t.clock.set(at(newDue, HOUR));
      expect(await sweep()).toMatchObject({ overdue: 1 });
      expect(await sweep()).toMatchObject({ overdue: 0 });
      expect((await notificationsOf(action.id)).map((n) => n.dedupe_key)).toEqual([
        `prevention_action_overdue:${action.id}:${due.toISOString()}`,
        `prevention_action_overdue:${action.id}:${newDue.toISOString()}`,
      ]);
    });
  });
});
