import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';
import { SlaSweepService } from '../../src/sla/sla-sweep.service.js';
import { eventTypes, logComplaint, outbox as outboxRows, stateOf, untilLockWaiters, withCustomer } from '../factories/complaints.js';

// A Monday morning inside business hours (UTC, Mon-Fri 09:00-17:00): a high complaint is due for a first response at 13:00.
const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const MESSAGE = 'Thank you for telling us, and I am sorry you were charged twice. I understand how worrying that is.';
const NEXT_STEPS = 'Our billing team is checking both payments and will refund the duplicate.';
const ack = (overrides: Record<string, unknown> = {}) => ({ message: MESSAGE, nextSteps: NEXT_STEPS, ...overrides });

describe('POST /api/complaints/:id/acknowledge', () => {
  let t: TestApp;
  let org: Organisation;
  let agentId: string;

  const acknowledge = (id: string, body: unknown = ack(), headers: Record<string, string> = {}) =>
    t.http().post(`/api/complaints/${id}/acknowledge`).set(bearer(org.tokens.agent)).set(headers).send(body as object);

  beforeAll(async () => {
    // Room in the pool for ten transactions waiting at once (see the concurrency test).
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '20' } });
    org = await seedOrganisation(t);
    const [staff] = await t.dataSource.query(`SELECT id FROM staff WHERE email = 'agent@example.com'`);
    agentId = staff.id;
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(MONDAY_9));

  describe('the first-line response', () => {
    it('answers 200 with the acknowledged complaint at version 2 and ETag "2", stamped with the clock', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      t.clock.set('2026-11-23T10:30:00.000Z');

      const res = await acknowledge(complaint.id, ack({ expectedResolutionBy: '2026-11-27T15:00:00Z' }));

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        id: complaint.id,
        status: 'acknowledged',
        version: 2,
        firstRespondedAt: '2026-11-23T10:30:00.000Z',
        firstResponseOnTime: true,
        firstResponseBreachedAt: null,
        expectedResolutionBy: '2026-11-27T15:00:00.000Z',
        allowedActions: ['start', 'handoff', 'resolve'],
      });
      const read = await t.http().get(`/api/complaints/${complaint.id}`).set(bearer(org.tokens.agent));
      expect(read.headers.etag).toBe('"2"');
      expect(read.body).toMatchObject({ status: 'acknowledged', version: 2, firstRespondedAt: '2026-11-23T10:30:00.000Z' });
    });

    it('records one acknowledged event naming the staff member, after the received event', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await acknowledge(complaint.id)).status).toBe(200);

      const timeline = await t.http().get(`/api/complaints/${complaint.id}/timeline`).set(bearer(org.tokens.agent));
      expect(timeline.status).toBe(200);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged']);
      expect(timeline.body.items[1]).toMatchObject({
        actor: { kind: 'staff', id: agentId },
        occurredAt: MONDAY_9,
        data: { onTime: true, nextSteps: NEXT_STEPS, channel: 'phone' },
      });
    });

    it('queues exactly one acknowledgement on the phone for a phone customer, saying who, what next, by when and where to follow it', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await acknowledge(complaint.id, ack({ expectedResolutionBy: '2026-11-27T15:00:00Z' }))).status).toBe(200);

      const outbox = await outboxRows(t, complaint.id);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({
        purpose: 'acknowledgement',
        channel: 'phone',
        address: '+37120000000',
        language: 'en',
        status: 'pending',
      });
      const body: string = outbox[0].body;
      expect(body).toContain(MESSAGE);
      expect(body).toContain(NEXT_STEPS);
      expect(body).toContain('Billing');
      expect(body).toContain('27 November 2026');
      expect(body).toContain(complaint.publicUrl);
      expect(body).toContain(complaint.reference);
    });

    it('promises the resolution deadline when no expected date is given', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const res = await acknowledge(complaint.id);
      expect(res.status).toBe(200);
      expect(res.body.expectedResolutionBy).toBe(complaint.resolutionDueAt);
      expect(complaint.resolutionDueAt).toBe('2026-11-25T17:00:00.000Z');
      const [outbox] = await outboxRows(t, complaint.id);
      expect(outbox.body).toContain('25 November 2026');
    });

    it('thanks for a suggestion without promising a date: it has no deadline, and the committee decides', async () => {
      const suggestion = await logComplaint(t, org.tokens.agent, { type: 'suggestion', severity: 'low', summary: 'Add an e-invoice option' });
      const res = await acknowledge(suggestion.id, {
        message: 'Thank you for the idea of an e-invoice option.',
        nextSteps: 'Our customer committee will discuss it at its next meeting.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'acknowledged', expectedResolutionBy: null });
      const [outbox] = await outboxRows(t, suggestion.id);
      expect(outbox.body).toContain('Our customer committee will discuss it at its next meeting.');
      expect(outbox.body).not.toMatch(/expect|by \d/i);
    });

    it('still blocks a reply to a suggestion that does not thank the customer, and only for that', async () => {
      const suggestion = await logComplaint(t, org.tokens.agent, { type: 'suggestion', severity: 'low', summary: 'Add an e-invoice option' });
      const res = await acknowledge(suggestion.id, { message: 'Noted.', nextSteps: 'Our customer committee will discuss it.' });
      expect(res.status).toBe(422);
      expect(res.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['missing_empathy']);
      expect(await eventTypes(t, suggestion.id)).toEqual(['received']);
    });

    it('writes to the e-mail address, and not the phone, of a customer who prefers e-mail', async () => {
      const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: 'email' }));
      expect((await acknowledge(complaint.id)).status).toBe(200);

      const outbox = await outboxRows(t, complaint.id);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ channel: 'email', address: 'anna@example.com' });
      expect(outbox.filter((m) => m.channel === 'phone' || m.address === '+37120000000')).toEqual([]);
    });

    it.each([
      ['sms', {}, '+37120000000'],
      ['letter', { postalAddress: 'Brivibas iela 1, Riga, LV-1010' }, 'Brivibas iela 1, Riga, LV-1010'],
    ])('sends a %s customer their message on that channel', async (channel, extra, address) => {
      const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: channel, ...extra }));
      expect((await acknowledge(complaint.id)).status).toBe(200);
      const outbox = await outboxRows(t, complaint.id);
      expect(outbox.map((m) => [m.channel, m.address])).toEqual([[channel, address]]);
    });

    it('addresses a portal customer by their status link', async () => {
      const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ preferredChannel: 'portal', email: undefined, phone: undefined }));
      expect((await acknowledge(complaint.id)).status).toBe(200);
      const outbox = await outboxRows(t, complaint.id);
      expect(outbox.map((m) => [m.channel, m.address])).toEqual([['portal', complaint.publicUrl]]);
    });
  });

  describe('invalid requests change nothing', () => {
    it.each<[string, unknown, number, string]>([
      ['an empty message', ack({ message: '' }), 400, 'message'],
      ['a whitespace-only message', ack({ message: '  \n\t ' }), 400, 'message'],
      ['a missing message', { nextSteps: NEXT_STEPS }, 400, 'message'],
      ['a message that is not text', ack({ message: 42 }), 400, 'message'],
      ['empty next steps', ack({ nextSteps: '' }), 400, 'nextSteps'],
      ['whitespace-only next steps', ack({ nextSteps: '   ' }), 400, 'nextSteps'],
      ['an unknown field', ack({ customerName: 'Someone else' }), 400, 'customerName'],
      ['an expected date that is not a date', ack({ expectedResolutionBy: 'next Friday' }), 400, 'expectedResolutionBy'],
      ['an expected date in the past', ack({ expectedResolutionBy: '2026-11-20T12:00:00Z' }), 422, 'expectedResolutionBy'],
      ['an expected date equal to now', ack({ expectedResolutionBy: MONDAY_9 }), 422, 'expectedResolutionBy'],
      // The empathy guard reads the whole message and names the part to reword.
      ['a message that hides behind policy', ack({ message: 'As per our policy we record every complaint.' }), 422, 'message'],
      ['next steps that blame the customer', ack({ nextSteps: 'You should have called billing first; they will check both payments.' }), 422, 'nextSteps'],
      ['a message without any empathy statement', ack({ message: 'Complaint registered.' }), 422, 'message'],
    ])('%s', async (_, body, status, field) => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const before = await stateOf(t, complaint.id);

      const res = await acknowledge(complaint.id, body);

      expect(res.status).toBe(status);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await stateOf(t, complaint.id)).toEqual(before);
      expect(before.row).toMatchObject({ status: 'received', version: 1 });
      expect(before.outbox).toEqual([]);
      // The same complaint still takes a valid acknowledgement: the refusal left no half-written state behind.
      expect((await acknowledge(complaint.id)).status).toBe(200);
    });

    it('a blocked acknowledgement answers 422 MESSAGE_BLOCKED naming only the part to reword', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const res = await acknowledge(complaint.id, ack({ nextSteps: 'You should have called billing first; they will check both payments.' }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('MESSAGE_BLOCKED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['nextSteps']);
      expect(res.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['blames_customer']);
    });

    it('sends a blocked acknowledgement when overridden with a justification, and puts the override on the timeline', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const override = { justification: 'The customer asked us to quote the policy wording exactly.' };
      const res = await acknowledge(complaint.id, ack({ message: 'As per our policy, I am sorry this happened.', override }));
      expect(res.status).toBe(200);
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'guard_overridden', 'acknowledged']);
      const [message] = await outboxRows(t, complaint.id);
      expect(message.body).toContain('As per our policy');
      expect(message.guardFindings.map((f: { rule: string }) => f.rule)).toContain('hides_behind_policy');
    });

    it('refuses a role that does not answer customers (chair) with 403 and changes nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const before = await stateOf(t, complaint.id);
      const res = await t.http().post(`/api/complaints/${complaint.id}/acknowledge`).set(bearer(org.tokens.chair)).send(ack());
      expect(res.status).toBe(403);
      expect(await stateOf(t, complaint.id)).toEqual(before);
    });

    it('answers 404 for a complaint that does not exist', async () => {
      const res = await acknowledge('00000000-0000-4000-8000-000000000000');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('COMPLAINT_NOT_FOUND');
    });
  });

  describe('illegal transitions', () => {
    it('answers 409 ILLEGAL_TRANSITION to a second acknowledgement, naming the status and allowed actions, and changes nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await acknowledge(complaint.id)).status).toBe(200);
      const before = await stateOf(t, complaint.id);
      t.clock.advance(HOUR);

      const res = await acknowledge(complaint.id, ack({ message: 'A second, different apology.' }));

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'ILLEGAL_TRANSITION',
        currentStatus: 'acknowledged',
        allowedActions: ['start', 'handoff', 'resolve'],
      });
      expect(await stateOf(t, complaint.id)).toEqual(before);
      expect(before.row.version).toBe(2);
      expect(before.outbox).toHaveLength(1);
      expect((await outboxRows(t, complaint.id))[0].body).not.toContain('A second, different apology.');
    });
  });

  describe('If-Match', () => {
    it('answers 412 STALE_VERSION when the complaint moved on since the client read it, and changes nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      // Another change bumped the version while the complaint stayed received (no other transition exists yet).
      await t.dataSource.query('UPDATE complaints SET version = 2 WHERE id = $1', [complaint.id]);
      const before = await stateOf(t, complaint.id);

      const res = await acknowledge(complaint.id, ack(), { 'If-Match': '"1"' });

      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
      expect(await stateOf(t, complaint.id)).toEqual(before);
      expect(before.row).toMatchObject({ status: 'received', version: 2 });

      const fresh = await acknowledge(complaint.id, ack(), { 'If-Match': '"2"' });
      expect(fresh.status).toBe(200);
      expect(fresh.body.version).toBe(3);
      expect(fresh.headers.etag).toBe('"3"');
    });

    it('answers 412 rather than 409 to a client that acknowledges from a stale read', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect((await acknowledge(complaint.id, ack(), { 'If-Match': '"1"' })).status).toBe(200);
      const before = await stateOf(t, complaint.id);

      const res = await acknowledge(complaint.id, ack(), { 'If-Match': '"1"' });

      expect(res.status).toBe(412);
      expect(res.body.code).toBe('STALE_VERSION');
      expect(await stateOf(t, complaint.id)).toEqual(before);
    });

    it('answers 400 to an If-Match that is not a version, and changes nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const before = await stateOf(t, complaint.id);
      const res = await acknowledge(complaint.id, ack(), { 'If-Match': '"abc"' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_IF_MATCH');
      expect(await stateOf(t, complaint.id)).toEqual(before);
    });

    it('acknowledges with the current version as If-Match', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const read = await t.http().get(`/api/complaints/${complaint.id}`).set(bearer(org.tokens.agent));
      const res = await acknowledge(complaint.id, ack(), { 'If-Match': read.headers.etag });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'acknowledged', version: 2 });
    });
  });

  describe('late acknowledgement', () => {
    it('is on time at the deadline itself', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect(complaint.firstResponseDueAt).toBe('2026-11-23T13:00:00.000Z');
      t.clock.set(complaint.firstResponseDueAt);

      const res = await acknowledge(complaint.id);

      expect(res.body).toMatchObject({ firstResponseOnTime: true, firstResponseBreachedAt: null });
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'acknowledged']);
    });

    it('after the deadline is marked late and records the breach once, before the answer; a later sweep adds nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      t.clock.set('2026-11-23T13:00:00.001Z');

      const res = await acknowledge(complaint.id);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        firstResponseOnTime: false,
        firstRespondedAt: '2026-11-23T13:00:00.001Z',
        firstResponseBreachedAt: '2026-11-23T13:00:00.001Z',
      });
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'first_response_breached', 'acknowledged']);

      t.clock.advance(24 * HOUR);
      await t.app.get(SlaSweepService).sweep();
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'first_response_breached', 'acknowledged']);
    });

    it('after a sweep already recorded the breach, keeps that record and adds no second one', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      t.clock.set('2026-11-23T14:00:00.000Z');
      await t.app.get(SlaSweepService).sweep();
      t.clock.set('2026-11-23T15:00:00.000Z');

      const res = await acknowledge(complaint.id);

      expect(res.body).toMatchObject({ firstResponseOnTime: false, firstResponseBreachedAt: '2026-11-23T14:00:00.000Z' });
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'first_response_breached', 'acknowledged']);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of 10 simultaneous acknowledgements through; the rest get 409', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);

      // Left alone, ten requests may well run one after another. To make them meet, the test holds the row
      // itself until all ten are inside their transactions, waiting on a lock, and then lets them go at once.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      let responses: Awaited<ReturnType<typeof acknowledge>>[];
      try {
        await blocker.startTransaction();
        await blocker.query('SELECT id FROM complaints WHERE id = $1 FOR UPDATE', [complaint.id]);
        const requests = Promise.all(
          Array.from({ length: 10 }, (_, i) => acknowledge(complaint.id, ack({ message: `${MESSAGE} (${i})` }))),
        );
        await untilLockWaiters(t, 10);
        await blocker.commitTransaction();
        responses = await requests;
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
      }

      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(409)]);
      for (const refused of responses.filter((r) => r.status === 409)) {
        expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentStatus: 'acknowledged' });
      }
      expect(await eventTypes(t, complaint.id)).toEqual(['received', 'acknowledged']);
      const outbox = await outboxRows(t, complaint.id);
      expect(outbox).toHaveLength(1);
      // The one message queued carries the words of exactly one of the requests.
      expect(Array.from({ length: 10 }, (_, i) => outbox[0].body.includes(`(${i})`)).filter(Boolean)).toHaveLength(1);
      expect(responses.find((r) => r.status === 200)!.body.version).toBe(2);
      const [row] = await t.dataSource.query('SELECT version FROM complaints WHERE id = $1', [complaint.id]);
      expect(row.version).toBe(2);
    });
  });
});
