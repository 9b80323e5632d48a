import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import {
  acknowledge,
  changesNothing,
  CONTEXT_NOTE,
  events,
  expectError,
  logComplaint,
  outbox,
  publicTokenOf,
  resolve,
  staffIdByEmail,
  stateOf,
  withCustomer,
} from '../factories/complaints.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';

/*
 * Keeping the customer informed while the complaint is worked on, over HTTP against a real database: notes
 * (internal, or a message to the customer through the empathy guard), questions to the customer that pause the
 * SLA clocks until they answer on their status page, and a new expected date, which tells them at once when
 * it is later. The business calendar is the default one: Monday to Friday, 09:00-17:00 UTC.
 */

const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const UPDATE = 'We have asked Finance to confirm the second debit, and we will update you by Friday.';
const QUESTION = 'Could you tell us the last four digits of the card that was charged twice? We will check it right away.';
const DELAY_REASON = 'The card scheme needs five more working days to confirm the refund, because it was a card payment.';
const BLAMING = 'You failed to read the terms';
const JUSTIFICATION = 'The customer asked us to confirm in writing that they missed the terms.';

describe('keeping the customer informed', () => {
  let t: TestApp;
  let org: Organisation;
  let agentId: string;

  const note = (id: string, body: unknown, token = org.tokens.agent) => t.http().post(`/api/complaints/${id}/notes`).set(bearer(token)).send(body as object);
  const ask = (id: string, body: unknown = { question: QUESTION }, headers: Record<string, string> = {}) =>
    t.http().post(`/api/complaints/${id}/information-requests`).set(bearer(org.tokens.resolver)).set(headers).send(body as object);
  const reply = (token: string, body: unknown = { message: 'It ends in 4417.' }) => t.http().post(`/public/complaints/${token}/reply`).send(body as object);
  const moveDate = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http().post(`/api/complaints/${id}/expected-date`).set(bearer(org.tokens.resolver)).set(headers).send(body as object);
  const read = async (id: string) => {
    const res = await t.http().get(`/api/complaints/${id}`).set(bearer(org.tokens.agent));
    expect(res.status).toBe(200);
    return res.body;
  };
  const row = async (id: string) => (await stateOf(t, id)).row;
  /** A complaint acknowledged at the current time, the clock then moved on by an hour. */
  const acknowledged = async (overrides: Record<string, unknown> = {}) => {
    const complaint = await logComplaint(t, org.tokens.agent, overrides);
    await acknowledge(t, org.tokens.agent, complaint.id);
    t.clock.advance(HOUR);
    return complaint;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    agentId = await staffIdByEmail(t, 'agent@example.com');
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(MONDAY_9));

  describe('POST /api/complaints/:id/notes', () => {
    it('an internal note stays with staff: no message, and a note_added event that does not carry its words', async () => {
      const complaint = await acknowledged();
      const before = await row(complaint.id);
      const text = 'Customer sounded very upset on the phone; suspect the gateway retried the payment.';

      const res = await note(complaint.id, { visibility: 'internal', body: `  ${text}  ` });

      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(['id']);
      const noteId = res.body.id;
      const [stored] = await t.dataSource.query('SELECT id, visibility, body, author_kind, author_id, created_at FROM complaint_notes WHERE complaint_id = $1', [complaint.id]);
      expect(stored).toEqual({ id: noteId, visibility: 'internal', body: text, author_kind: 'staff', author_id: agentId, created_at: new Date('2026-11-23T10:00:00.000Z') });

      expect((await outbox(t, complaint.id)).map((m) => m.purpose)).toEqual(['acknowledgement']);
      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toEqual({ type: 'note_added', actorKind: 'staff', actorId: agentId, occurredAt: new Date('2026-11-23T10:00:00.000Z'), data: { noteId, visibility: 'internal' } });
      const timeline = await t.http().get(`/api/complaints/${complaint.id}/timeline`).set(bearer(org.tokens.agent));
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged', 'note_added']);
      expect(JSON.stringify(timeline.body)).not.toContain('upset');

      // The customer was not told anything: their clocks stay where the acknowledgement put them.
      const after = await row(complaint.id);
      expect(after).toMatchObject({ version: before.version, last_customer_update_at: before.last_customer_update_at, keep_informed_due_at: before.keep_informed_due_at });
      const page = await t.http().get(`/public/complaints/${publicTokenOf(complaint)}`).set('Accept', 'application/json');
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.body)).not.toContain('upset');
    });

    it('a customer note is one message on the preferred channel with its words, a customer_updated event, and restarts the keep-informed clock', async () => {
      const complaint = await acknowledged();
      // The acknowledgement started it: five business days from Monday 09:00 end at Friday's close.
      expect(await row(complaint.id)).toMatchObject({ last_customer_update_at: new Date(MONDAY_9), keep_informed_due_at: new Date('2026-11-27T17:00:00.000Z') });
      t.clock.set('2026-11-24T11:00:00.000Z');

      const res = await note(complaint.id, { visibility: 'customer', body: UPDATE });

      expect(res.status).toBe(201);
      const messages = await outbox(t, complaint.id);
      expect(messages.map((m) => m.purpose)).toEqual(['acknowledgement', 'update']);
      const update = messages[1];
      expect(update).toMatchObject({ channel: 'phone', address: '+37120000000', language: 'en', guardFindings: [], dedupeKey: `note:${res.body.id}` });
      expect(update.body).toContain(UPDATE);
      expect(update.body).toContain(complaint.publicUrl);

      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toEqual({ type: 'customer_updated', actorKind: 'staff', actorId: agentId, occurredAt: new Date('2026-11-24T11:00:00.000Z'), data: { noteId: res.body.id, message: UPDATE } });
      const [stored] = await t.dataSource.query('SELECT visibility, body FROM complaint_notes WHERE id = $1', [res.body.id]);
      expect(stored).toEqual({ visibility: 'customer', body: UPDATE });

      // Five business days from Tuesday 11:00: the following Tuesday 11:00.
      expect(await row(complaint.id)).toMatchObject({ last_customer_update_at: new Date('2026-11-24T11:00:00.000Z'), keep_informed_due_at: new Date('2026-12-01T11:00:00.000Z') });
      expect((await read(complaint.id)).lastCustomerUpdateAt).toBe('2026-11-24T11:00:00.000Z');
    });

    it('writes to the e-mail address of a customer who prefers e-mail, and not to the phone', async () => {
      const complaint = await acknowledged(withCustomer({ preferredChannel: 'email' }));
      expect((await note(complaint.id, { visibility: 'customer', body: UPDATE })).status).toBe(201);
      expect((await outbox(t, complaint.id)).map((m) => [m.purpose, m.channel, m.address])).toEqual([
        ['acknowledgement', 'email', 'anna@example.com'],
        ['update', 'email', 'anna@example.com'],
      ]);
    });

    it("stores the guard's warnings with the message and lets it through", async () => {
      const complaint = await acknowledged();
      const res = await note(complaint.id, { visibility: 'customer', body: 'Your case is within our SLA and we will call you on Friday.' });
      expect(res.status).toBe(201);
      const [, update] = await outbox(t, complaint.id);
      expect(update.guardFindings).toEqual([expect.objectContaining({ rule: 'internal_jargon', severity: 'warn' })]);
      expect(await events(t, complaint.id)).not.toContainEqual(expect.objectContaining({ type: 'guard_overridden' }));
    });

    it('a blaming customer note answers 422 MESSAGE_BLOCKED with the findings, and writes nothing', async () => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => note(complaint.id, { visibility: 'customer', body: BLAMING }));
      expectError(res, 422, 'MESSAGE_BLOCKED');
      expect(res.body.details.every((d: { field: string }) => d.field === 'body')).toBe(true);
      expect(res.body.details.map((d: { problem: string }) => d.problem).join('\n')).toContain('"You failed to"');
      expect(res.body.findings).toContainEqual({ rule: 'blames_customer', severity: 'block', start: 0, end: 'You failed to'.length, suggestion: expect.any(String) });
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM complaint_notes WHERE complaint_id = $1', [complaint.id]))[0].n).toBe(0);
    });

    it('the same note with an override and a justification is sent, and the override goes on the timeline and with the message', async () => {
      const complaint = await acknowledged();
      const res = await note(complaint.id, { visibility: 'customer', body: BLAMING, override: { justification: `  ${JUSTIFICATION}  ` } });

      expect(res.status).toBe(201);
      const recent = (await events(t, complaint.id)).slice(-2);
      expect(recent.map((e) => e.type)).toEqual(['guard_overridden', 'customer_updated']);
      expect(recent[0]).toMatchObject({ actorKind: 'staff', actorId: agentId, data: { purpose: 'update', justification: JUSTIFICATION } });
      expect(recent[0].data.findings).toContainEqual(expect.objectContaining({ rule: 'blames_customer', severity: 'block' }));

      const [, message] = await outbox(t, complaint.id);
      expect(message.purpose).toBe('update');
      expect(message.body).toContain(BLAMING);
      expect(message.guardFindings).toContainEqual(expect.objectContaining({ rule: 'blames_customer', severity: 'block' }));
      expect(message.guardFindings).toContainEqual({ override: JUSTIFICATION });
    });

    it.each([
      ['14 characters', 'Customer asked'],
      ['one word padded with spaces', `ok${' '.repeat(20)}`],
    ])('an override justification of %s answers 422 naming override.justification, and writes nothing', async (_kind, justification) => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => note(complaint.id, { visibility: 'customer', body: BLAMING, override: { justification } }));
      expectError(res, 422, 'MESSAGE_BLOCKED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('override.justification');
    });

    it('an internal note needs no guard: blunt internal wording is kept as written', async () => {
      const complaint = await acknowledged();
      expect((await note(complaint.id, { visibility: 'internal', body: 'Customer failed to read the terms; nothing we can do on fees.' })).status).toBe(201);
      expect((await outbox(t, complaint.id)).map((m) => m.purpose)).toEqual(['acknowledgement']);
    });

    it('a customer note on a resolved complaint answers 409 and writes nothing; an internal one is still taken', async () => {
      const complaint = await acknowledged();
      await resolve(t, org.tokens.agent, complaint.id);
      const res = await changesNothing(t, complaint.id, () => note(complaint.id, { visibility: 'customer', body: UPDATE }));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body.currentStatus).toBe('resolved');
      expect((await note(complaint.id, { visibility: 'internal', body: 'Refund confirmed by Finance.' })).status).toBe(201);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a visibility that is neither', { visibility: 'public', body: UPDATE }, 'visibility'],
      ['no visibility', { body: UPDATE }, 'visibility'],
      ['an empty body', { visibility: 'internal', body: '' }, 'body'],
      ['a whitespace body', { visibility: 'customer', body: ' \n\t ' }, 'body'],
      ['a body that is a number', { visibility: 'internal', body: 42 }, 'body'],
      ['an unknown field', { visibility: 'internal', body: UPDATE, pinned: true }, 'pinned'],
      ['an override without a justification', { visibility: 'customer', body: BLAMING, override: {} }, 'override.justification'],
      ['an override that is text', { visibility: 'customer', body: BLAMING, override: JUSTIFICATION }, 'override'],
    ])('%s answers 400 naming it, and writes nothing', async (_kind, body, field) => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => note(complaint.id, body));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('a complaint that does not exist answers 404', async () => {
      expectError(await note(randomUUID(), { visibility: 'internal', body: UPDATE }), 404, 'COMPLAINT_NOT_FOUND');
    });
  });

  describe('questions to the customer', () => {
    it('pause the clocks: waitingForCustomerSince is set, the question goes out with the answer link', async () => {
      const complaint = await acknowledged();
      const res = await ask(complaint.id, { question: `  ${QUESTION}  ` });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({ status: 'acknowledged', version: 3, waitingForCustomerSince: '2026-11-23T10:00:00.000Z' });

      const [, message] = await outbox(t, complaint.id);
      expect(message).toMatchObject({ purpose: 'information_request', channel: 'phone', address: '+37120000000' });
      expect(message.body).toContain(QUESTION);
      expect(message.body).toContain(complaint.publicUrl);
      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toMatchObject({ type: 'information_requested', actorKind: 'staff', data: { question: QUESTION, informationRequestId: expect.any(String) } });
      const requests = await t.dataSource.query('SELECT id, question, asked_at, answered_at FROM information_requests WHERE complaint_id = $1', [complaint.id]);
      expect(requests).toEqual([{ id: event.data.informationRequestId, question: QUESTION, asked_at: new Date('2026-11-23T10:00:00.000Z'), answered_at: null }]);
    });

    it('a second question while one is open answers 409 ALREADY_WAITING_FOR_CUSTOMER and writes nothing', async () => {
      const complaint = await acknowledged();
      expect((await ask(complaint.id)).status).toBe(200);
      t.clock.advance(HOUR);
      const res = await changesNothing(t, complaint.id, () => ask(complaint.id, { question: 'And the date of the second debit, please? We will look at it today.' }));
      expectError(res, 409, 'ALREADY_WAITING_FOR_CUSTOMER');
    });

    it('on a complaint that is only received answers 409 ILLEGAL_TRANSITION and writes nothing', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      const res = await changesNothing(t, complaint.id, () => ask(complaint.id));
      expectError(res, 409, 'ILLEGAL_TRANSITION');
      expect(res.body).toMatchObject({ currentStatus: 'received', allowedActions: ['acknowledge', 'handoff', 'resolve'] });
    });

    it('on a resolved complaint answers 409 and writes nothing', async () => {
      const complaint = await acknowledged();
      await resolve(t, org.tokens.agent, complaint.id);
      expectError(await changesNothing(t, complaint.id, () => ask(complaint.id)), 409, 'ILLEGAL_TRANSITION');
    });

    it('with a stale If-Match answers 412 and writes nothing', async () => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => ask(complaint.id, { question: QUESTION }, { 'If-Match': '"1"' }));
      expectError(res, 412, 'STALE_VERSION');
      expect(res.body.currentVersion).toBe(2);
    });

    it('a blaming question answers 422 MESSAGE_BLOCKED naming question, and writes nothing', async () => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => ask(complaint.id, { question: 'You should have sent the receipt; we will check it once you do.' }));
      expectError(res, 422, 'MESSAGE_BLOCKED', ['question']);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no question', {}, 'question'],
      ['a question of nine characters', { question: 'Card no.?' }, 'question'],
      ['an unknown field', { question: QUESTION, dueBy: '2026-11-30' }, 'dueBy'],
    ])('%s answers 400 naming it and writes nothing', async (_kind, body, field) => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => ask(complaint.id, body));
      expectError(res, 400, 'VALIDATION_FAILED', [field]);
    });
  });

  describe("the customer's answer, POST /public/complaints/:token/reply", () => {
    it('asked Friday 16:00 and answered Monday 10:00: two business hours paused, every open deadline moves by exactly that', async () => {
      t.clock.set('2026-11-27T10:00:00.000Z');
      const complaint = await logComplaint(t, org.tokens.agent);
      // 24 business hours from Friday 10:00: 7 on Friday, 8 on Monday, 8 on Tuesday, 1 on Wednesday.
      expect(complaint).toMatchObject({ firstResponseDueAt: '2026-11-27T14:00:00.000Z', resolutionDueAt: '2026-12-02T10:00:00.000Z' });
      t.clock.set('2026-11-27T10:30:00.000Z');
      await acknowledge(t, org.tokens.agent, complaint.id);
      t.clock.set('2026-11-27T16:00:00.000Z');
      expect((await ask(complaint.id)).status).toBe(200);
      const paused = await row(complaint.id);
      // 75% of 24 hours from Friday 10:00 is Tuesday 12:00; five business days from Friday 16:00 is the next Friday 16:00.
      expect(paused).toMatchObject({ at_risk_due_at: new Date('2026-12-01T12:00:00.000Z'), keep_informed_due_at: new Date('2026-12-04T16:00:00.000Z') });

      t.clock.set('2026-11-30T10:00:00.000Z');
      const res = await reply(publicTokenOf(complaint), { message: '  It ends in 4417.  ' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: true });
      const after = await read(complaint.id);
      expect(after).toMatchObject({
        waitingForCustomerSince: null,
        version: paused.version + 1,
        // Friday 16:00-17:00 and Monday 09:00-10:00: the weekend is not business time.
        resolutionDueAt: '2026-12-02T12:00:00.000Z',
        // Answered already: the first-response deadline is history and stays as it was.
        firstResponseDueAt: '2026-11-27T14:00:00.000Z',
      });
      expect(await row(complaint.id)).toMatchObject({
        paused_at: null,
        at_risk_due_at: new Date('2026-12-01T14:00:00.000Z'),
        // Friday 16:00 + 2 business hours: 17:00 that day, then Monday 10:00.
        keep_informed_due_at: new Date('2026-12-07T10:00:00.000Z'),
      });

      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toMatchObject({ type: 'customer_replied', actorKind: 'customer', actorId: null, data: { answer: 'It ends in 4417.', pausedBusinessMs: 2 * HOUR } });
      const [request] = await t.dataSource.query('SELECT id, answer, answered_at, paused_business_ms FROM information_requests WHERE complaint_id = $1', [complaint.id]);
      expect(request).toEqual({ id: event.data.informationRequestId, answer: 'It ends in 4417.', answered_at: new Date('2026-11-30T10:00:00.000Z'), paused_business_ms: String(2 * HOUR) });
      const notifications = await t.dataSource.query('SELECT kind, department_id FROM staff_notifications WHERE complaint_id = $1', [complaint.id]);
      expect(notifications).toEqual([{ kind: 'customer_replied', department_id: org.departmentId }]);
    });

    it('moves the first-response deadline too while the customer has not had a first response yet', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expect(complaint).toMatchObject({ firstResponseDueAt: '2026-11-23T13:00:00.000Z', resolutionDueAt: '2026-11-25T17:00:00.000Z' });
      t.clock.set('2026-11-23T09:30:00.000Z');
      const handedOff = await t.http().post(`/api/complaints/${complaint.id}/handoffs`).set(bearer(org.tokens.agent)).send({
        toDepartmentId: org.otherDepartmentId,
        reason: 'The network team owns the gateway',
        contextNote: CONTEXT_NOTE,
      });
      expect(handedOff.body).toMatchObject({ status: 'in_resolution', firstRespondedAt: null });
      t.clock.set('2026-11-23T10:00:00.000Z');
      expect((await ask(complaint.id)).status).toBe(200);
      t.clock.set('2026-11-23T11:30:00.000Z');

      expect((await reply(publicTokenOf(complaint))).status).toBe(200);

      expect(await read(complaint.id)).toMatchObject({ firstResponseDueAt: '2026-11-23T14:30:00.000Z', resolutionDueAt: '2026-11-26T10:30:00.000Z' });
    });

    it('lets staff ask again once the first question is answered', async () => {
      const complaint = await acknowledged();
      expect((await ask(complaint.id)).status).toBe(200);
      expect((await reply(publicTokenOf(complaint))).status).toBe(200);
      const again = await ask(complaint.id, { question: 'Could you also tell us the date of the second debit? We will check it today.' });
      expect(again.status).toBe(200);
      expect(again.body.waitingForCustomerSince).toBe(t.clock.now().toISOString());
    });

    it('with no question open answers 409 NO_OPEN_INFORMATION_REQUEST and writes nothing', async () => {
      const complaint = await acknowledged();
      const token = publicTokenOf(complaint);
      expectError(await changesNothing(t, complaint.id, () => reply(token)), 409, 'NO_OPEN_INFORMATION_REQUEST');

      // Nor a second answer to a question already answered.
      expect((await ask(complaint.id)).status).toBe(200);
      expect((await reply(token)).status).toBe(200);
      t.clock.advance(HOUR);
      expectError(await changesNothing(t, complaint.id, () => reply(token, { message: 'One more thing: it was a debit card.' })), 409, 'NO_OPEN_INFORMATION_REQUEST');
    });

    it.each([
      ['a well-formed token nobody was given', 'A'.repeat(43)],
      ['a token of the wrong shape', 'not-a-token'],
    ])('%s answers 404 NOT_FOUND', async (_kind, token) => {
      const complaint = await acknowledged();
      expect((await ask(complaint.id)).status).toBe(200);
      expectError(await changesNothing(t, complaint.id, () => reply(token)), 404, 'NOT_FOUND');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an empty answer', { message: '' }, 'message'],
      ['a blank answer', { message: '   ' }, 'message'],
      ['no answer', {}, 'message'],
      ['an unknown field', { message: 'It ends in 4417.', status: 'resolved' }, 'status'],
    ])('%s answers 400 naming it and leaves the clocks paused', async (_kind, body, field) => {
      const complaint = await acknowledged();
      expect((await ask(complaint.id)).status).toBe(200);
      expectError(await changesNothing(t, complaint.id, () => reply(publicTokenOf(complaint), body)), 400, 'VALIDATION_FAILED', [field]);
      expect((await read(complaint.id)).waitingForCustomerSince).not.toBeNull();
    });
  });

  describe('POST /api/complaints/:id/expected-date', () => {
    it('a later date without a customer-facing reason answers 400 DELAY_NEEDS_REASON and writes nothing', async () => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => moveDate(complaint.id, { expectedResolutionBy: '2026-12-10T12:00:00Z' }));
      expectError(res, 400, 'DELAY_NEEDS_REASON', ['customerReason']);
    });

    it('a later date with a reason sends one delay notice with the reason and the new date, and records whether it came before the deadline', async () => {
      const complaint = await acknowledged();
      expect((await read(complaint.id)).expectedResolutionBy).toBe('2026-11-25T17:00:00.000Z');

      const res = await moveDate(complaint.id, { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: `  ${DELAY_REASON} ` });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({ expectedResolutionBy: '2026-12-10T12:00:00.000Z', version: 3, lastCustomerUpdateAt: '2026-11-23T10:00:00.000Z' });
      const messages = await outbox(t, complaint.id);
      expect(messages.map((m) => m.purpose)).toEqual(['acknowledgement', 'delay']);
      expect(messages[1]).toMatchObject({ channel: 'phone', address: '+37120000000' });
      expect(messages[1].body).toContain(DELAY_REASON);
      expect(messages[1].body).toContain('Thursday 10 December 2026, 12:00');
      expect(messages[1].body).toContain('sorry');

      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event).toMatchObject({
        type: 'expected_date_changed',
        actorKind: 'staff',
        data: { from: '2026-11-25T17:00:00.000Z', to: '2026-12-10T12:00:00.000Z', later: true, customerReason: DELAY_REASON, announcedBeforeDeadline: true },
      });
    });

    it('records a delay announced only after the promised date passed', async () => {
      const complaint = await acknowledged();
      t.clock.set('2026-11-26T09:30:00.000Z');
      expect((await moveDate(complaint.id, { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: DELAY_REASON })).status).toBe(200);
      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event.data).toMatchObject({ later: true, announcedBeforeDeadline: false });
    });

    it('an earlier date sends no message and needs no reason', async () => {
      const complaint = await acknowledged();
      const res = await moveDate(complaint.id, { expectedResolutionBy: '2026-11-24T15:00:00Z' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ expectedResolutionBy: '2026-11-24T15:00:00.000Z', version: 3, lastCustomerUpdateAt: MONDAY_9 });
      expect((await outbox(t, complaint.id)).map((m) => m.purpose)).toEqual(['acknowledgement']);
      const [event] = (await events(t, complaint.id)).slice(-1);
      expect(event.data).toEqual({ from: '2026-11-25T17:00:00.000Z', to: '2026-11-24T15:00:00.000Z', later: false, customerReason: null, announcedBeforeDeadline: null });
    });

    it('on a complaint not yet acknowledged, compares with the resolution deadline', async () => {
      const complaint = await logComplaint(t, org.tokens.agent);
      expectError(await changesNothing(t, complaint.id, () => moveDate(complaint.id, { expectedResolutionBy: '2026-11-26T12:00:00Z' })), 400, 'DELAY_NEEDS_REASON');
      expect((await moveDate(complaint.id, { expectedResolutionBy: '2026-11-25T12:00:00Z' })).status).toBe(200);
      expect((await outbox(t, complaint.id))).toEqual([]);
    });

    it.each([
      ['in the past', '2026-11-20T12:00:00Z'],
      ['now', '2026-11-23T10:00:00Z'],
    ])('a date %s answers 422 EXPECTED_DATE_IN_PAST and writes nothing', async (_when, date) => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () => moveDate(complaint.id, { expectedResolutionBy: date, customerReason: DELAY_REASON }));
      expectError(res, 422, 'EXPECTED_DATE_IN_PAST', ['expectedResolutionBy']);
    });

    it('a stale If-Match answers 412 and writes nothing; the current one goes through', async () => {
      const complaint = await acknowledged();
      const body = { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: DELAY_REASON };
      const res = await changesNothing(t, complaint.id, () => moveDate(complaint.id, body, { 'If-Match': '"1"' }));
      expectError(res, 412, 'STALE_VERSION');
      expect((await moveDate(complaint.id, body, { 'If-Match': '"2"' })).status).toBe(200);
    });

    it('a reason that hides behind policy answers 422 MESSAGE_BLOCKED naming customerReason, and writes nothing', async () => {
      const complaint = await acknowledged();
      const res = await changesNothing(t, complaint.id, () =>
        moveDate(complaint.id, { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: 'As per our policy, refunds take longer because of checks.' }),
      );
      expectError(res, 422, 'MESSAGE_BLOCKED', ['customerReason']);
    });

    it('on a resolved complaint answers 409 and writes nothing', async () => {
      const complaint = await acknowledged();
      await resolve(t, org.tokens.agent, complaint.id);
      expectError(await changesNothing(t, complaint.id, () => moveDate(complaint.id, { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: DELAY_REASON })), 409, 'ILLEGAL_TRANSITION');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a date in words', { expectedResolutionBy: 'next Friday', customerReason: DELAY_REASON }, 'expectedResolutionBy'],
      ['no date', { customerReason: DELAY_REASON }, 'expectedResolutionBy'],
      ['a reason of nine characters', { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: 'Busy now.' }, 'customerReason'],
      ['a reason that is a number', { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: 42 }, 'customerReason'],
      ['an unknown field', { expectedResolutionBy: '2026-12-10T12:00:00Z', customerReason: DELAY_REASON, notify: false }, 'notify'],
    ])('%s answers 400 naming it and writes nothing', async (_kind, body, field) => {
      const complaint = await acknowledged();
      expectError(await changesNothing(t, complaint.id, () => moveDate(complaint.id, body)), 400, 'VALIDATION_FAILED', [field]);
    });
  });
});
