import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher.js';
import { acknowledge, changesNothing, events, expectError, logComplaint, withCustomer } from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startMailServer, type MailServer } from '../support/mail-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * POST /api/staff-tasks/:id/done over HTTP: how a call, text or letter went, and what follows (another call, the
 * customer's next stated contact, or the status page), with real SMTP for the e-mail fallback.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const MOBILE = '+1 555 0100';
const INSTRUCTIONS = 'Call the mobile +1 555 0100, never the landline';

describe('POST /api/staff-tasks/:id/done', () => {
  let t: TestApp;
  let org: Organisation;
  let mail: MailServer;

  const done = (id: string, body: unknown, token = org.tokens.agent) => t.http().post(`/api/staff-tasks/${id}/done`).set(bearer(token)).send(body as object);
  const openTasks = (complaintId: string) =>
    t.dataSource.query(`SELECT id, kind, address, attempt, due_at AS "dueAt" FROM staff_tasks WHERE complaint_id = $1 AND done_at IS NULL AND kind <> 'keep_informed' ORDER BY attempt`, [
      complaintId,
    ]);

  /** A phone customer acknowledged, its call task raised by the dispatcher; answers the complaint and the task. */
  async function callTask(customer: Record<string, unknown> = {}) {
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: 'phone', phone: MOBILE, contactInstructions: INSTRUCTIONS, ...customer }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await t.app.get(OutboxDispatcher).drain();
    const [task] = await openTasks(complaint.id);
    return { complaint, task };
  }

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestApp({ env: { SMTP_URL: mail.url } });
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  beforeEach(() => {
    mail.received.length = 0;
  });

  it('reached: the task is done, on the timeline, and nothing else follows', async () => {
    const { complaint, task } = await callTask();
    const res = await done(task.id, { outcome: 'reached', note: 'Customer happy with the plan' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: task.id, kind: 'call', outcome: 'reached', doneAt: MONDAY_9, address: MOBILE, contactInstructions: INSTRUCTIONS });
    expect(await openTasks(complaint.id)).toEqual([]);
    expect((await events(t, complaint.id)).find((e) => e.type === 'staff_task_done')?.data).toEqual({
      taskId: task.id,
      kind: 'call',
      attempt: 1,
      outcome: 'reached',
      note: 'Customer happy with the plan',
    });
  });

  it('no answer raises the next call, due after the retry delay; after the last one the message goes by e-mail', async () => {
    const { complaint, task } = await callTask({ email: 'anna@example.com' });
    expect((await done(task.id, { outcome: 'no_answer' })).status).toBe(200);
    let [retry] = await openTasks(complaint.id);
    expect(retry).toMatchObject({ kind: 'call', address: MOBILE, attempt: 2, dueAt: new Date(new Date(MONDAY_9).getTime() + 120 * 60_000) });
    expect((await done(retry.id, { outcome: 'no_answer' })).status).toBe(200);
    [retry] = await openTasks(complaint.id);
    expect(retry.attempt).toBe(3);
    expect((await done(retry.id, { outcome: 'no_answer' })).status).toBe(200);
    expect(await openTasks(complaint.id)).toEqual([]);
    expect((await events(t, complaint.id)).find((e) => e.type === 'contact_fallback')?.data).toMatchObject({ from: 'phone', to: 'email', after: 'no_answer' });

    await t.app.get(OutboxDispatcher).drain();
    expect(mail.received.map((m) => m.envelopeTo)).toEqual([['anna@example.com']]);
    expect(mail.received[0].parsed.text).toContain('What happens next:');
  });

  it('the fallback never uses a channel the customer excluded: the message stays on the status page', async () => {
    const { complaint, task } = await callTask({ email: 'anna@example.com', excludedChannels: ['email'] });
    expect((await done(task.id, { outcome: 'wrong_number' })).status).toBe(200);
    expect(await openTasks(complaint.id)).toEqual([]);
    await t.app.get(OutboxDispatcher).drain();
    expect(mail.received).toEqual([]);
    expect((await events(t, complaint.id)).map((e) => e.type)).toContain('customer_not_reached');
  });

  it('a wrong number falls back at once to a letter when that is the other stated contact', async () => {
    const { complaint, task } = await callTask({ email: undefined, postalAddress: 'Rose Hill Road 1, Riga' });
    expect((await done(task.id, { outcome: 'wrong_number' })).status).toBe(200);
    await t.app.get(OutboxDispatcher).drain();
    expect(await openTasks(complaint.id)).toEqual([expect.objectContaining({ kind: 'letter', address: 'Rose Hill Road 1, Riga', attempt: 1 })]);
  });

  it('refuses an outcome that does not fit the task, a second outcome, and a keep-informed task, changing nothing', async () => {
    const { complaint, task } = await callTask();
    expectError(await changesNothing(t, complaint.id, () => done(task.id, { outcome: 'sent' })), 400, 'VALIDATION_FAILED', ['outcome']);
    expectError(await changesNothing(t, complaint.id, () => done(task.id, { outcome: 'maybe' })), 400, 'VALIDATION_FAILED', ['outcome']);
    expectError(await changesNothing(t, complaint.id, () => done(task.id, {})), 400, 'VALIDATION_FAILED', ['outcome']);
    expectError(await changesNothing(t, complaint.id, () => done(task.id, { outcome: 'reached', colour: 'red' })), 400, 'VALIDATION_FAILED', ['colour']);
    expectError(await changesNothing(t, complaint.id, () => done(task.id, { outcome: 'reached', note: 'x'.repeat(1001) })), 400, 'VALIDATION_FAILED', ['note']);
    expect((await done(task.id, { outcome: 'reached' })).status).toBe(200);
    expectError(await changesNothing(t, complaint.id, () => done(task.id, { outcome: 'reached' })), 409, 'STAFF_TASK_ALREADY_DONE');
    expectError(await done('00000000-0000-4000-8000-000000000000', { outcome: 'reached' }), 404, 'STAFF_TASK_NOT_FOUND');
    expectError(await done('not-a-uuid', { outcome: 'reached' }), 400, 'VALIDATION_FAILED', ['id']);

    const [keepInformed] = await t.dataSource.query(
      `INSERT INTO staff_tasks (complaint_id, department_id, kind, created_at) VALUES ($1, $2, 'keep_informed', $3) RETURNING id`,
      [complaint.id, org.departmentId, MONDAY_9],
    );
    expectError(await changesNothing(t, complaint.id, () => done(keepInformed.id, { outcome: 'reached' })), 409, 'STAFF_TASK_DONE_BY_UPDATE');
    expectError(await done(task.id, { outcome: 'reached' }, org.tokens.chair), 403, 'FORBIDDEN');
    expectError(await t.http().post(`/api/staff-tasks/${task.id}/done`).set(asAdmin).send({ outcome: 'reached' }), 403, 'FORBIDDEN');
  });

  it('refuses excluding the preferred channel at intake', async () => {
    const res = await t.http().post('/api/complaints').set(bearer(org.tokens.agent)).send({
      ...withCustomer({ preferredChannel: 'phone', excludedChannels: ['phone'] }),
      type: 'complaint', channel: 'phone', categoryCode: org.categoryCode, severity: 'high', summary: 'Charged twice', description: 'Debited twice on 3 November.',
    });
    expectError(res, 400, 'VALIDATION_FAILED', ['customer.excludedChannels']);
    const portal = await t.http().post('/api/complaints').set(bearer(org.tokens.agent)).send({
      ...withCustomer({ excludedChannels: ['portal'] }),
      type: 'complaint', channel: 'phone', categoryCode: org.categoryCode, severity: 'high', summary: 'Charged twice', description: 'Debited twice on 3 November.',
    });
    expectError(portal, 400, 'VALIDATION_FAILED');
  });
});
