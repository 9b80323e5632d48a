import { expect } from '@jest/globals';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app.js';
import { asAdmin, bearer, intakeBody } from './organisation.js';

/*
 * Complaints driven through the HTTP API for the resolution-step tests, and the whole stored state of one
 * complaint, to prove that a refused request changed nothing.
 */

export const ACK = {
  message: 'Thank you for telling us, and I am sorry you were charged twice.',
  nextSteps: 'Our billing team will check both payments.',
};

/** A handoff's context note that is a real summary, not the description pasted over. */
export const CONTEXT_NOTE =
  'Two debits on 3 Nov, gateway retry suspected. Customer wants the duplicate refunded; call the mobile after 17:00 only.';

/** intakeBody's customer with some fields replaced (or removed, with undefined). */
export function withCustomer(overrides: Record<string, unknown>) {
  return { customer: { ...(intakeBody().customer as Record<string, unknown>), ...overrides } };
}

/** Logs a complaint through the API and returns the intake response body. */
export async function logComplaint(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await t.http().post('/api/complaints').set(bearer(token)).send(intakeBody(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

/** The token of a complaint's status link, as the customer's link carries it. */
export function publicTokenOf(complaint: { publicUrl: string }): string {
  const token = complaint.publicUrl.split('/').pop()!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

export async function acknowledge(t: TestApp, token: string, id: string): Promise<any> {
  const res = await t.http().post(`/api/complaints/${id}/acknowledge`).set(bearer(token)).send(ACK);
  expect(res.status).toBe(200);
  return res.body;
}

/** Hands a complaint off with a proper context note; it is then in resolution at the receiving department. */
export async function handOff(t: TestApp, token: string, id: string, toDepartmentId: string): Promise<any> {
  const res = await t.http().post(`/api/complaints/${id}/handoffs`).set(bearer(token)).send({
    toDepartmentId,
    reason: 'The network team owns the payment gateway',
    contextNote: CONTEXT_NOTE,
  });
  expect(res.status).toBe(200);
  return res.body;
}

/** An upheld resolution that passes the empathy guard. */
export const UPHELD = {
  outcome: 'upheld',
  customerMessage: 'Thank you for your patience, and I am sorry for the trouble the double charge caused you.',
  remedy: 'We refunded the duplicate 42.00 EUR to your card today; you will receive it within three working days.',
};

/** What a refusal must say (a reason and next steps), in words that pass the empathy guard. */
export const REFUSAL_TEXTS = {
  customerMessage: 'Thank you for your patience while we checked this, and I am sorry for the worry it caused.',
  refusalReason: 'The second debit was a pre-authorisation that your bank released on 5 November.',
  nextSteps: 'If the amount is still missing, send us your bank statement and we will review it within two days.',
};
export const REFUSAL = { outcome: 'not_upheld', ...REFUSAL_TEXTS };
/** A partial refusal: its own reason, and an alternative. */
export const PARTIAL = {
  ...REFUSAL,
  outcome: 'partially_upheld',
  refusalReason: 'The late fee stays because the first payment reached us two days after the due date.',
  alternativeOffered: 'We can spread the fee over your next three invoices at no extra cost.',
};

export async function resolve(t: TestApp, token: string, id: string, body: object = UPHELD): Promise<any> {
  const res = await t.http().post(`/api/complaints/${id}/resolution`).set(bearer(token)).send(body);
  expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
  return res.body;
}

/** A staff member created through the admin API: its id and token. */
export async function createStaff(t: TestApp, role: string, departmentId: string | undefined, email: string): Promise<{ id: string; token: string }> {
  const res = await t.http().post('/api/staff').set(asAdmin).send({ name: `Test ${role}`, email, role, departmentId });
  expect(res.status).toBe(201);
  return res.body;
}

export async function createDepartment(t: TestApp, code: string, name: string): Promise<string> {
  const res = await t.http().post('/api/departments').set(asAdmin).send({ code, name });
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function staffIdByEmail(t: TestApp, email: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT id FROM staff WHERE email = $1', [email]);
  return row.id;
}

export async function events(t: TestApp, complaintId: string): Promise<{ type: string; actorKind: string; actorId: string | null; occurredAt: Date; data: any }[]> {
  return t.dataSource.query(
    `SELECT type, actor_kind AS "actorKind", actor_id AS "actorId", occurred_at AS "occurredAt", data FROM complaint_events WHERE complaint_id = $1 ORDER BY id`,
    [complaintId],
  );
}

export async function eventTypes(t: TestApp, complaintId: string): Promise<string[]> {
  return (await events(t, complaintId)).map((e) => e.type);
}

export async function outbox(t: TestApp, complaintId: string): Promise<any[]> {
  return t.dataSource.query(
    `SELECT purpose, channel, address, language, body, status, guard_findings AS "guardFindings", dedupe_key AS "dedupeKey"
       FROM outbox_messages WHERE complaint_id = $1 ORDER BY created_at, id`,
    [complaintId],
  );
}

/** Everything the resolution step writes about one complaint: a refused request must leave all of it as it was. */
export async function stateOf(t: TestApp, complaintId: string) {
  const [row] = await t.dataSource.query(
    `SELECT status, version, owning_department_id, first_response_due_at, resolution_due_at, at_risk_due_at, first_responded_at,
            first_response_on_time, first_response_breached_at, paused_at, expected_resolution_by, customer_next_step,
            last_customer_update_at, keep_informed_due_at, outcome, resolved_at, updated_at
       FROM complaints WHERE id = $1`,
    [complaintId],
  );
  const rows = (table: string, columns: string, order: string) =>
    t.dataSource.query(`SELECT ${columns} FROM ${table} WHERE complaint_id = $1 ORDER BY ${order}`, [complaintId]);
  return {
    row,
    events: await eventTypes(t, complaintId),
    outbox: (await outbox(t, complaintId)).map((m) => `${m.purpose}:${m.dedupeKey}`),
    handoffs: await rows('handoffs', 'to_department_id, to_assignee_id, context_note, first_action_at', 'handed_off_at, id'),
    notes: await rows('complaint_notes', 'visibility, body', 'created_at, id'),
    informationRequests: await rows('information_requests', 'question, answered_at, answer', 'asked_at, id'),
    resolutions: await rows('resolutions', 'outcome, resolved_at', 'resolved_at, id'),
    feedback: await rows('customer_feedback', 'resolution_id, csat, nps', 'created_at, id'),
    staffNotifications: await rows('staff_notifications', 'kind, dedupe_key', 'created_at, id'),
    staffTasks: await rows('staff_tasks', 'kind, done_at', 'created_at, id'),
  };
}

/** The one error body of the contract, with the code and (optionally) exactly these detail fields. */
export function expectError(res: Response, status: number, code: string, fields?: string[]): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.body).toMatchObject({ statusCode: status, error: STATUS_CODES[status], message: expect.stringMatching(/\S/) });
  expect(Array.isArray(res.body.details)).toBe(true);
  for (const detail of res.body.details) expect(Object.keys(detail).sort()).toEqual(['field', 'problem']);
  if (fields) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
}

/** Runs `request` and checks that the complaint's whole stored state is as it was before. */
export async function changesNothing(t: TestApp, complaintId: string, request: () => Promise<Response>): Promise<Response> {
  const before = await stateOf(t, complaintId);
  const res = await request();
  expect(await stateOf(t, complaintId)).toEqual(before);
  return res;
}

/** Waits until `count` sessions on the test's database are blocked on a lock; fails after a few seconds. */
export async function untilLockWaiters(t: TestApp, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [{ waiting }] = await t.dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${waiting} of ${count} requests reached the lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
