import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { asAdmin, bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The intake and queue contract of PRODUCT.md ("HTTP API contract"), over HTTP against a real database.
 * Each top-level describe runs its own app on its own database, so row counts and queue contents are exact.
 */

const REMOVE = Symbol('remove');
type Body = Record<string, unknown>;

/** A valid intake body with the value at a dotted path replaced, or removed with REMOVE. */
function intakeWith(path: string, value: unknown): Body {
  const body = structuredClone(intakeBody()) as Body;
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((node, key) => node[key] as Body, body);
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return body;
}

/** The one error body of the contract, with exactly these fields named in details (when given). */
function expectError(res: Response, status: number, code: string, fields?: string[]): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
  expect(res.body.statusCode).toBe(status);
  expect(res.body.error).toBe(STATUS_CODES[status]);
  expect(res.body.message).toEqual(expect.stringMatching(/\S/));
  expect(Array.isArray(res.body.details)).toBe(true);
  for (const detail of res.body.details) {
    expect(Object.keys(detail).sort()).toEqual(['field', 'problem']);
    expect(detail.problem).toEqual(expect.stringMatching(/\S/));
  }
  if (fields) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
}

interface RowCounts {
  complaints: number;
  events: number;
  outbox: number;
}

async function rowCounts(t: TestApp): Promise<RowCounts> {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM complaints)::int AS complaints,
            (SELECT count(*) FROM complaint_events)::int AS events,
            (SELECT count(*) FROM outbox_messages)::int AS outbox`,
  );
  return row;
}

/** Runs `request` and checks it left no complaint, event or outbox row behind. */
async function writesNothing(t: TestApp, request: () => Promise<Response>): Promise<Response> {
  const before = await rowCounts(t);
  const res = await request();
  expect(await rowCounts(t)).toEqual(before);
  return res;
}

const REFERENCE = /^CMP-\d{4}-\d{6}$/;
const PUBLIC_URL = /^http:\/\/redress\.test\/public\/complaints\/[A-Za-z0-9_-]{43}$/;
const referenceNumber = (reference: string) => Number(reference.slice(-6));

interface Listed {
  id: string;
  receivedAt: string;
}

/** The queue's order by its definition: received_at descending, then id descending. */
function newestFirst<T extends Listed>(items: T[]): string[] {
  return [...items].sort((a, b) => (a.receivedAt !== b.receivedAt ? (a.receivedAt < b.receivedAt ? 1 : -1) : a.id < b.id ? 1 : -1)).map((c) => c.id);
}

describe('POST /api/complaints rejects bad input with a 4xx and writes nothing', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const post = (body: unknown) => writesNothing(t, () => t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(body as object));

  it.each([
    'type',
    'channel',
    'categoryCode',
    'severity',
    'summary',
    'description',
    'customer',
    'customer.name',
    'customer.preferredChannel',
  ])('a missing %s answers 400 naming it', async (field) => {
    expectError(await post(intakeWith(field, REMOVE)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, string, unknown]>([
    ['a number for', 'type', 1],
    ['a number for', 'channel', 1],
    ['a number for', 'categoryCode', 42],
    ['a number for', 'severity', 3],
    ['a number for', 'summary', 12345],
    ['a number for', 'description', 1234567890],
    ['a number for', 'desiredOutcome', 5],
    ['a number for', 'receivedAt', 1795426793848],
    ['a number for', 'customer.name', 7],
    ['a number for', 'customer.externalRef', 1],
    ['a number for', 'customer.email', 7],
    ['a number for', 'customer.phone', 37120000000],
    ['a number for', 'customer.postalAddress', 12345],
    ['a number for', 'customer.contactInstructions', 1],
    ['a number for', 'customer.language', 1],
    ['a boolean for', 'severity', true],
    ['an object for', 'summary', { text: 'Charged twice' }],
    ['a string for', 'customer', 'Anna Berzina'],
    ['a number for', 'customer', 5],
    ['an array for', 'customer', [intakeBody().customer]],
    ['an array for', 'summary', ['Charged twice for October']],
    ['an array for', 'type', ['complaint']],
    ['an array for', 'customer.name', ['Anna']],
    ['null for', 'type', null],
    ['null for', 'categoryCode', null],
    ['null for', 'summary', null],
    ['null for', 'description', null],
    ['null for', 'customer', null],
    ['null for', 'customer.name', null],
    ['null for', 'customer.preferredChannel', null],
  ])('%s %s answers 400 naming it', async (_kind, field, value) => {
    expectError(await post(intakeWith(field, value)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, string]>([
    ['type', 'grievance'],
    ['type', 'Complaint'],
    ['channel', 'fax'],
    ['severity', 'urgent'],
    ['severity', 'HIGH'],
    ['customer.preferredChannel', 'pigeon'],
    ['customer.language', 'xx'],
  ])('an unknown %s (%s) answers 400 naming it', async (field, value) => {
    expectError(await post(intakeWith(field, value)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, unknown]>([
    ['priority', 'high'],
    ['status', 'closed'],
    ['reference', 'CMP-2026-999999'],
    ['customer.age', 30],
    ['customer.isVip', true],
  ])('an unknown field %s answers 400 naming it', async (field, value) => {
    expectError(await post(intakeWith(field, value)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, number]>([
    ['categoryCode', 61],
    ['summary', 201],
    ['description', 10_001],
    ['desiredOutcome', 2001],
    ['customer.name', 201],
    ['customer.externalRef', 201],
    ['customer.postalAddress', 501],
    ['customer.contactInstructions', 1001],
  ])('%s longer than allowed (%i characters) answers 400 naming it', async (field, length) => {
    expectError(await post(intakeWith(field, 'x'.repeat(length))), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, string]>([
    ['categoryCode', ''],
    ['summary', 'ab'],
    ['description', 'too short'],
    ['customer.name', ''],
    ['customer.postalAddress', 'Rig'],
    ['summary', '     '],
    ['description', ' '.repeat(20)],
    ['customer.name', '   '],
  ])('%s shorter than allowed or blank (%j) answers 400 naming it', async (field, value) => {
    expectError(await post(intakeWith(field, value)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, string, string]>([
    ['customer.email', 'without a domain', 'anna@'],
    ['customer.email', 'without an @', 'not an e-mail'],
    ['customer.email', 'over 320 characters', `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`],
    ['customer.phone', 'made of words', 'call me maybe'],
    ['customer.phone', 'of three digits', '123'],
    ['customer.phone', 'of 40 digits', `+${'1'.repeat(40)}`],
    ['customer.phone', 'of spaces only', '     '],
    ['customer.phone', 'of separators only', '(--) -'],
  ])('a %s %s answers 400 naming it', async (field, _kind, value) => {
    expectError(await post(intakeWith(field, value)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each(['yesterday', '23/11/2026 09:00', '2026-13-01T09:00:00Z', '2026-02-30T09:00:00Z', ''])(
    'a receivedAt that is not an ISO 8601 instant (%j) answers 400 naming it',
    async (value) => {
      expectError(await post(intakeWith('receivedAt', value)), 400, 'VALIDATION_FAILED', ['receivedAt']);
    },
  );

  it('a receivedAt in the future answers 400 naming it', async () => {
    const tomorrow = new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString();
    expectError(await post(intakeWith('receivedAt', tomorrow)), 400, 'VALIDATION_FAILED', ['receivedAt']);
  });

  it.each<[string, string, Body]>([
    ['email', 'customer.email', { name: 'Anna Berzina', phone: '+37120000000', preferredChannel: 'email' }],
    ['phone', 'customer.phone', { name: 'Anna Berzina', email: 'anna@example.com', preferredChannel: 'phone' }],
    ['sms', 'customer.phone', { name: 'Anna Berzina', email: 'anna@example.com', preferredChannel: 'sms' }],
    ['letter', 'customer.postalAddress', { name: 'Anna Berzina', email: 'anna@example.com', preferredChannel: 'letter' }],
    ['letter (blank address)', 'customer.postalAddress', { name: 'Anna Berzina', postalAddress: '        ', preferredChannel: 'letter' }],
    ['phone (blank number)', 'customer.phone', { name: 'Anna Berzina', phone: '      ', preferredChannel: 'phone' }],
  ])('preferredChannel %s without its contact detail answers 400 naming %s', async (_channel, field, customer) => {
    expectError(await post(intakeBody({ customer })), 400, 'VALIDATION_FAILED', [field]);
  });

  it('an unknown categoryCode answers 422 naming it', async () => {
    expectError(await post(intakeBody({ categoryCode: 'no-such-category' })), 422, 'UNKNOWN_CATEGORY', ['categoryCode']);
  });

  it.each(['{"type": "complaint",', '{type: complaint}', "{'type':'complaint'}", '{"__proto__": {"status": "closed"}}'])('malformed JSON (%s) answers 400 MALFORMED_BODY', async (text) => {
    const res = await writesNothing(t, () =>
      t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', 'application/json').send(text),
    );
    expectError(res, 400, 'MALFORMED_BODY');
  });

  it('an empty JSON body answers 400 MALFORMED_BODY', async () => {
    const res = await writesNothing(t, () =>
      t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', 'application/json').send(''),
    );
    expectError(res, 400, 'MALFORMED_BODY');
  });

  it.each<[string, unknown]>([
    ['an array', [intakeBody()]],
    ['null', null],
    ['a string', 'complaint'],
    ['a number', 42],
  ])('a JSON body that is %s answers 400', async (_kind, value) => {
    const res = await writesNothing(t, () =>
      t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', 'application/json').send(JSON.stringify(value)),
    );
    expect(res.status).toBe(400);
    expectError(res, 400, res.body.code);
  });

  it('a body over the 64 KiB limit answers 413 BODY_TOO_LARGE', async () => {
    const body = JSON.stringify(intakeBody({ description: 'x'.repeat(64 * 1024) }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(64 * 1024);
    const res = await writesNothing(t, () =>
      t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', 'application/json').send(body),
    );
    expectError(res, 413, 'BODY_TOO_LARGE');
  });

  it('a body just under the limit is not refused for its size', async () => {
    // Proves the 413 above is the size limit and not something else about a big body: this one gets as far as validation.
    const body = JSON.stringify(intakeBody({ description: 'x'.repeat(60 * 1024) }));
    expect(Buffer.byteLength(body)).toBeLessThan(64 * 1024);
    const res = await post(JSON.parse(body));
    expectError(res, 400, 'VALIDATION_FAILED', ['description']);
  });

  it.each(['application/xml', 'multipart/form-data; boundary=x'])('Content-Type %s answers 415 UNSUPPORTED_MEDIA_TYPE', async (contentType) => {
    const res = await writesNothing(t, () =>
      t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', contentType).send('<complaint type="complaint"/>'),
    );
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  // Fastify reads text/plain and (through Nest's adapter) form bodies itself, so these reach validation: a string or a
  // flat form can never be a valid intake (customer is an object), so they fail there with a 4xx rather than a 415.
  it.each<[string, string]>([
    ['text/plain', JSON.stringify(intakeBody())],
    ['application/x-www-form-urlencoded', 'type=complaint&channel=phone&categoryCode=billing-error&severity=high&summary=Charged+twice'],
  ])('Content-Type %s, even with the right fields, answers 4xx', async (contentType, text) => {
    const res = await writesNothing(t, () => t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Content-Type', contentType).send(text));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectError(res, res.status, res.body.code);
  });

  it.each<[string, string]>([
    ['201 characters', 'x'.repeat(201)],
    ['300 characters', 'x'.repeat(300)],
    ['a space', 'has space'],
    ['a non-ASCII letter', 'clé'],
    ['nothing', ''],
  ])('an Idempotency-Key of %s answers 400 naming it', async (_kind, key) => {
    const res = await writesNothing(t, () => t.http().post('/api/complaints').set(bearer(org.tokens.desk)).set('Idempotency-Key', key).send(intakeBody()));
    expectError(res, 400, 'VALIDATION_FAILED', ['Idempotency-Key']);
  });

  it('names every invalid field at once', async () => {
    const body = { ...intakeBody({ severity: 'urgent', summary: 1 }), customer: { ...intakeBody().customer, email: 'anna@' } };
    const res = await post(body);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['customer.email', 'severity', 'summary']);
  });
});

describe('POST /api/complaints logs a complaint', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const intake = (body: Body = intakeBody(), token = org.tokens.desk) => t.http().post('/api/complaints').set(bearer(token)).send(body);

  it('answers 201 with the complaint, its reference, version 1 as ETag and the status link', async () => {
    t.clock.set('2026-11-27T15:00:00Z');
    const res = await intake();
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(REFERENCE),
      type: 'complaint',
      channel: 'phone',
      categoryCode: 'billing-error',
      severity: 'high',
      status: 'received',
      version: 1,
      owningDepartment: { id: org.departmentId, code: 'billing', name: 'Billing' },
      receivedAt: '2026-11-27T15:00:00.000Z',
      publicUrl: expect.stringMatching(PUBLIC_URL),
    });
    expect(res.body.reference.startsWith('CMP-2026-')).toBe(true);
    const [row] = await t.dataSource.query('SELECT reference, status, version FROM complaints WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ reference: res.body.reference, status: 'received', version: 1 });
  });

  it('numbers references one after the other', async () => {
    const first = await intake();
    const second = await intake();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.reference).toMatch(REFERENCE);
    expect(referenceNumber(second.body.reference)).toBe(referenceNumber(first.body.reference) + 1);
  });

  // Friday 15:00 UTC; the default calendar is Mon-Fri 09:00-17:00 UTC; default targets per severity (PRODUCT.md, sla-targets).
  it.each<[string, string, string]>([
    ['critical', '2026-11-27T16:00:00.000Z', '2026-11-30T15:00:00.000Z'], // 1 h; 8 h = 2 on Friday + 6 on Monday
    ['high', '2026-11-30T11:00:00.000Z', '2026-12-02T15:00:00.000Z'], // 4 h = 2 + 2 on Monday; 24 h = 2 + 8 + 8 + 6 on Wednesday
    ['medium', '2026-11-30T15:00:00.000Z', '2026-12-04T15:00:00.000Z'], // 8 h; 40 h = 2 + 4 × 8 + 6 on the next Friday
    ['low', '2026-12-01T15:00:00.000Z', '2026-12-11T15:00:00.000Z'], // 16 h; 80 h = 2 + 9 × 8 + 6
  ])('a %s complaint logged on Friday 15:00 UTC gets its deadlines in business hours', async (severity, firstResponseDueAt, resolutionDueAt) => {
    t.clock.set('2026-11-27T15:00:00Z');
    const res = await intake(intakeBody({ severity }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ receivedAt: '2026-11-27T15:00:00.000Z', firstResponseDueAt, resolutionDueAt });
  });

  it('counts the deadlines from receivedAt when given, starting at the next opening', async () => {
    t.clock.set('2026-11-30T08:00:00Z');
    // Saturday: the clocks start on Monday 09:00.
    const res = await intake(intakeBody({ receivedAt: '2026-11-28T10:00:00Z' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      receivedAt: '2026-11-28T10:00:00.000Z',
      firstResponseDueAt: '2026-11-30T13:00:00.000Z',
      resolutionDueAt: '2026-12-02T17:00:00.000Z',
    });
  });

  it("uses the category's own targets over the defaults", async () => {
    const category = await t
      .http()
      .post('/api/categories')
      .set(asAdmin)
      .send({
        code: 'safety',
        name: 'Safety',
        ownerDepartmentId: org.otherDepartmentId,
        targets: { firstResponseHours: { low: 8, medium: 4, high: 0.5, critical: 0.25 }, resolutionHours: { low: 40, medium: 16, high: 3, critical: 2 } },
      });
    expect(category.status).toBe(201);
    t.clock.set('2026-11-27T15:00:00Z');
    const res = await intake(intakeBody({ categoryCode: 'safety' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      categoryCode: 'safety',
      owningDepartment: { id: org.otherDepartmentId },
      firstResponseDueAt: '2026-11-27T15:30:00.000Z',
      resolutionDueAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('tolerates a few minutes of client clock skew in receivedAt', async () => {
    t.clock.set('2026-11-27T15:00:00Z');
    const res = await intake(intakeBody({ receivedAt: '2026-11-27T15:04:00Z' }));
    expect(res.status).toBe(201);
    expect(res.body.receivedAt).toBe('2026-11-27T15:04:00.000Z');
  });

  it('GET /api/complaints/:id returns what intake answered, with the customer channel and contact instructions', async () => {
    const created = await intake();
    const res = await t.http().get(`/api/complaints/${created.body.id}`).set(bearer(org.tokens.agent));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    // Known issues are what intake tells first-line staff; the complaint itself is the same.
    const { knownIssues, knownIssuesTimedOut, ...complaint } = created.body;
    expect({ knownIssues, knownIssuesTimedOut }).toEqual({ knownIssues: [], knownIssuesTimedOut: false });
    expect(res.body).toEqual(complaint);
    expect(res.body.customer).toEqual({
      externalRef: 'HD-1',
      name: 'Anna Berzina',
      email: 'anna@example.com',
      phone: '+37120000000',
      postalAddress: null,
      preferredChannel: 'phone',
      excludedChannels: [],
      contactInstructions: 'Call my mobile after 17:00, not the landline',
      language: 'en',
    });
  });

  it('writes one "received" event, by the client that logged it', async () => {
    const created = await intake();
    const events = await t.dataSource.query('SELECT type, actor_kind, actor_id FROM complaint_events WHERE complaint_id = $1', [created.body.id]);
    const [client] = await t.dataSource.query(`SELECT id FROM api_clients WHERE name = 'Support desk'`);
    expect(events).toEqual([{ type: 'received', actor_kind: 'api_client', actor_id: client.id }]);
  });

  it('the status link opens the customer status page', async () => {
    const created = await intake();
    const res = await t.http().get(new URL(created.body.publicUrl).pathname).set('Accept', 'application/json');
    expect(res.status).toBe(200);
    expect(res.body.reference).toBe(created.body.reference);
  });

  it('accepts the portal channel without an e-mail, phone or address', async () => {
    const res = await intake(intakeBody({ customer: { name: 'Anna Berzina', preferredChannel: 'portal' } }));
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ preferredChannel: 'portal', email: null, phone: null, postalAddress: null, language: 'en' });
  });

  it('accepts a letter with a postal address', async () => {
    const res = await intake(intakeBody({ customer: { name: 'Anna Berzina', postalAddress: 'Brivibas iela 1, Riga, LV-1010', preferredChannel: 'letter' } }));
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({ preferredChannel: 'letter', postalAddress: 'Brivibas iela 1, Riga, LV-1010' });
  });

  it('a suggestion has no deadlines', async () => {
    const res = await intake(intakeBody({ type: 'suggestion', severity: 'low' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'suggestion', status: 'received', version: 1, firstResponseDueAt: null, resolutionDueAt: null });
    const [row] = await t.dataSource.query('SELECT first_response_due_at, resolution_due_at FROM complaints WHERE id = $1', [res.body.id]);
    expect(row).toEqual({ first_response_due_at: null, resolution_due_at: null });
  });
});

describe('Idempotency-Key makes intake retries safe', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const intake = (key: string, body: Body = intakeBody(), token = org.tokens.desk) =>
    t.http().post('/api/complaints').set(bearer(token)).set('Idempotency-Key', key).send(body);
  const complaintsWithKey = async (key: string) =>
    (await t.dataSource.query('SELECT id FROM complaints WHERE idempotency_key = $1 ORDER BY created_at', [key])).map((r: { id: string }) => r.id);

  it('a retry with the same body answers 200 with the same complaint and writes nothing', async () => {
    const first = await intake('retry-1');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await writesNothing(t, () => intake('retry-1'));
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe('"1"');
    expect(retry.body).toMatchObject({ id: first.body.id, reference: first.body.reference, publicUrl: first.body.publicUrl });
    expect(retry.body).toEqual(first.body);
    expect(await complaintsWithKey('retry-1')).toEqual([first.body.id]);
  });

  it('treats the same body with its fields in another order as the same request', async () => {
    const body = intakeBody();
    const first = await intake('retry-2', body);
    const reordered = Object.fromEntries(Object.entries({ ...body, customer: Object.fromEntries(Object.entries(body.customer).reverse()) }).reverse());
    const retry = await intake('retry-2', reordered);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('the same key with a different body answers 422 IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const first = await intake('reused-1');
    expect(first.status).toBe(201);
    const reused = await writesNothing(t, () => intake('reused-1', intakeBody({ summary: 'A different complaint altogether' })));
    expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED', ['Idempotency-Key']);
    expect(await complaintsWithKey('reused-1')).toEqual([first.body.id]);
    const [row] = await t.dataSource.query('SELECT summary FROM complaints WHERE id = $1', [first.body.id]);
    expect(row.summary).toBe('Charged twice for October');
  });

  it('the same key from another client is another complaint', async () => {
    const fromDesk = await intake('shared-key', intakeBody(), org.tokens.desk);
    const fromAgent = await intake('shared-key', intakeBody(), org.tokens.agent);
    expect([fromDesk.status, fromAgent.status]).toEqual([201, 201]);
    expect(fromAgent.body.id).not.toBe(fromDesk.body.id);
    expect(fromAgent.body.reference).not.toBe(fromDesk.body.reference);
    expect((await complaintsWithKey('shared-key')).sort()).toEqual([fromDesk.body.id, fromAgent.body.id].sort());
  });

  it('without a key, two identical requests are two complaints', async () => {
    const a = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    const b = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('50 concurrent identical requests create exactly one complaint, and every answer carries it', async () => {
    const before = await rowCounts(t);
    const responses = await Promise.all(Array.from({ length: 50 }, () => intake('storm-1')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(49).fill(200), 201].sort());
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await complaintsWithKey('storm-1')).toEqual([id]);
    expect(new Set(responses.map((r) => r.body.reference)).size).toBe(1);
    for (const r of responses.filter((r) => r.status === 200)) expect(r.headers['idempotent-replayed']).toBe('true');
    const after = await rowCounts(t);
    expect(after).toEqual({ ...before, complaints: before.complaints + 1, events: before.events + 1 });
  });
});

describe('GET /api/complaints: the queue, one complaint and its timeline', () => {
  let t: TestApp;
  let org: Organisation;
  /** A-G by receivedAt; see beforeAll. */
  const c: Record<string, Listed & { reference: string }> = {};
  const ALL = 'ABCDEFG'.split('');

  const list = (query: string, token?: string) => t.http().get(`/api/complaints${query}`).set(bearer(token ?? org.tokens.agent));
  const ids = (letters: string) => newestFirst(letters.split('').map((l) => c[l]));

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    const network = await t.http().post('/api/categories').set(asAdmin).send({ code: 'network-outage', name: 'Network outage', ownerDepartmentId: org.otherDepartmentId });
    expect(network.status).toBe(201);
    t.clock.set('2026-11-23T09:00:00Z');
    const log = async (letter: string, overrides: Body) => {
      const res = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody(overrides));
      expect(res.status).toBe(201);
      c[letter] = res.body;
    };
    await log('A', { receivedAt: '2026-11-02T10:00:00Z' });
    await log('B', { receivedAt: '2026-11-10T10:00:00Z', categoryCode: 'network-outage' });
    await log('C', { receivedAt: '2026-11-15T10:00:00Z', type: 'suggestion', severity: 'low' });
    await log('D', { receivedAt: '2026-11-20T10:00:00Z' });
    // E and F share an instant: the id breaks the tie.
    await log('E', { receivedAt: '2026-11-23T08:00:00Z' });
    await log('F', { receivedAt: '2026-11-23T08:00:00Z' });
    await log('G', { receivedAt: '2026-11-23T08:30:00Z', categoryCode: 'network-outage' });
    // A is answered three weeks late (a recorded breach); E on time (due Monday 13:00).
    t.clock.set('2026-11-23T09:05:00Z');
    for (const letter of ['A', 'E']) {
      const ack = await t
        .http()
        .post(`/api/complaints/${c[letter].id}/acknowledge`)
        .set(bearer(org.tokens.agent))
        .send({ message: 'Thank you for telling us; I am sorry this happened.', nextSteps: 'Billing checks both payments.' });
      expect(ack.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('lists every complaint newest first (receivedAt desc, id desc)', async () => {
    const res = await list('');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    expect(res.body.items.map((i: Listed) => i.id)).toEqual(ids('ABCDEFG'));
    expect(res.body.nextCursor).toBeNull();
  });

  it('lists each complaint as GET /api/complaints/:id shows it', async () => {
    const res = await list('?limit=1');
    const one = await t.http().get(`/api/complaints/${res.body.items[0].id}`).set(bearer(org.tokens.agent));
    expect(res.body.items[0]).toEqual(one.body);
  });

  it.each<[string, string]>([
    ['?status=received', 'BCDFG'],
    ['?status=acknowledged', 'AE'],
    ['?status=closed', ''],
    ['?type=suggestion', 'C'],
    ['?type=complaint', 'ABDEFG'],
    ['?categoryCode=network-outage', 'BG'],
    ['?categoryCode=billing-error', 'ACDEF'],
    ['?categoryCode=nothing-like-it', ''],
    ['?breached=true', 'A'],
    ['?breached=false', 'BCDEFG'],
    ['?receivedFrom=2026-11-10T10:00:00Z', 'BCDEFG'],
    ['?receivedTo=2026-11-10T10:00:00Z', 'A'],
    ['?receivedFrom=2026-11-10T10:00:00Z&receivedTo=2026-11-20T10:00:00Z', 'BC'],
    ['?status=received&type=complaint&categoryCode=billing-error', 'DF'],
  ])('filters %s', async (query, letters) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Listed) => i.id)).toEqual(letters ? ids(letters) : []);
  });

  it('filters by departmentId', async () => {
    const other = await list(`?departmentId=${org.otherDepartmentId}`);
    expect(other.body.items.map((i: Listed) => i.id)).toEqual(ids('BG'));
    const billing = await list(`?departmentId=${org.departmentId}&status=received`);
    expect(billing.body.items.map((i: Listed) => i.id)).toEqual(ids('CDF'));
  });

  it('pages with limit=2 return every complaint exactly once, newest first, and end with nextCursor null', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      pageSizes.push(res.body.items.length);
      seen.push(...res.body.items.map((i: Listed) => i.id));
      cursor = res.body.nextCursor;
      expect(pageSizes.length).toBeLessThanOrEqual(ALL.length);
    } while (cursor);
    expect(pageSizes).toEqual([2, 2, 2, 1]);
    expect(seen).toEqual(ids('ABCDEFG'));
  });

  it('pages keep their filter', async () => {
    const first = await list('?limit=2&status=received');
    expect(first.body.items.map((i: Listed) => i.id)).toEqual(ids('BCDFG').slice(0, 2));
    const second = await list(`?limit=2&status=received&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((i: Listed) => i.id)).toEqual(ids('BCDFG').slice(2, 4));
  });

  it('a page that ends exactly at the last complaint has nextCursor null', async () => {
    const res = await list('?limit=7');
    expect(res.body.items).toHaveLength(7);
    expect(res.body.nextCursor).toBeNull();
  });

  it.each<[string, string]>([
    ['not base64 json', 'garbage!'],
    ['base64 of something else', Buffer.from('{"at":1}').toString('base64url')],
    ['a cursor with a bad id', Buffer.from(JSON.stringify(['2026-11-23T08:00:00.000Z', 'not-a-uuid'])).toString('base64url')],
    ['a cursor with a bad instant', Buffer.from(JSON.stringify(['someday', '1b4e28ba-2fa1-11d2-883f-0016d3cca427'])).toString('base64url')],
  ])('an invalid cursor (%s) answers 400 INVALID_CURSOR', async (_kind, cursor) => {
    expectError(await list(`?cursor=${encodeURIComponent(cursor)}`), 400, 'INVALID_CURSOR', ['cursor']);
  });

  it.each<[string, string]>([
    ['?limit=0', 'limit'],
    ['?limit=500', 'limit'],
    ['?limit=-1', 'limit'],
    ['?limit=1.5', 'limit'],
    ['?limit=ten', 'limit'],
    ['?status=pending', 'status'],
    ['?type=praise', 'type'],
    ['?breached=maybe', 'breached'],
    ['?departmentId=billing', 'departmentId'],
    ['?receivedFrom=last-week', 'receivedFrom'],
    ['?receivedTo=2026-13-01', 'receivedTo'],
    ['?sort=oldest', 'sort'],
    ['?offset=10', 'offset'],
  ])('%s answers 400 naming %s', async (query, field) => {
    expectError(await list(query), 400, 'VALIDATION_FAILED', [field]);
  });

  it('GET /api/complaints/:id answers the current version as ETag', async () => {
    const acknowledged = await t.http().get(`/api/complaints/${c.A.id}`).set(bearer(org.tokens.resolver));
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.headers.etag).toBe('"2"');
    expect(acknowledged.body).toMatchObject({ id: c.A.id, reference: c.A.reference, status: 'acknowledged', version: 2 });
    const received = await t.http().get(`/api/complaints/${c.B.id}`).set(bearer(org.tokens.resolver));
    expect(received.headers.etag).toBe('"1"');
  });

  it.each(['/api/complaints/not-a-uuid', '/api/complaints/12345/timeline'])('GET %s answers 400 naming id', async (path) => {
    expectError(await t.http().get(path).set(bearer(org.tokens.agent)), 400, 'VALIDATION_FAILED', ['id']);
  });

  it.each(['', '/timeline'])('GET an unknown complaint%s answers 404', async (suffix) => {
    const res = await t.http().get(`/api/complaints/1b4e28ba-2fa1-41d2-883f-0016d3cca427${suffix}`).set(bearer(org.tokens.agent));
    expectError(res, 404, 'COMPLAINT_NOT_FOUND');
  });

  it('GET /api/complaints/:id/timeline lists every event oldest first', async () => {
    const res = await t.http().get(`/api/complaints/${c.A.id}/timeline`).set(bearer(org.tokens.agent));
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; type: string; occurredAt: string; actor: { kind: string } }[];
    expect(items.map((e) => e.type)).toEqual(['received', 'first_response_breached', 'acknowledged']);
    expect(items.map((e) => e.actor.kind)).toEqual(['api_client', 'system', 'staff']);
    expect(items.map((e) => e.occurredAt)).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-23T09:05:00.000Z', '2026-11-23T09:05:00.000Z']);
    const eventIds = items.map((e) => BigInt(e.id));
    expect([...eventIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(eventIds);
    expect(new Set(eventIds).size).toBe(eventIds.length);
  });

  it('the timeline of another complaint holds only its own events', async () => {
    const res = await t.http().get(`/api/complaints/${c.B.id}/timeline`).set(bearer(org.tokens.agent));
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['received']);
  });
});
