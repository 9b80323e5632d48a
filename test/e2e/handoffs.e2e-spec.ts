import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import {
  acknowledge,
  changesNothing,
  CONTEXT_NOTE,
  createDepartment,
  createStaff,
  events,
  expectError,
  logComplaint,
  resolve,
  staffIdByEmail,
} from '../factories/complaints.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';

/*
 * POST /api/complaints/:id/handoffs over HTTP against a real database: the complaint moves to the receiving
 * department with a context note its queue shows, bad handoffs are refused without a trace, and the time the
 * complaint waits until the receiving department first acts is recorded.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const REASON = 'The network team owns the payment gateway';

describe('POST /api/complaints/:id/handoffs', () => {
  let t: TestApp;
  let org: Organisation;
  let agentId: string;
  let network: { resolver: { id: string; token: string }; head: { id: string; token: string } };
  let legalId: string;

  const body = (overrides: Record<string, unknown> = {}) => ({ toDepartmentId: org.otherDepartmentId, reason: REASON, contextNote: CONTEXT_NOTE, ...overrides });
  const handOff = (id: string, payload: unknown = body(), headers: Record<string, string> = {}, token = org.tokens.agent) =>
    t.http().post(`/api/complaints/${id}/handoffs`).set(bearer(token)).set(headers).send(payload as object);
  const read = async (id: string, token = org.tokens.agent) => {
    const res = await t.http().get(`/api/complaints/${id}`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const queueOf = async (departmentId: string) => {
    const res = await t.http().get(`/api/complaints?departmentId=${departmentId}&limit=100`).set(bearer(org.tokens.resolver));
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const waits = (complaintId: string) =>
    t.dataSource.query(
      `SELECT from_department_id AS "from", to_department_id AS "to", first_action_at AS "firstActionAt" FROM handoffs WHERE complaint_id = $1 ORDER BY handed_off_at, id`,
      [complaintId],
    );
  const internalNote = async (id: string, token: string, text = 'Checked the gateway log for both debits.') => {
    const res = await t.http().post(`/api/complaints/${id}/notes`).set(bearer(token)).send({ visibility: 'internal', body: text });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    agentId = await staffIdByEmail(t, 'agent@example.com');
    network = {
      resolver: await createStaff(t, 'resolver', org.otherDepartmentId, 'network-resolver@example.com'),
      head: await createStaff(t, 'department_head', org.otherDepartmentId, 'network-head@example.com'),
    };
    legalId = await createDepartment(t, 'legal', 'Legal');
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(MONDAY_9));

  describe('a handoff', () => {
    it('moves an acknowledged complaint to the receiving department, in resolution, with the context the customer gave', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      await acknowledge(t, org.tokens.agent, complaint.id);
      t.clock.set('2026-11-23T10:15:00.000Z');

      const res = await handOff(complaint.id, body({ reason: `  ${REASON}  `, contextNote: `\n ${CONTEXT_NOTE} \n` }));

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({
        id: complaint.id,
        status: 'in_resolution',
        version: 3,
        allowedActions: ['handoff', 'resolve'],
        owningDepartment: { id: org.otherDepartmentId, code: 'network', name: 'Network' },
        handoff: {
          fromDepartment: { id: org.departmentId, name: 'Billing' },
          reason: REASON,
          contextNote: CONTEXT_NOTE,
          handedOffAt: '2026-11-23T10:15:00.000Z',
          firstActionAt: null,
        },
      });
      expect(await read(complaint.id)).toEqual(res.body);

      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toMatchObject({
        type: 'handed_off',
        actorKind: 'staff',
        actorId: agentId,
        occurredAt: new Date('2026-11-23T10:15:00.000Z'),
        data: {
          fromDepartmentId: org.departmentId,
          toDepartmentId: org.otherDepartmentId,
          toDepartmentName: 'Network',
          toAssigneeId: null,
          reason: REASON,
          contextNote: CONTEXT_NOTE,
        },
      });
      expect((await events(t, complaint.id)).map((e) => e.type)).toEqual(['received', 'acknowledged', 'handed_off']);
      expect(await waits(complaint.id)).toEqual([{ from: org.departmentId, to: org.otherDepartmentId, firstActionAt: null }]);
    });

    it("shows in the receiving department's queue with its context note, and leaves the sending department's queue", async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await queueOf(org.departmentId)).map((c) => c.id)).toContain(complaint.id);
      expect((await queueOf(org.otherDepartmentId)).map((c) => c.id)).not.toContain(complaint.id);

      expect((await handOff(complaint.id)).status).toBe(200);

      const received = (await queueOf(org.otherDepartmentId)).find((c) => c.id === complaint.id);
      expect(received).toMatchObject({
        status: 'in_resolution',
        owningDepartment: { id: org.otherDepartmentId },
        handoff: { contextNote: CONTEXT_NOTE, reason: REASON, fromDepartment: { id: org.departmentId, name: 'Billing' } },
      });
      expect((await queueOf(org.departmentId)).map((c) => c.id)).not.toContain(complaint.id);
    });

    it('is allowed straight from received, and is not a first response', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const res = await handOff(complaint.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'in_resolution', version: 2, firstRespondedAt: null, firstResponseOnTime: null });
    });

    it('names a member of the receiving department as assignee', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const res = await handOff(complaint.id, body({ toAssigneeId: network.resolver.id }));
      expect(res.status).toBe(200);
      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event.data.toAssigneeId).toBe(network.resolver.id);
      const [row] = await t.dataSource.query('SELECT to_assignee_id FROM handoffs WHERE complaint_id = $1', [complaint.id]);
      expect(row.to_assignee_id).toBe(network.resolver.id);
    });

    it('passes on from the receiving department to a third one; the queue shows the latest handoff', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await handOff(complaint.id)).status).toBe(200);
      t.clock.set('2026-11-23T11:00:00.000Z');
      const note = 'Gateway is fine; the duplicate comes from the contract terms. Customer still wants the refund, mobile after 17:00.';

      const res = await handOff(complaint.id, body({ toDepartmentId: legalId, reason: 'Legal reads the contract terms', contextNote: note }), {}, network.resolver.token);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'in_resolution',
        version: 3,
        owningDepartment: { id: legalId, name: 'Legal' },
        handoff: { fromDepartment: { id: org.otherDepartmentId, name: 'Network' }, contextNote: note },
      });
      expect((await queueOf(legalId)).find((c) => c.id === complaint.id)?.handoff.contextNote).toBe(note);
      expect((await queueOf(org.otherDepartmentId)).map((c) => c.id)).not.toContain(complaint.id);
      // Network acted by passing it on: its wait ended then; Legal's has just begun.
      expect(await waits(complaint.id)).toEqual([
        { from: org.departmentId, to: org.otherDepartmentId, firstActionAt: new Date('2026-11-23T11:00:00.000Z') },
        { from: org.otherDepartmentId, to: legalId, firstActionAt: null },
      ]);
    });

    it('hands a reopened complaint on, back into resolution', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      await resolve(t, org.tokens.agent, complaint.id);
      const reopened = await t.http().post(`/api/complaints/${complaint.id}/reopen`).set(bearer(org.tokens.resolver)).send({ reason: 'The customer sent a new bank statement.' });
      expect(reopened.body.status).toBe('reopened');
      const res = await handOff(complaint.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'in_resolution', owningDepartment: { id: org.otherDepartmentId } });
    });
  });

  describe('refused handoffs change nothing', () => {
    /** An acknowledged complaint, with the clock moved on so that any write would stand out. */
    async function ready(): Promise<any> {
      const complaint = await logComplaint(t, org.tokens.agent);
      await acknowledge(t, org.tokens.agent, complaint.id);
      t.clock.advance(HOUR);
      return complaint;
    }

    it('a context note shorter than 40 characters answers 400 naming contextNote', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ contextNote: 'Refund the duplicate debit, mobile only' })));
      expect('Refund the duplicate debit, mobile only').toHaveLength(39);
      expectError(res, 400, 'VALIDATION_FAILED', ['contextNote']);
      // 40 characters are enough.
      expect((await handOff(complaint.id, body({ contextNote: 'Refund the duplicate debit, mobile only.' }))).status).toBe(200);
    });

    it('a context note padded to 40 characters with spaces answers 400 naming contextNote', async () => {
      const complaint = await ready();
      const padded = `Refund it.${' '.repeat(40)}`;
      expectError(await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ contextNote: padded }))), 400, 'VALIDATION_FAILED', ['contextNote']);
      expectError(await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ contextNote: ' '.repeat(60) }))), 400, 'VALIDATION_FAILED', ['contextNote']);
    });

    it.each([
      ['as it is', intakeBody().description as string],
      ['in capitals with other punctuation', 'MY OCTOBER INVOICE WAS DEBITED TWICE FROM MY CARD ON 3 NOVEMBER!!!'],
      ['with a word of thanks added', `${intakeBody().description as string} Thanks.`],
    ])('a copy of the description (%s) answers 422 CONTEXT_NOTE_COPIES_DESCRIPTION', async (_how, copy) => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ contextNote: copy })));
      expectError(res, 422, 'CONTEXT_NOTE_COPIES_DESCRIPTION', ['contextNote']);
    });

    it('the department that owns it already answers 422 HANDOFF_TO_SAME_DEPARTMENT', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ toDepartmentId: org.departmentId })));
      expectError(res, 422, 'HANDOFF_TO_SAME_DEPARTMENT', ['toDepartmentId']);
    });

    it('the owning department written in capitals answers 422 HANDOFF_TO_SAME_DEPARTMENT too', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ toDepartmentId: org.departmentId.toUpperCase() })));
      expectError(res, 422, 'HANDOFF_TO_SAME_DEPARTMENT', ['toDepartmentId']);
    });

    it('a department that does not exist answers 422 HANDOFF_DEPARTMENT_NOT_FOUND', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ toDepartmentId: randomUUID() })));
      expectError(res, 422, 'HANDOFF_DEPARTMENT_NOT_FOUND', ['toDepartmentId']);
    });

    it.each([
      ['a member of the sending department', () => staffIdByEmail(t, 'resolver@example.com')],
      ['a member of another department', async () => (await createStaff(t, 'resolver', legalId, `legal-${randomUUID()}@example.com`)).id],
      ['staff with no department (the chair)', () => staffIdByEmail(t, 'chair@example.com')],
      ['nobody', async () => randomUUID()],
    ])('an assignee who is %s answers 422 ASSIGNEE_NOT_IN_DEPARTMENT', async (_who, assignee) => {
      const complaint = await ready();
      const toAssigneeId = await assignee();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ toAssigneeId })));
      expectError(res, 422, 'ASSIGNEE_NOT_IN_DEPARTMENT', ['toAssigneeId']);
    });

    it('a resolved complaint answers 409 ILLEGAL_TRANSITION naming the status and the allowed actions', async () => {
      const complaint = await ready();
      await resolve(t, org.tokens.agent, complaint.id);
      t.clock.advance(HOUR);
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body).toMatchObject({ currentStatus: 'resolved', allowedActions: ['dispute', 'reopen', 'close'] });
    });

    it('a closed complaint answers 409 ILLEGAL_TRANSITION with no allowed actions', async () => {
      const complaint = await ready();
      await resolve(t, org.tokens.agent, complaint.id);
      // There is no close endpoint yet (root causes come with the next step): close it in the database.
      await t.dataSource.query(`UPDATE complaints SET status = 'closed' WHERE id = $1`, [complaint.id]);
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body).toMatchObject({ currentStatus: 'closed', allowedActions: [] });
    });

    it('a stale If-Match answers 412 STALE_VERSION; the current one goes through', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body(), { 'If-Match': '"1"' }));
      expectError(res, 412, 'STALE_VERSION', ['If-Match']);
      expect(res.body.currentVersion).toBe(2);

      const fresh = await handOff(complaint.id, body(), { 'If-Match': '"2"' });
      expect(fresh.status).toBe(200);
      expect(fresh.body.version).toBe(3);
    });

    it('a stale If-Match answers 412 even when the handoff itself would be refused', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body({ toDepartmentId: org.departmentId }), { 'If-Match': '"1"' }));
      expectError(res, 412, 'STALE_VERSION');
    });

    it('an If-Match that is not a version answers 400 INVALID_IF_MATCH', async () => {
      const complaint = await ready();
      expectError(await changesNothing(t, complaint.id, () => handOff(complaint.id, body(), { 'If-Match': 'yesterday' })), 400, 'INVALID_IF_MATCH', ['If-Match']);
    });

    it('a complaint that does not exist answers 404, and an id that is not a UUID 400', async () => {
      expectError(await handOff(randomUUID()), 404, 'COMPLAINT_NOT_FOUND');
      expectError(await handOff('CMP-2026-000001'), 400, 'VALIDATION_FAILED', ['id']);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM handoffs WHERE from_department_id = to_department_id'))[0].n).toBe(0);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['an unknown field', { priority: 'high' }, ['priority']],
      ['the customer copied in', { customer: { name: 'Someone' } }, ['customer']],
      ['no toDepartmentId', { toDepartmentId: undefined }, ['toDepartmentId']],
      ['a toDepartmentId that is a code', { toDepartmentId: 'network' }, ['toDepartmentId']],
      ['a toDepartmentId that is a number', { toDepartmentId: 42 }, ['toDepartmentId']],
      ['a toAssigneeId that is a name', { toAssigneeId: 'Rita' }, ['toAssigneeId']],
      ['no reason', { reason: undefined }, ['reason']],
      ['a reason that is a number', { reason: 12345 }, ['reason']],
      ['a blank reason', { reason: '       ' }, ['reason']],
      ['a reason of four letters', { reason: 'fyi.' }, ['reason']],
      ['no context note', { contextNote: undefined }, ['contextNote']],
      ['a context note that is a list', { contextNote: [CONTEXT_NOTE] }, ['contextNote']],
      ['a context note that is an object', { contextNote: { text: CONTEXT_NOTE } }, ['contextNote']],
      ['a context note over 5000 characters', { contextNote: `${CONTEXT_NOTE} ${'x'.repeat(5000)}` }, ['contextNote']],
    ])('%s answers 400 naming it', async (_kind, overrides, fields) => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, body(overrides)));
      expectError(res, 400, 'VALIDATION_FAILED', fields);
    });

    it('an empty body answers 400 naming every required field', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () => handOff(complaint.id, {}));
      expectError(res, 400, 'VALIDATION_FAILED', ['toDepartmentId', 'reason', 'contextNote']);
    });

    it('a body that is not JSON answers 400 MALFORMED_BODY', async () => {
      const complaint = await ready();
      const res = await changesNothing(t, complaint.id, () =>
        t.http().post(`/api/complaints/${complaint.id}/handoffs`).set(bearer(org.tokens.agent)).set('Content-Type', 'application/json').send('{"toDepartmentId":'),
      );
      expectError(res, 400, 'MALFORMED_BODY');
    });

    it('the chair answers 403 FORBIDDEN', async () => {
      const complaint = await ready();
      expectError(await changesNothing(t, complaint.id, () => handOff(complaint.id, body(), {}, org.tokens.chair)), 403, 'FORBIDDEN');
    });
  });

  describe('the wait until the receiving department acts', () => {
    const firstActionAt = async (complaintId: string) => (await read(complaintId)).handoff.firstActionAt;

    it('stays open through the sending department, the support desk and the customer, and ends at the receiving side’s first action', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      await acknowledge(t, org.tokens.agent, complaint.id);
      t.clock.set('2026-11-23T10:00:00.000Z');
      expect((await handOff(complaint.id)).status).toBe(200);
      expect(await firstActionAt(complaint.id)).toBeNull();

      // The sending department keeps working on it: that is not the receiving side acting.
      t.clock.set('2026-11-23T11:00:00.000Z');
      await internalNote(complaint.id, org.tokens.agent);
      await internalNote(complaint.id, org.tokens.department_head);
      const update = await t
        .http()
        .post(`/api/complaints/${complaint.id}/notes`)
        .set(bearer(org.tokens.resolver))
        .send({ visibility: 'customer', body: 'We have passed your case to our network team, and our team will check the payment gateway today.' });
      expect(update.status).toBe(201);
      // Nor is the support desk, which belongs to no department.
      await internalNote(complaint.id, org.tokens.desk);
      expect(await firstActionAt(complaint.id)).toBeNull();

      // The receiving department's own work on another complaint does not count for this one.
      const other = await logComplaint(t, org.tokens.agent);
      await internalNote(other.id, network.resolver.token);
      expect(await firstActionAt(complaint.id)).toBeNull();

      t.clock.set('2026-11-23T13:30:00.000Z');
      await internalNote(complaint.id, network.resolver.token);
      expect(await firstActionAt(complaint.id)).toBe('2026-11-23T13:30:00.000Z');

      // The first action is what counts: later ones, by anyone of that department, do not move it.
      t.clock.set('2026-11-23T15:00:00.000Z');
      await internalNote(complaint.id, network.head.token);
      expect(await waits(complaint.id)).toEqual([{ from: org.departmentId, to: org.otherDepartmentId, firstActionAt: new Date('2026-11-23T13:30:00.000Z') }]);
    });

    it('ends when the receiving department resolves it', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await handOff(complaint.id)).status).toBe(200);
      t.clock.set('2026-11-24T09:45:00.000Z');
      await resolve(t, network.resolver.token, complaint.id);
      expect(await firstActionAt(complaint.id)).toBe('2026-11-24T09:45:00.000Z');
    });

    it('ends when the receiving department hands it back, and the handoff back starts a wait of its own', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await handOff(complaint.id)).status).toBe(200);
      t.clock.set('2026-11-23T12:00:00.000Z');
      const back = 'Gateway logs show one debit only; the second is a billing re-run. Customer wants the refund, mobile after 17:00.';
      expect((await handOff(complaint.id, body({ toDepartmentId: org.departmentId, reason: 'Billing re-ran the invoice', contextNote: back }), {}, network.head.token)).status).toBe(200);
      expect(await waits(complaint.id)).toEqual([
        { from: org.departmentId, to: org.otherDepartmentId, firstActionAt: new Date('2026-11-23T12:00:00.000Z') },
        { from: org.otherDepartmentId, to: org.departmentId, firstActionAt: null },
      ]);

      t.clock.set('2026-11-23T14:00:00.000Z');
      await internalNote(complaint.id, org.tokens.resolver);
      expect(await waits(complaint.id)).toEqual([
        { from: org.departmentId, to: org.otherDepartmentId, firstActionAt: new Date('2026-11-23T12:00:00.000Z') },
        { from: org.otherDepartmentId, to: org.departmentId, firstActionAt: new Date('2026-11-23T14:00:00.000Z') },
      ]);
    });

    it('is not ended by a refused action of the receiving department', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await handOff(complaint.id)).status).toBe(200);
      t.clock.advance(HOUR);
      const refused = await t.http().post(`/api/complaints/${complaint.id}/notes`).set(bearer(network.resolver.token)).send({ visibility: 'customer', body: 'You failed to read the terms.' });
      expect(refused.status).toBe(422);
      expect(await firstActionAt(complaint.id)).toBeNull();
    });
  });
});
