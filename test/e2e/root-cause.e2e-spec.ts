import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { handOff,
  acknowledge,
  CONTEXT_NOTE,
  createDepartment,
  events,
  eventTypes,
  expectError,
  logComplaint,
  publicTokenOf,
  resolve,
  staffIdByEmail,
  stateOf,
} from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';

/*
 * Preventing recurrence over HTTP against a real database: the root-cause taxonomy, recording a complaint's root
 * cause through the no-blame guard with a prevention action (existing or new) or a justified "no systemic cause",
 * and closing. Every refused request is checked to have changed nothing.
 */

const SEEDED = ['communication', 'capacity', 'data_quality', 'handoff_loss', 'process_gap', 'product_defect', 'supplier', 'tooling', 'training_need', 'unclear_policy'].sort();

const DESCRIPTION = 'The card gateway retries a payment after a timeout even when the bank already took it.';
const JUSTIFICATION = 'A one-off outage of the card scheme on 3 November; the scheme confirmed the fix and our process worked as designed.';
const NO_SYSTEMIC_CAUSE = { causeCode: 'supplier', description: DESCRIPTION, noSystemicCause: { justification: JUSTIFICATION } };
const DISPUTE = { reason: 'The money is still missing from my account, and my bank says it was never released.' };
const REWORDED = 'the refund form has no check for a duplicate debit';

describe('preventing recurrence', () => {
  let t: TestApp;
  let org: Organisation;

  const newAction = (overrides: Record<string, unknown> = {}) => ({
    title: 'Make gateway retries idempotent',
    description: 'Send the payment reference with every retry so that the bank refuses a second debit.',
    ownerDepartmentId: org.departmentId,
    dueAt: '2027-01-31T17:00:00Z',
    successCriterion: { targetReductionPct: 50, windowDays: 90 },
    ...overrides,
  });

  const recordRootCause = (id: string, body: unknown, { token = org.tokens.resolver, headers = {} }: { token?: string; headers?: Record<string, string> } = {}) =>
    t.http().post(`/api/complaints/${id}/root-cause`).set(bearer(token)).set(headers).send(body as object);
  const close = (id: string, { token = org.tokens.resolver, headers = {} }: { token?: string; headers?: Record<string, string> } = {}) =>
    t.http().post(`/api/complaints/${id}/close`).set(bearer(token)).set(headers);
  const read = async (id: string) => {
    const res = await t.http().get(`/api/complaints/${id}`).set(bearer(org.tokens.resolver));
    expect(res.status).toBe(200);
    return res.body;
  };
  const actionsOf = () =>
    t.dataSource.query(`SELECT id, title, cause_code AS "causeCode", owner_department_id AS "ownerDepartmentId", status FROM prevention_actions ORDER BY created_at, id`);

  /** stateOf plus what this step writes: the root-cause columns, closing, and the prevention actions and taxonomy. */
  const fullStateOf = async (id: string) => {
    const [rootCause] = await t.dataSource.query(
      `SELECT root_cause_code, root_cause_description, prevention_action_id, no_systemic_cause_justification, root_cause_recorded_at, closed_at
         FROM complaints WHERE id = $1`,
      [id],
    );
    return { ...(await stateOf(t, id)), rootCause, preventionActions: await actionsOf(), taxonomy: await t.dataSource.query('SELECT code FROM root_causes ORDER BY code') };
  };
  const changesNothing = async (id: string, request: () => Promise<Response>): Promise<Response> => {
    const before = await fullStateOf(id);
    const res = await request();
    expect(await fullStateOf(id)).toEqual(before);
    return res;
  };

  const acknowledged = async (overrides: Record<string, unknown> = {}) => {
    const complaint = await logComplaint(t, org.tokens.agent, overrides);
    await acknowledge(t, org.tokens.agent, complaint.id);
    t.clock.advance(HOUR);
    return complaint;
  };
  /**
   * A suggestion thanked for. Its acknowledgement names a date itself: a suggestion has no deadline for the message
   * to state, and the empathy guard wants one in every acknowledgement.
   */
  const acknowledgedSuggestion = async () => {
    const suggestion = await logComplaint(t, org.tokens.agent, { type: 'suggestion', severity: 'low' });
    const res = await t.http().post(`/api/complaints/${suggestion.id}/acknowledge`).set(bearer(org.tokens.agent)).send({
      message: 'Thank you for telling us your idea; we appreciate the time you took.',
      nextSteps: 'Our customer committee will discuss it at its meeting by 15 December.',
    });
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    t.clock.advance(HOUR);
    return suggestion;
  };
  const inResolution = async () => {
    const complaint = await acknowledged();
    await handOff(t, org.tokens.agent, complaint.id, org.otherDepartmentId);
    t.clock.advance(HOUR);
    return complaint;
  };
  const resolved = async () => {
    const complaint = await acknowledged();
    await resolve(t, org.tokens.resolver, complaint.id);
    t.clock.advance(HOUR);
    return complaint;
  };
  const withRootCause = async (setUp: () => Promise<any> = resolved, body: object = NO_SYSTEMIC_CAUSE) => {
    const complaint = await setUp();
    const res = await recordRootCause(complaint.id, body);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    t.clock.advance(HOUR);
    return complaint;
  };
  /** Resolved with a root cause, then disputed by the customer: reopened. */
  const disputed = async () => {
    const complaint = await withRootCause();
    expect((await t.http().post(`/public/complaints/${publicTokenOf(complaint)}/dispute`).send(DISPUTE)).status).toBe(200);
    t.clock.advance(HOUR);
    return complaint;
  };
  const closed = async () => {
    const complaint = await withRootCause();
    expect((await close(complaint.id)).status).toBe(200);
    return complaint;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-11-23T09:00:00Z');
    org = await seedOrganisation(t);
    // Staff with real names, to be found in root causes: Latvian and Ukrainian.
    for (const [name, email, role] of [
      ['Anna Bērziņa', 'anna@example.com', 'resolver'],
      ['Олег Петренко', 'oleg@example.com', 'agent'],
    ]) {
      const res = await t.http().post('/api/staff').set(asAdmin).send({ name, email, role, departmentId: org.departmentId });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  describe('GET /api/root-causes', () => {
    it.each(['agent', 'resolver', 'department_head', 'chair', 'admin'] as const)('the %s reads the taxonomy: processes, no "employee error"', async (role) => {
      const res = await t.http().get('/api/root-causes').set(bearer(org.tokens[role]));
      expect(res.status).toBe(200);
      expect(res.body.map((cause: { code: string }) => cause.code)).toEqual(expect.arrayContaining(SEEDED));
      expect(res.body.find((cause: { code: string }) => cause.code === 'handoff_loss')).toEqual({
        code: 'handoff_loss',
        name: 'Lost in a handoff',
        description: 'Information or ownership was lost when the work passed between teams or systems.',
        createdAt: expect.any(String),
      });
      expect(res.body.map((cause: { code: string }) => cause.code).filter((code: string) => /employee|human|staff/.test(code))).toEqual([]);
    });

    it('needs a token', async () => {
      expectError(await t.http().get('/api/root-causes'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /api/root-causes', () => {
    const add = (body: unknown, token = org.tokens.admin) => t.http().post('/api/root-causes').set(bearer(token)).send(body as object);
    const taxonomy = async () => (await t.dataSource.query('SELECT code FROM root_causes ORDER BY code')).map((r: { code: string }) => r.code);
    const unchanged = async (request: () => Promise<Response>) => {
      const before = await taxonomy();
      const res = await request();
      expect(await taxonomy()).toEqual(before);
      return res;
    };

    it('an admin adds a process cause, which staff can then choose', async () => {
      const description = 'A form or system accepted input without checking it, so a wrong value went through.';
      const res = await add({ code: 'missing_validation', name: '  Missing validation ', description: ` ${description} ` });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ code: 'missing_validation', name: 'Missing validation', description, createdAt: expect.any(String) });
      const list = await t.http().get('/api/root-causes').set(bearer(org.tokens.agent));
      expect(list.body.map((cause: { code: string }) => cause.code)).toContain('missing_validation');
      const complaint = await resolved();
      expect((await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, causeCode: 'missing_validation' })).status).toBe(200);
    });

    it('a taken code answers 409 ROOT_CAUSE_CODE_TAKEN', async () => {
      const res = await unchanged(() => add({ code: 'tooling', name: 'Tools again', description: 'Another description of tooling problems.' }));
      expectError(res, 409, 'ROOT_CAUSE_CODE_TAKEN', ['code']);
    });

    it.each([
      ['employee_error', 'Employee error', 'code'],
      ['human_error', 'Slips', 'code'],
      ['slips', 'Human error', 'name'],
      ['mistakes', 'Staff mistake', 'name'],
      ['operator_slip', 'Operator error (missing checklist)', 'name'],
    ])('a cause about a person (%s, %j) is refused with 422 BLAMING_DESCRIPTION naming %s', async (code, name, field) => {
      const res = await unchanged(() => add({ code, name, description: 'Problems that happen when a step of the work goes wrong.' }));
      expectError(res, 422, 'BLAMING_DESCRIPTION');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.details.find((d: { field: string }) => d.field === field).problem).toContain(REWORDED);
    });

    it('a description that names a staff member is refused', async () => {
      const res = await unchanged(() => add({ code: 'refund_slips', name: 'Refund slips', description: 'Like when Bērziņa approved the wrong refund.' }));
      expectError(res, 422, 'BLAMING_DESCRIPTION', ['description']);
      expect(res.body.details[0].problem).toMatch(/^names_staff \("Bērziņa"\)/);
    });

    it.each([
      ['no code', { name: 'Missing validation', description: 'A form accepted input it should have checked.' }, 'code'],
      ['an upper-case code', { code: 'Missing', name: 'Missing validation', description: 'A form accepted input it should have checked.' }, 'code'],
      ['a code starting with a digit', { code: '1st_line', name: 'First line', description: 'A form accepted input it should have checked.' }, 'code'],
      ['a code of one letter', { code: 'x', name: 'Missing validation', description: 'A form accepted input it should have checked.' }, 'code'],
      ['a code with a dash', { code: 'missing-validation', name: 'Missing validation', description: 'A form accepted input it should have checked.' }, 'code'],
      ['a code of 41 characters', { code: `a${'b'.repeat(40)}`, name: 'Missing validation', description: 'A form accepted input it should have checked.' }, 'code'],
      ['a blank name', { code: 'missing_check', name: '    ', description: 'A form accepted input it should have checked.' }, 'name'],
      ['a short description', { code: 'missing_check', name: 'Missing check', description: 'Short' }, 'description'],
      ['an unknown field', { code: 'missing_check', name: 'Missing check', description: 'A form accepted input it should have checked.', owner: 'x' }, 'owner'],
    ])('%s answers 400 naming the field', async (_case, body, field) => {
      expectError(await unchanged(() => add(body)), 400, 'VALIDATION_FAILED', [field]);
    });

    it.each(['agent', 'resolver', 'department_head', 'chair'] as const)('the %s may not add causes: 403', async (role) => {
      const res = await unchanged(() => add({ code: `by_${role}`, name: 'Missing check', description: 'A form accepted input it should have checked.' }, org.tokens[role]));
      expectError(res, 403, 'FORBIDDEN');
    });
  });

  describe('POST /api/complaints/:id/root-cause', () => {
    it('records a "no systemic cause" with its justification, bumps the version and puts it on the timeline', async () => {
      const complaint = await resolved();
      const before = await read(complaint.id);

      const res = await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, description: `  ${DESCRIPTION}  ` }, { headers: { 'If-Match': `"${before.version}"` } });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);
      expect(res.body).toMatchObject({ status: 'resolved', version: before.version + 1, closedAt: null });
      expect(res.body.rootCause).toEqual({
        code: 'supplier',
        description: DESCRIPTION,
        preventionActionId: null,
        noSystemicCause: { justification: JUSTIFICATION },
        recordedAt: t.clock.now().toISOString(),
      });
      expect((await events(t, complaint.id)).at(-1)).toEqual({
        type: 'root_cause_recorded',
        actorKind: 'staff',
        actorId: await staffIdByEmail(t, 'resolver@example.com'),
        occurredAt: t.clock.now(),
        data: {
          causeCode: 'supplier',
          description: DESCRIPTION,
          preventionActionId: null,
          preventionActionCreated: false,
          noSystemicCause: true,
          justification: JUSTIFICATION,
          replacedCauseCode: null,
        },
      });
      expect(await read(complaint.id)).toMatchObject({ rootCause: res.body.rootCause, version: before.version + 1 });
    });

    it('creates a new prevention action for the cause in the same step and links it', async () => {
      const complaint = await inResolution();
      const actionsBefore = await actionsOf();

      const res = await recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction() }, { token: org.tokens.department_head });

      expect(res.status).toBe(200);
      expect(res.body.status).toBe('in_resolution');
      const created = (await actionsOf()).filter((a: { id: string }) => !actionsBefore.some((b: { id: string }) => b.id === a.id));
      expect(created).toEqual([{ id: expect.any(String), title: 'Make gateway retries idempotent', causeCode: 'tooling', ownerDepartmentId: org.departmentId, status: 'planned' }]);
      expect(res.body.rootCause).toMatchObject({ code: 'tooling', preventionActionId: created[0].id, noSystemicCause: null });
      expect((await events(t, complaint.id)).at(-1)).toMatchObject({
        type: 'root_cause_recorded',
        actorId: await staffIdByEmail(t, 'department_head@example.com'),
        data: { causeCode: 'tooling', preventionActionId: created[0].id, preventionActionCreated: true, noSystemicCause: false, justification: null },
      });
    });

    it('links an existing prevention action; many complaints may share one', async () => {
      const first = await withRootCause(resolved, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction({ title: 'Shared action for the gateway' }) });
      const actionId = (await read(first.id)).rootCause.preventionActionId;
      const second = await resolved();
      const actionsBefore = await actionsOf();

      const res = await recordRootCause(second.id, { causeCode: 'tooling', description: DESCRIPTION, preventionActionId: actionId });

      expect(res.status).toBe(200);
      expect(res.body.rootCause).toMatchObject({ code: 'tooling', preventionActionId: actionId, noSystemicCause: null });
      expect(await actionsOf()).toEqual(actionsBefore);
      expect((await events(t, second.id)).at(-1)).toMatchObject({ type: 'root_cause_recorded', data: { preventionActionId: actionId, preventionActionCreated: false, noSystemicCause: false } });
    });

    it('links an action created through POST /api/prevention-actions', async () => {
      const created = await t.http().post('/api/prevention-actions').set(bearer(org.tokens.department_head)).send({ ...newAction({ title: 'Duplicate-debit check on the refund form' }), causeCode: 'process_gap' });
      expect(created.status).toBe(201);
      const complaint = await resolved();
      const res = await recordRootCause(complaint.id, { causeCode: 'process_gap', description: DESCRIPTION, preventionActionId: created.body.id });
      expect(res.status).toBe(200);
      expect(res.body.rootCause).toMatchObject({ code: 'process_gap', preventionActionId: created.body.id });
    });

    it('may be recorded again: the new cause replaces the old one, and both recordings stay on the timeline', async () => {
      const complaint = await withRootCause(resolved, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction() });
      const before = await read(complaint.id);

      const res = await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, causeCode: 'process_gap' });

      expect(res.status).toBe(200);
      expect(res.body.version).toBe(before.version + 1);
      expect(res.body.rootCause).toMatchObject({ code: 'process_gap', preventionActionId: null, noSystemicCause: { justification: JUSTIFICATION } });
      const recorded = (await events(t, complaint.id)).filter((e) => e.type === 'root_cause_recorded');
      expect(recorded.map((e) => [e.data.causeCode, e.data.replacedCauseCode])).toEqual([
        ['tooling', null],
        ['process_gap', 'tooling'],
      ]);
    });

    it('is allowed while a disputed complaint is worked on again (reopened, then in resolution)', async () => {
      const complaint = await disputed();
      expect((await read(complaint.id)).status).toBe('reopened');
      expect((await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, causeCode: 'communication' })).status).toBe(200);
      const handoff = await t.http().post(`/api/complaints/${complaint.id}/handoffs`).set(bearer(org.tokens.agent)).send({
        toDepartmentId: org.otherDepartmentId,
        reason: 'The network team owns the payment gateway',
        contextNote: CONTEXT_NOTE,
      });
      expect(handoff.body.status).toBe('in_resolution');
      const res = await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, causeCode: 'tooling' });
      expect(res.status).toBe(200);
      expect(res.body.rootCause.code).toBe('tooling');
    });

    describe('the no-blame guard', () => {
      it.each([
        ['the full name', 'Anna Bērziņa approved the refund although the form has no duplicate check.', 'Anna Bērziņa'],
        ['the surname', 'The refund went out after Bērziņa approved it; the form has no duplicate check.', 'Bērziņa'],
        ['the name in another case', 'ANNA bērziņa approved the refund although the form has no duplicate check.', 'ANNA bērziņa'],
        ['the name without accents', 'Berzina approved the refund although the form has no duplicate check.', 'Berzina'],
        ['a Cyrillic surname', 'Петренко не перевірив форму повернення, бо в ній немає поля для каналу.', 'Петренко'],
        ['a Cyrillic full name', 'Олег Петренко did not check the refund, and the form has no duplicate check.', 'Олег Петренко'],
      ])('refuses a description naming a staff member (%s), and says how to reword it', async (_case, description, name) => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, description }));
        expectError(res, 422, 'BLAMING_DESCRIPTION', ['description']);
        expect(res.body.details[0].problem).toMatch(new RegExp(`^names_staff \\("${name}"\\)`));
        expect(res.body.details[0].problem).toMatch(/name what in the process let it happen|що в процесі дозволило/);
        expect(res.body.findings).toEqual([{ field: 'description', rule: 'names_staff', start: description.indexOf(name), end: description.indexOf(name) + name.length, suggestion: expect.any(String) }]);
      });

      it.each([
        'Human error on the refund.',
        'The employee forgot to check the refund.',
        "Staff didn't follow the refund procedure.",
        'Operator error when issuing the refund.',
        'Людська помилка працівника під час повернення.',
        'Человеческий фактор при возврате денег.',
      ])('refuses %j: a person is the only explanation', async (description) => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, description }));
        expectError(res, 422, 'BLAMING_DESCRIPTION');
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(res.body.details.map(() => 'description'));
        expect(res.body.details[0].problem).toMatch(/^blames_person /);
      });

      it('refuses a blaming "no systemic cause" justification, naming that field', async () => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () =>
          recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, noSystemicCause: { justification: 'It was human error, a one-off on a busy day.' } }),
        );
        expectError(res, 422, 'BLAMING_DESCRIPTION', ['noSystemicCause.justification']);
        expect(res.body.details[0].problem).toContain(REWORDED);
      });

      it('refuses a new prevention action that names a staff member, and creates no action', async () => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () =>
          recordRootCause(complaint.id, { causeCode: 'training_need', description: DESCRIPTION, newPreventionAction: newAction({ title: 'Coach Bērziņa on refunds' }) }),
        );
        expectError(res, 422, 'BLAMING_DESCRIPTION', ['newPreventionAction.title']);
      });

      it('names every refused field at once', async () => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () =>
          recordRootCause(complaint.id, { causeCode: 'supplier', description: 'Human error on the refund.', noSystemicCause: { justification: 'Петренко was on shift, so it is a one-off.' } }),
        );
        expectError(res, 422, 'BLAMING_DESCRIPTION', ['description', 'noSystemicCause.justification']);
        expect(res.body.findings.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`)).toEqual(['description:blames_person', 'noSystemicCause.justification:names_staff']);
      });

      it.each([
        'Human error was possible because the refund form has no duplicate check',
        "The handoff template has no field for the customer's preferred channel",
        'The refund form has no check for a duplicate debit, so a second refund went out.',
        'Людська помилка була можлива, бо у формі повернення немає перевірки на подвійне списання.',
        'The agent had no checklist step for a duplicate debit.',
      ])('accepts the reworded %j', async (description) => {
        const complaint = await resolved();
        const res = await recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, description });
        expect({ status: res.status, details: res.body.details }).toEqual({ status: 200, details: undefined });
        expect(res.body.rootCause.description).toBe(description);
      });
    });

    describe('exactly one of a prevention action, a new one, or "no systemic cause"', () => {
      const LINK_FIELDS = ['preventionActionId', 'newPreventionAction', 'noSystemicCause'];
      it.each<[string, () => Record<string, unknown>, string[]]>([
        ['none', () => ({}), LINK_FIELDS],
        ['an action and "no systemic cause"', () => ({ preventionActionId: randomUUID(), noSystemicCause: { justification: JUSTIFICATION } }), ['preventionActionId', 'noSystemicCause']],
        ['an existing and a new action', () => ({ preventionActionId: randomUUID(), newPreventionAction: newAction() }), ['preventionActionId', 'newPreventionAction']],
        ['all three', () => ({ preventionActionId: randomUUID(), newPreventionAction: newAction(), noSystemicCause: { justification: JUSTIFICATION } }), LINK_FIELDS],
        ['none, with nulls', () => ({ preventionActionId: null, noSystemicCause: null }), LINK_FIELDS],
      ])('%s answers 400 naming the fields, and writes nothing', async (_case, links, fields) => {
        const complaint = await resolved();
        const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, ...links() }));
        expectError(res, 400, 'VALIDATION_FAILED', fields);
      });
    });

    it('an unknown cause answers 422 UNKNOWN_ROOT_CAUSE', async () => {
      const complaint = await resolved();
      const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { ...NO_SYSTEMIC_CAUSE, causeCode: 'employee_error' }));
      expectError(res, 422, 'UNKNOWN_ROOT_CAUSE', ['causeCode']);
    });

    it('an unknown prevention action answers 422 LINKED_PREVENTION_ACTION_NOT_FOUND', async () => {
      const complaint = await resolved();
      const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, preventionActionId: randomUUID() }));
      expectError(res, 422, 'LINKED_PREVENTION_ACTION_NOT_FOUND', ['preventionActionId']);
    });

    it('an action for another root cause answers 422 PREVENTION_ACTION_CAUSE_MISMATCH: its effectiveness would never count this complaint', async () => {
      const created = await t.http().post('/api/prevention-actions').set(bearer(org.tokens.department_head)).send({ ...newAction(), causeCode: 'process_gap' });
      expect(created.status).toBe(201);
      const complaint = await resolved();
      const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, preventionActionId: created.body.id }));
      expectError(res, 422, 'PREVENTION_ACTION_CAUSE_MISMATCH', ['preventionActionId']);
    });

    it('a new action the prevention rules refuse creates nothing: the field is named under newPreventionAction', async () => {
      const complaint = await resolved();
      const unknownDepartment = await changesNothing(complaint.id, () =>
        recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction({ ownerDepartmentId: randomUUID() }) }),
      );
      expectError(unknownDepartment, 422, 'DEPARTMENT_NOT_FOUND', ['newPreventionAction.ownerDepartmentId']);
      const past = await changesNothing(complaint.id, () =>
        recordRootCause(complaint.id, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction({ dueAt: '2026-01-01T00:00:00Z' }) }),
      );
      expectError(past, 422, 'DUE_DATE_IN_PAST', ['newPreventionAction.dueAt']);
    });

    it.each<[string, () => Record<string, unknown>, string]>([
      ['no cause code', () => ({ description: DESCRIPTION, noSystemicCause: { justification: JUSTIFICATION } }), 'causeCode'],
      ['a description of 19 characters', () => ({ ...NO_SYSTEMIC_CAUSE, description: 'Gateway retried it.' }), 'description'],
      ['a description padded to 20 characters', () => ({ ...NO_SYSTEMIC_CAUSE, description: '   Gateway retried.   ' }), 'description'],
      ['no description', () => ({ causeCode: 'supplier', noSystemicCause: { justification: JUSTIFICATION } }), 'description'],
      ['a short justification', () => ({ ...NO_SYSTEMIC_CAUSE, noSystemicCause: { justification: 'One-off.' } }), 'noSystemicCause.justification'],
      ['a prevention action id that is not a UUID', () => ({ causeCode: 'tooling', description: DESCRIPTION, preventionActionId: 'PA-1' }), 'preventionActionId'],
      ['a new action without an owner', () => ({ causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: { ...newAction(), ownerDepartmentId: undefined } }), 'newPreventionAction.ownerDepartmentId'],
      ['an unknown field', () => ({ ...NO_SYSTEMIC_CAUSE, blame: 'nobody' }), 'blame'],
    ])('%s answers 400 naming the field', async (_case, body, field) => {
      const complaint = await resolved();
      expectError(await changesNothing(complaint.id, () => recordRootCause(complaint.id, body())), 400, 'VALIDATION_FAILED', [field]);
    });

    it('a stale If-Match answers 412 and changes nothing; a malformed one 400', async () => {
      const complaint = await resolved();
      const { version } = await read(complaint.id);
      const stale = await changesNothing(complaint.id, () => recordRootCause(complaint.id, NO_SYSTEMIC_CAUSE, { headers: { 'If-Match': `"${version - 1}"` } }));
      expectError(stale, 412, 'STALE_VERSION', ['If-Match']);
      expect(stale.body.currentVersion).toBe(version);
      expectError(await changesNothing(complaint.id, () => recordRootCause(complaint.id, NO_SYSTEMIC_CAUSE, { headers: { 'If-Match': 'soon' } })), 400, 'INVALID_IF_MATCH');
    });

    it.each<[string, () => Promise<any>, string, string[]]>([
      ['received', () => logComplaint(t, org.tokens.agent), 'received', ['acknowledge', 'handoff', 'resolve']],
      ['acknowledged', () => acknowledged(), 'acknowledged', ['start', 'handoff', 'resolve']],
      ['closed', () => closed(), 'closed', []],
      ['a suggestion', () => logComplaint(t, org.tokens.agent, { type: 'suggestion', severity: 'low' }), 'received', ['acknowledge', 'close']],
    ])('%s: 409 ILLEGAL_TRANSITION naming the status and the allowed actions, nothing written', async (_case, setUp, status, allowed) => {
      const complaint = await setUp();
      const res = await changesNothing(complaint.id, () => recordRootCause(complaint.id, NO_SYSTEMIC_CAUSE));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body).toMatchObject({ currentStatus: status, allowedActions: allowed });
    });

    it('an unknown complaint answers 404, a malformed id 400', async () => {
      expectError(await recordRootCause(randomUUID(), NO_SYSTEMIC_CAUSE), 404, 'COMPLAINT_NOT_FOUND');
      expectError(await recordRootCause('CMP-2026-000001', NO_SYSTEMIC_CAUSE), 400, 'VALIDATION_FAILED', ['id']);
    });

    it.each(['agent', 'chair', 'admin', 'desk'] as const)('the %s may not record a root cause: 403, nothing written', async (role) => {
      const complaint = await resolved();
      expectError(await changesNothing(complaint.id, () => recordRootCause(complaint.id, NO_SYSTEMIC_CAUSE, { token: org.tokens[role] })), 403, 'FORBIDDEN');
    });
  });

  describe('POST /api/complaints/:id/close', () => {
    it.each([
      ['resolver', 'resolver@example.com'],
      ['department_head', 'department_head@example.com'],
    ] as const)('the %s closes a resolved complaint with a root cause, in one step with its event', async (role, email) => {
      const complaint = await withRootCause(resolved, { causeCode: 'tooling', description: DESCRIPTION, newPreventionAction: newAction() });
      const before = await read(complaint.id);

      const res = await close(complaint.id, { token: org.tokens[role], headers: { 'If-Match': `"${before.version}"` } });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);
      expect(res.body).toMatchObject({ status: 'closed', version: before.version + 1, allowedActions: [], closedAt: t.clock.now().toISOString(), rootCause: before.rootCause });
      expect((await events(t, complaint.id)).at(-1)).toEqual({
        type: 'closed',
        actorKind: 'staff',
        actorId: await staffIdByEmail(t, email),
        occurredAt: t.clock.now(),
        data: { rootCauseCode: 'tooling', preventionActionId: before.rootCause.preventionActionId, noSystemicCause: false },
      });
    });

    it('closes after a "no systemic cause"', async () => {
      const complaint = await withRootCause();
      const res = await close(complaint.id);
      expect(res.status).toBe(200);
      expect((await events(t, complaint.id)).at(-1)).toMatchObject({ type: 'closed', data: { rootCauseCode: 'supplier', preventionActionId: null, noSystemicCause: true } });
    });

    it('takes no body: a field sent with it answers 400 naming it, anything but {} 400 too, closing nothing; {} closes', async () => {
      const complaint = await withRootCause();
      expectError(await changesNothing(complaint.id, () => close(complaint.id).send({ reason: 'duplicate' })), 400, 'VALIDATION_FAILED', ['reason']);
      expectError(await changesNothing(complaint.id, () => close(complaint.id).send([])), 400, 'VALIDATION_FAILED', ['body']);
      expect((await close(complaint.id).send({})).status).toBe(200);
    });

    it('a resolved complaint without a root cause answers 409 CLOSE_NEEDS_ROOT_CAUSE', async () => {
      const complaint = await resolved();
      const res = await changesNothing(complaint.id, () => close(complaint.id));
      expectError(res, 409, 'CLOSE_NEEDS_ROOT_CAUSE', ['rootCause']);
      expect(res.body).toMatchObject({ currentStatus: 'resolved', allowedActions: ['dispute', 'reopen', 'close'] });
    });

    it.each<[string, () => Promise<any>, string, string[]]>([
      ['not yet resolved, though its root cause is known', () => withRootCause(inResolution), 'in_resolution', ['handoff', 'resolve']],
      ['acknowledged', () => acknowledged(), 'acknowledged', ['start', 'handoff', 'resolve']],
      ['disputed (reopened)', () => disputed(), 'reopened', ['start', 'handoff', 'resolve']],
      [
        'in resolution again after a dispute',
        async () => {
          const complaint = await disputed();
          const res = await t.http().post(`/api/complaints/${complaint.id}/handoffs`).set(bearer(org.tokens.agent)).send({
            toDepartmentId: org.otherDepartmentId,
            reason: 'The network team owns the payment gateway',
            contextNote: CONTEXT_NOTE,
          });
          expect(res.status).toBe(200);
          return complaint;
        },
        'in_resolution',
        ['handoff', 'resolve'],
      ],
      ['already closed', () => closed(), 'closed', []],
    ])('%s: 409 ILLEGAL_TRANSITION from the workflow, nothing written', async (_case, setUp, status, allowed) => {
      const complaint = await setUp();
      const res = await changesNothing(complaint.id, () => close(complaint.id));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body).toMatchObject({ currentStatus: status, allowedActions: allowed });
    });

    it('a disputed complaint closes once resolved again: its root cause stands unless re-recorded', async () => {
      const complaint = await disputed();
      await resolve(t, org.tokens.resolver, complaint.id);
      const res = await close(complaint.id);
      expect(res.status).toBe(200);
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'acknowledged', 'resolved', 'root_cause_recorded', 'disputed', 'resolved', 'closed']);
    });

    it.each([
      ['received', () => logComplaint(t, org.tokens.agent, { type: 'suggestion', severity: 'low' })],
      ['acknowledged', () => acknowledgedSuggestion()],
    ])('a suggestion closes from %s without a root cause', async (status, setUp) => {
      const suggestion = await setUp();
      expect((await read(suggestion.id)).status).toBe(status);
      const res = await close(suggestion.id, { token: org.tokens.department_head });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ type: 'suggestion', status: 'closed', rootCause: null, closedAt: t.clock.now().toISOString() });
      expect((await events(t, suggestion.id)).at(-1)).toMatchObject({ type: 'closed', data: {} });
    });

    it('closing a suggestion ends a question still waiting for the customer', async () => {
      const suggestion = await acknowledgedSuggestion();
      const asked = await t.http().post(`/api/complaints/${suggestion.id}/information-requests`).set(bearer(org.tokens.resolver)).send({
        question: 'Could you tell us which page of the app you were on? We will look at it with the design team.',
      });
      expect(asked.status).toBe(200);
      const res = await close(suggestion.id);
      expect(res.status).toBe(200);
      expect(res.body.waitingForCustomerSince).toBeNull();
      const page = await t.http().get(`/public/complaints/${publicTokenOf(suggestion)}`).set('Accept', 'application/json');
      expect(page.body).toMatchObject({ status: 'closed', informationRequest: null });
    });

    it('the customer sees the case closed, without the internal root cause, and can no longer dispute', async () => {
      const complaint = await closed();
      const token = publicTokenOf(complaint);
      const page = await t.http().get(`/public/complaints/${token}`).set('Accept', 'application/json');
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ status: 'closed', statusText: 'Your case is closed', step: 5, totalSteps: 5, nextStep: 'Nothing more is needed from you', canDispute: false });
      expect(JSON.stringify(page.body)).not.toContain(DESCRIPTION);
      expect(JSON.stringify(page.body)).not.toContain(JUSTIFICATION);
      expect(page.body.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'resolved']);
      const html = await t.http().get(`/public/complaints/${token}`).set('Accept', 'text/html');
      expect(html.status).toBe(200);
      expect(html.text).toContain('Your case is closed');
      expect(html.text).not.toContain(DESCRIPTION);
      expect((await t.http().post(`/public/complaints/${token}/dispute`).send(DISPUTE)).status).toBe(409);
    });

    it('a stale If-Match answers 412 and changes nothing', async () => {
      const complaint = await withRootCause();
      const { version } = await read(complaint.id);
      const res = await changesNothing(complaint.id, () => close(complaint.id, { headers: { 'If-Match': `"${version - 1}"` } }));
      expectError(res, 412, 'STALE_VERSION', ['If-Match']);
    });

    it('an unknown complaint answers 404', async () => {
      expectError(await close(randomUUID()), 404, 'COMPLAINT_NOT_FOUND');
    });

    it.each(['agent', 'chair', 'admin', 'desk'] as const)('the %s may not close: 403, nothing written', async (role) => {
      const complaint = await withRootCause();
      expectError(await changesNothing(complaint.id, () => close(complaint.id, { token: org.tokens[role] })), 403, 'FORBIDDEN');
    });

    it('other departments' + "' staff close too: closing is not tied to the owning department", async () => {
      const departmentId = await createDepartment(t, 'quality', 'Quality');
      const staff = await t.http().post('/api/staff').set(asAdmin).send({ name: 'Quality resolver', email: 'quality@example.com', role: 'resolver', departmentId });
      const complaint = await withRootCause();
      expect((await close(complaint.id, { token: staff.body.token })).status).toBe(200);
    });
  });
});
