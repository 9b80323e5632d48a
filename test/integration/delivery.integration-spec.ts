import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher.js';
import { acknowledge, eventTypes, events, logComplaint, withCustomer } from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startMailServer, type MailServer } from '../support/mail-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/*
 * The dispatcher against a real SMTP server and a real webhook receiver in this process, on a real database, driven
 * by hand (WORKERS=false) with a clock the test moves.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const SECOND = 1000;
const emailCustomer = (overrides: Record<string, unknown> = {}) => withCustomer({ preferredChannel: 'email', ...overrides });

async function outboxOf(t: TestApp, complaintId: string) {
  return t.dataSource.query(
    `SELECT id, purpose, channel, address, status, attempts, available_at AS "availableAt", last_error AS "lastError", claim_token AS "claimToken"
       FROM outbox_messages WHERE complaint_id = $1 ORDER BY created_at, id`,
    [complaintId],
  );
}

describe('the outbox dispatcher over SMTP', () => {
  let t: TestApp;
  let org: Organisation;
  let mail: MailServer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestApp({ env: { SMTP_URL: mail.url, MAIL_FROM: 'Redress <care@example.com>', DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_BACKOFF_SECONDS: '60' } });
    org = await seedOrganisation(t);
    dispatcher = t.app.get(OutboxDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });
  beforeEach(async () => {
    t.clock.set(MONDAY_9);
    await dispatcher.drain();
    mail.received.length = 0;
    mail.rejectNext(0, 0, '');
  });

  it('e-mails the acknowledgement once, in the customer’s language, with the status link and a stable idempotency key', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer({ language: 'uk', email: 'olena@example.com' }));
    const ack = await t.http().post(`/api/complaints/${complaint.id}/acknowledge`).set(bearer(org.tokens.agent)).send({
      message: 'Дякуємо, що повідомили нам, і вибачте, що з вас двічі списали кошти.',
      nextSteps: 'Наша команда з розрахунків перевірить обидва платежі.',
    });
    expect(ack.body).toMatchObject({ status: 'acknowledged' });

    expect(await dispatcher.drain()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await dispatcher.drain()).toMatchObject({ claimed: 0 });

    expect(mail.received).toHaveLength(1);
    const [{ envelopeTo, parsed }] = mail.received;
    expect(envelopeTo).toEqual(['olena@example.com']);
    expect(parsed.subject).toBe(`Ми отримали ваше звернення (${complaint.reference})`);
    expect(parsed.from?.value).toEqual([{ name: 'Redress', address: 'care@example.com' }]);
    expect(parsed.text).toContain('Стежити за зверненням');
    expect(parsed.text).toContain(complaint.publicUrl);
    expect(parsed.html).toContain(`href="${complaint.publicUrl}"`);
    expect(parsed.headers.get('x-redress-idempotency-key')).toBe(`acknowledgement:${complaint.id}`);
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@redress>$/);

    const [row] = await outboxOf(t, complaint.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, claimToken: null });
    const delivered = (await events(t, complaint.id)).find((e) => e.type === 'message_delivered');
    expect(delivered?.data).toEqual({ outboxMessageId: row.id, purpose: 'acknowledgement', channel: 'email' });
  });

  it('escapes customer text in the HTML part: a <script> is shown, not run', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer());
    const res = await t.http().post(`/api/complaints/${complaint.id}/acknowledge`).set(bearer(org.tokens.agent)).send({
      message: 'Thank you for telling us <script>alert(1)</script>, and I am sorry you were charged twice.',
      nextSteps: 'Our billing team will check both payments.',
    });
    expect(res.status).toBe(200);
    await dispatcher.drain();
    expect(mail.received[0].parsed.html).not.toContain('<script>');
    expect(mail.received[0].parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('sends only to the address on the outbox row, even when the complaint’s e-mail changed since', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer({ email: 'first@example.com' }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await t.dataSource.query(`UPDATE complaints SET customer_email = 'someone-else@example.com' WHERE id = $1`, [complaint.id]);
    await dispatcher.drain();
    expect(mail.received.flatMap((m) => m.envelopeTo)).toEqual(['first@example.com']);
  });

  it('backs off after a temporary failure, dead-letters after the last attempt, and an admin re-drives it', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer());
    await acknowledge(t, org.tokens.agent, complaint.id);
    mail.rejectNext(3, 451, 'Mailbox busy, try later');

    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, failed: 1 });
    let [row] = await outboxOf(t, complaint.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, claimToken: null, lastError: expect.stringContaining('451') });
    // The first retry waits between half and all of the 60 s base.
    const wait = new Date(row.availableAt).getTime() - t.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(30 * SECOND);
    expect(wait).toBeLessThanOrEqual(60 * SECOND);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 0 });

    t.clock.advance(60 * SECOND);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, failed: 1 });
    [row] = await outboxOf(t, complaint.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    const secondWait = new Date(row.availableAt).getTime() - t.clock.now().getTime();
    expect(secondWait).toBeGreaterThanOrEqual(60 * SECOND);
    expect(secondWait).toBeLessThanOrEqual(120 * SECOND);

    t.clock.advance(120 * SECOND);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, deadLettered: 1 });
    [row] = await outboxOf(t, complaint.id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect((await events(t, complaint.id)).find((e) => e.type === 'delivery_failed')?.data).toEqual({
      outboxMessageId: row.id,
      purpose: 'acknowledgement',
      channel: 'email',
      attempts: 3,
    });
    t.clock.advance(3600 * SECOND);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 0 });
    expect(mail.received).toHaveLength(0);

    const dead = await t.http().get('/api/outbox?status=dead').set(asAdmin);
    expect(dead.status).toBe(200);
    expect(dead.body.items.map((i: { id: string }) => i.id)).toContain(row.id);
    expect(dead.body.items.find((i: { id: string }) => i.id === row.id)).toMatchObject({ status: 'dead', attempts: 3, reference: complaint.reference, nextAttemptAt: null });

    const retried = await t.http().post(`/api/outbox/${row.id}/retry`).set(asAdmin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: row.id, status: 'pending', attempts: 0 });
    expect(await eventTypes(t, complaint.id)).toContain('delivery_retried');
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(mail.received).toHaveLength(1);

    const again = await t.http().post(`/api/outbox/${row.id}/retry`).set(asAdmin);
    expect({ status: again.status, code: again.body.code, currentStatus: again.body.currentStatus }).toEqual({ status: 409, code: 'OUTBOX_MESSAGE_NOT_RETRYABLE', currentStatus: 'sent' });
  });

  it('dead-letters at once when the server refuses the mailbox for good', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer());
    await acknowledge(t, org.tokens.agent, complaint.id);
    mail.rejectNext(1, 550, 'No such user');
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, deadLettered: 1 });
    expect((await outboxOf(t, complaint.id))[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringContaining('550') });
  });

  it('a claim whose holder died is due again once its lease ends, and is delivered once', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer());
    await acknowledge(t, org.tokens.agent, complaint.id);
    // A dispatcher claims the message and dies before it records anything.
    await t.dataSource.query(`UPDATE outbox_messages SET claim_token = gen_random_uuid(), attempts = 1, available_at = $2 WHERE complaint_id = $1`, [
      complaint.id,
      new Date(t.clock.now().getTime() + 120 * SECOND),
    ]);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 0 });
    t.clock.advance(121 * SECOND);
    expect(await dispatcher.dispatchBatch()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(mail.received).toHaveLength(1);
    expect((await outboxOf(t, complaint.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('two instances draining one outbox deliver each message once', async () => {
    const second = await startTestApp({ database: t.database, clock: t.clock, env: { SMTP_URL: mail.url } });
    try {
      const complaints = [];
      for (let i = 0; i < 12; i++) complaints.push(await logComplaint(t, org.tokens.agent, emailCustomer({ email: `c${i}@example.com` })));
      for (const c of complaints) await acknowledge(t, org.tokens.agent, c.id);
      await Promise.all([dispatcher.drain(), second.app.get(OutboxDispatcher).drain(), dispatcher.drain()]);
      const to = mail.received.flatMap((m) => m.envelopeTo).sort();
      expect(to).toEqual(complaints.map((_, i) => `c${i}@example.com`).sort());
    } finally {
      await second.close();
    }
  });

  it('lists the outbox for admins only, and refuses bad filters with a 400', async () => {
    expect((await t.http().get('/api/outbox?status=sent&channel=email&limit=2').set(asAdmin)).body.items).toHaveLength(2);
    for (const query of ['?status=lost', '?channel=fax', '?limit=0', '?cursor=nope', '?colour=red']) {
      expect({ query, status: (await t.http().get(`/api/outbox${query}`).set(asAdmin)).status }).toEqual({ query, status: 400 });
    }
    expect((await t.http().get('/api/outbox').set(bearer(org.tokens.resolver))).status).toBe(403);
    expect((await t.http().post('/api/outbox/00000000-0000-4000-8000-000000000000/retry').set(asAdmin)).status).toBe(404);
  });
});

describe('the outbox dispatcher without SMTP (the embedded default)', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  it('writes each e-mail as an .eml file under the data directory, which the admin endpoint lists and serves', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, emailCustomer());
    await acknowledge(t, org.tokens.agent, complaint.id);
    await t.app.get(OutboxDispatcher).drain();
    const [row] = await outboxOf(t, complaint.id);

    const dataDir = t.app.get(OutboxDispatcher)['env'].DATA_DIR as string;
    expect(readdirSync(join(dataDir, 'mail'))).toEqual([`${row.id}.eml`]);
    const listed = await t.http().get('/api/outbox?status=sent&channel=email').set(asAdmin);
    expect(listed.body.items[0]).toMatchObject({ id: row.id, mailFile: `/api/outbox/${row.id}/mail`, receipt: `written to ${row.id}.eml` });
    const file = await t.http().get(`/api/outbox/${row.id}/mail`).set(asAdmin).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(file.body).toContain(`Subject: We have your message (${complaint.reference})`);
    expect(file.body).toContain('To: anna@example.com');
  });
});

describe('calls, texts, letters and the portal', () => {
  let t: TestApp;
  let org: Organisation;
  let mail: MailServer;
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestApp({ env: { SMTP_URL: mail.url } });
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    dispatcher = t.app.get(OutboxDispatcher);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  const tasksOf = (complaintId: string) =>
    t.dataSource.query(`SELECT id, kind, address, contact_instructions AS "contactInstructions", attempt, done_at AS "doneAt" FROM staff_tasks WHERE complaint_id = $1 ORDER BY created_at, attempt`, [complaintId]);

  it('the customer who said “call my mobile, not the landline” gets a call task with the mobile and their words, and no e-mail', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({
      preferredChannel: 'phone',
      phone: '+1 555 0100',
      email: 'anna@example.com',
      contactInstructions: 'Call the mobile +1 555 0100, never the landline',
    }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await dispatcher.drain();

    const [task] = await tasksOf(complaint.id);
    expect(task).toMatchObject({ kind: 'call', address: '+1 555 0100', contactInstructions: 'Call the mobile +1 555 0100, never the landline', attempt: 1, doneAt: null });
    expect(mail.received).toHaveLength(0);
    const listed = await t.http().get(`/api/staff-tasks?departmentId=${org.departmentId}&open=true`).set(bearer(org.tokens.agent));
    expect(listed.body.items.find((i: { id: string }) => i.id === task.id)).toMatchObject({
      kind: 'call',
      purpose: 'acknowledgement',
      address: '+1 555 0100',
      contactInstructions: 'Call the mobile +1 555 0100, never the landline',
      message: expect.stringContaining('What happens next:'),
      reference: complaint.reference,
    });
    expect((await events(t, complaint.id)).find((e) => e.type === 'staff_task_raised')?.data).toMatchObject({ taskId: task.id, kind: 'call', purpose: 'acknowledgement' });
  });

  it.each([
    ['phone', 'call', { phone: '+37120000001' }, '+37120000001'],
    ['sms', 'text', { phone: '+37120000002' }, '+37120000002'],
    ['letter', 'letter', { postalAddress: 'Brivibas iela 1, Riga, LV-1010' }, 'Brivibas iela 1, Riga, LV-1010'],
  ])('a %s message becomes a %s task for the address on the outbox row, even when the complaint’s changed since', async (channel, kind, contact, address) => {
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: channel, ...contact }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await t.dataSource.query(`UPDATE complaints SET customer_phone = '+10000000000', customer_postal_address = 'Elsewhere 9' WHERE id = $1`, [complaint.id]);
    await dispatcher.drain();
    expect(await tasksOf(complaint.id)).toEqual([expect.objectContaining({ kind, address })]);
    expect(mail.received).toHaveLength(0);
  });

  it('a portal message is delivered to the status page only: no e-mail, no task', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: 'portal' }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await dispatcher.drain();
    expect(await tasksOf(complaint.id)).toEqual([]);
    expect(mail.received).toHaveLength(0);
    expect((await outboxOf(t, complaint.id))[0]).toMatchObject({ channel: 'portal', status: 'sent' });
    expect((await events(t, complaint.id)).find((e) => e.type === 'message_delivered')?.data).toMatchObject({ channel: 'portal' });
  });
});

describe('webhooks for the support desk', () => {
  let t: TestApp;
  let org: Organisation;
  let receiver: WebhookReceiver;
  let dispatcher: OutboxDispatcher;
  let webhookId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ env: { WEBHOOK_DISABLE_AFTER_HOURS: '24', DELIVERY_BACKOFF_SECONDS: '10', DELIVERY_MAX_ATTEMPTS: '20' } });
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    dispatcher = t.app.get(OutboxDispatcher);
    const created = await t.http().post('/api/webhooks').set(asAdmin).send({ url: receiver.url, events: ['complaint.created', 'complaint.acknowledged', 'staff_task.created'], description: 'Desk' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    webhookId = created.body.id;
    receiver.setSecret(created.body.secret);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('shows the secret once: the list never has it', async () => {
    const list = await t.http().get('/api/webhooks').set(asAdmin);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: webhookId, url: receiver.url, disabledAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
  });

  it('signs every event (verified with standardwebhooks), retries a failing receiver, and each event is processed once', async () => {
    receiver.failFirst(2);
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: 'phone', contactInstructions: 'Mobile only' }));
    await acknowledge(t, org.tokens.agent, complaint.id);
    await dispatcher.drain();
    for (let i = 0; i < 4; i++) {
      t.clock.advance(3600 * SECOND);
      await dispatcher.drain();
    }

    expect(receiver.invalid).toBe(0);
    const processed = [...receiver.processed.values()].filter((e) => e.payload.data.complaintId === complaint.id);
    expect(processed.map((e) => e.payload.type).sort()).toEqual(['complaint.acknowledged', 'complaint.created', 'staff_task.created']);
    const acknowledged = processed.find((e) => e.payload.type === 'complaint.acknowledged')!;
    expect(acknowledged.payload.data).toEqual({
      complaintId: complaint.id,
      reference: complaint.reference,
      complaintType: 'complaint',
      status: 'acknowledged',
      version: 2,
      departmentId: org.departmentId,
      links: { complaint: `http://redress.test/api/complaints/${complaint.id}`, timeline: `http://redress.test/api/complaints/${complaint.id}/timeline` },
    });
    // Never the customer's contact data.
    const everything = JSON.stringify(processed);
    for (const secret of ['+37120000000', 'anna@example.com', 'Anna', 'Mobile only']) expect(everything).not.toContain(secret);
    const rows = await t.dataSource.query(`SELECT status, attempts FROM outbox_messages WHERE webhook_id = $1 AND body LIKE $2`, [webhookId, `%${complaint.id}%`]);
    expect(rows).toEqual([{ status: 'sent', attempts: 3 }, { status: 'sent', attempts: 3 }, { status: 'sent', attempts: 3 }]);
    receiver.failFirst(0);
  });

  it('an event is written with the change or not at all: a refused acknowledgement queues none', async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE webhook_id IS NOT NULL`);
    const refused = await t.http().post(`/api/complaints/${complaint.id}/acknowledge`).set(bearer(org.tokens.agent)).send({ message: 'As per our policy, nothing we can do.', nextSteps: 'None.' });
    expect(refused.status).toBe(422);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE webhook_id IS NOT NULL`)).toEqual(before);
  });

  it('disables an endpoint that keeps failing, keeps what it missed, and re-drives it when re-enabled', async () => {
    await dispatcher.drain();
    receiver.failFirst(1000);
    const complaint = await logComplaint(t, org.tokens.agent);
    for (let i = 0; i < 30 && !(await t.http().get('/api/webhooks').set(asAdmin)).body.items[0].disabledAt; i++) {
      await dispatcher.drain();
      t.clock.advance(2 * 3600 * SECOND);
    }
    const disabled = (await t.http().get('/api/webhooks').set(asAdmin)).body.items[0];
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.failingSince).not.toBeNull();
    // Changes while disabled are kept as dead letters, not sent.
    await acknowledge(t, org.tokens.agent, complaint.id);
    const requests = receiver.requests;
    await dispatcher.drain();
    expect(receiver.requests).toBe(requests);

    receiver.failFirst(0);
    const enabled = await t.http().post(`/api/webhooks/${webhookId}/enable`).set(asAdmin);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ id: webhookId, disabledAt: null, failingSince: null });
    expect(enabled.body.redriven).toBeGreaterThanOrEqual(2);
    await dispatcher.drain();
    const types = [...receiver.processed.values()].filter((e) => e.payload.data.complaintId === complaint.id).map((e) => e.payload.type);
    expect(types.sort()).toEqual(['complaint.acknowledged', 'complaint.created', 'staff_task.created']);
  });

  it('an instance closing mid-delivery gives its claim back at once, the attempt not counted, and another delivers it', async () => {
    await dispatcher.drain();
    const stopping = await startTestApp({ database: t.database, clock: t.clock });
    receiver.hold(true);
    const complaint = await logComplaint(t, org.tokens.agent);
    const requests = receiver.requests;
    // The stopping instance's batch never records: its database is gone by the time the receiver answers.
    const inFlight = stopping.app.get(OutboxDispatcher).dispatchBatch().catch(() => null);
    while (receiver.requests === requests) await new Promise((resolve) => setTimeout(resolve, 20));
    await stopping.close();

    const [row] = await t.dataSource.query(
      `SELECT status, attempts, claim_token AS "claimToken", available_at AS "availableAt" FROM outbox_messages WHERE webhook_id = $1 AND body LIKE $2`,
      [webhookId, `%${complaint.id}%`],
    );
    expect(row).toEqual({ status: 'pending', attempts: 0, claimToken: null, availableAt: t.clock.now() });
    receiver.hold(false);
    await inFlight;
    await dispatcher.drain();
    expect([...receiver.processed.values()].filter((e) => e.payload.data.complaintId === complaint.id).map((e) => e.payload.type)).toEqual(['complaint.created']);
  });

  it('refuses bad subscriptions with a 400 naming the field, and a deleted endpoint gets nothing more', async () => {
    for (const [body, field] of [
      [{ url: 'ftp://desk.example.com', events: ['complaint.created'] }, 'url'],
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: receiver.url, events: ['complaint.exploded'] }, 'events'],
      [{ url: receiver.url, events: ['complaint.created'], secret: 'mine' }, 'secret'],
    ] as const) {
      const res = await t.http().post('/api/webhooks').set(asAdmin).send(body);
      expect({ status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({ status: 400, fields: [field] });
    }
    const other = await t.http().post('/api/webhooks').set(asAdmin).send({ url: `${receiver.url}/other`, events: ['complaint.created'] });
    expect((await t.http().delete(`/api/webhooks/${other.body.id}`).set(asAdmin)).status).toBe(204);
    expect((await t.http().delete(`/api/webhooks/${other.body.id}`).set(asAdmin)).status).toBe(404);
    await logComplaint(t, org.tokens.agent);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE webhook_id = $1`, [other.body.id])).toEqual([{ n: 0 }]);
  });
});
