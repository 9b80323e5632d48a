import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { createHash, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'supertest';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator.js';
import { UPHELD } from '../factories/complaints.js';
import { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher.js';
import { asAdmin, bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Who may call what (the role x route matrix), tokens, rate limits, security headers, the public routes and the
 * admin API's validation, over HTTP against a real database.
 */

/** Every kind of caller: one staff member per role, and the support desk, an API client with role agent. */
const CALLERS = ['agent', 'resolver', 'department_head', 'chair', 'admin', 'desk'] as const;
type Caller = (typeof CALLERS)[number];

const STAFF_READERS: Caller[] = ['agent', 'resolver', 'department_head', 'chair', 'admin', 'desk'];
const COMPLAINT_READERS: Caller[] = ['agent', 'resolver', 'department_head', 'admin', 'desk'];
const FIRST_LINE: Caller[] = ['agent', 'resolver', 'desk'];
/** The desk holds role agent, so it passes wherever agents do. */
const WORKERS: Caller[] = ['agent', 'resolver', 'department_head', 'desk'];
const ADMIN_ONLY: Caller[] = ['admin'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Endpoint {
  method: Method;
  /**
   * As the controller declares it; `:id` is a complaint, or under its own prefix a prevention action, committee,
   * meeting, staff task, outbox message or webhook.
   */
  path: string;
  allowed: Caller[];
  /** A valid body, new on each call, so that an allowed caller gets a 2xx. */
  body?: () => object;
  /** Where the fresh complaint of a POST on `:id` must be first; it is logged `received`. */
  from?: 'acknowledged' | 'resolved' | 'resolved with a root cause' | 'with an agenda';
  /** A query string the route needs to answer 2xx. */
  query?: string;
}

let serial = 0;
const next = () => ++serial;
const DEFAULT_CALENDAR = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [] };
const ACKNOWLEDGEMENT = { message: 'Thank you for telling us; I am sorry this happened.', nextSteps: 'Billing checks both payments.' };

/**
 * The expected matrix, written out from the @Roles decorators of src/**\/*.controller.ts. The test "covers every
 * route" below fails when a route is added or its roles change without this table being updated.
 */
function endpoints(org: () => Organisation): Endpoint[] {
  return [
    { method: 'POST', path: '/api/departments', allowed: ADMIN_ONLY, body: () => ({ code: `dept-${next()}`, name: 'Department' }) },
    { method: 'GET', path: '/api/departments', allowed: STAFF_READERS },
    { method: 'POST', path: '/api/staff', allowed: ADMIN_ONLY, body: () => ({ name: 'New chair', email: `chair-${next()}@example.com`, role: 'chair' }) },
    { method: 'POST', path: '/api/api-clients', allowed: ADMIN_ONLY, body: () => ({ name: `Client ${next()}`, roles: ['agent'] }) },
    {
      method: 'POST',
      path: '/api/categories',
      allowed: ADMIN_ONLY,
      body: () => ({ code: `cat-${next()}`, name: 'Category', ownerDepartmentId: org().departmentId }),
    },
    { method: 'GET', path: '/api/categories', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/business-calendar', allowed: STAFF_READERS },
    { method: 'PUT', path: '/api/business-calendar', allowed: ADMIN_ONLY, body: () => DEFAULT_CALENDAR },
    { method: 'POST', path: '/api/complaints', allowed: FIRST_LINE, body: () => intakeBody() },
    { method: 'GET', path: '/api/complaints', allowed: COMPLAINT_READERS },
    { method: 'GET', path: '/api/complaints/:id', allowed: COMPLAINT_READERS },
    { method: 'GET', path: '/api/complaints/:id/timeline', allowed: COMPLAINT_READERS },
    { method: 'POST', path: '/api/complaints/:id/acknowledge', allowed: FIRST_LINE, body: () => ACKNOWLEDGEMENT },
    {
      method: 'POST',
      path: '/api/complaints/:id/handoffs',
      allowed: WORKERS,
      body: () => ({
        toDepartmentId: org().otherDepartmentId,
        reason: 'The second debit came from the card gateway.',
        contextNote: 'Customer was debited twice on 3 November and wants the second payment refunded to the card.',
      }),
    },
    { method: 'POST', path: '/api/complaints/:id/notes', allowed: WORKERS, body: () => ({ body: 'Checked the gateway log.', visibility: 'internal' }) },
    {
      method: 'POST',
      path: '/api/complaints/:id/information-requests',
      allowed: WORKERS,
      from: 'acknowledged',
      body: () => ({ question: 'Could you tell us the last four digits of the card charged twice? We will check it right away.' }),
    },
    {
      method: 'POST',
      path: '/api/complaints/:id/expected-date',
      allowed: WORKERS,
      body: () => ({ expectedResolutionBy: '2026-11-25T12:00:00Z' }),
    },
    { method: 'POST', path: '/api/complaints/:id/resolution', allowed: WORKERS, body: () => UPHELD },
    {
      method: 'POST',
      path: '/api/complaints/:id/reopen',
      allowed: ['resolver', 'department_head'],
      from: 'resolved',
      body: () => ({ reason: 'The refund never reached the card.' }),
    },
    {
      method: 'POST',
      path: '/api/messages/check',
      allowed: ['agent', 'resolver', 'department_head', 'admin', 'desk'],
      body: () => ({ text: 'As per our policy we cannot refund.', language: 'en', kind: 'update' }),
    },
    { method: 'GET', path: '/api/settings', allowed: STAFF_READERS },
    {
      method: 'PUT',
      path: '/api/settings',
      allowed: ADMIN_ONLY,
      // A different value on each call, so that a refused call that wrote anyway would show.
      body: () => ({ referralEscalateTo: 'the consumer ombudsman', referralTimeLimitDays: 60, atRiskShare: 0.75, keepInformedBusinessDays: 1 + (next() % 60) }),
    },
    { method: 'GET', path: '/api/staff-tasks', allowed: [...WORKERS, 'admin'] },
    { method: 'POST', path: '/api/staff-tasks/:id/done', allowed: WORKERS, body: () => ({ outcome: 'reached' }) },
    { method: 'GET', path: '/api/outbox', allowed: ADMIN_ONLY },
    { method: 'POST', path: '/api/outbox/:id/retry', allowed: ADMIN_ONLY },
    { method: 'GET', path: '/api/outbox/:id/mail', allowed: ADMIN_ONLY },
    { method: 'POST', path: '/api/webhooks', allowed: ADMIN_ONLY, body: () => ({ url: `http://127.0.0.1:9/hooks/${next()}`, events: ['complaint.created'] }) },
    { method: 'GET', path: '/api/webhooks', allowed: ADMIN_ONLY },
    { method: 'DELETE', path: '/api/webhooks/:id', allowed: ADMIN_ONLY },
    { method: 'POST', path: '/api/webhooks/:id/enable', allowed: ADMIN_ONLY },
    { method: 'GET', path: '/api/staff-notifications', allowed: ['department_head', 'admin'] },
    {
      method: 'POST',
      path: '/api/prevention-actions',
      allowed: ['resolver', 'department_head', 'chair', 'admin'],
      body: () => preventionAction(org()),
    },
    { method: 'GET', path: '/api/prevention-actions', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/prevention-actions/:id', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/prevention-actions/:id/effectiveness', allowed: STAFF_READERS },
    // Only the head of the owning department (the seeded head's); another department's head is tested with the feature.
    { method: 'PATCH', path: '/api/prevention-actions/:id', allowed: ['department_head'], body: () => ({ title: `Retitled ${next()}` }) },
    { method: 'GET', path: '/api/root-causes', allowed: STAFF_READERS },
    {
      method: 'POST',
      path: '/api/root-causes',
      allowed: ADMIN_ONLY,
      body: () => ({ code: `cause_${next()}`, name: 'Seasonal demand', description: 'Demand peaks that the rota does not plan for.' }),
    },
    {
      method: 'POST',
      path: '/api/complaints/:id/root-cause',
      allowed: ['resolver', 'department_head'],
      from: 'resolved',
      body: () => ROOT_CAUSE,
    },
    { method: 'POST', path: '/api/complaints/:id/close', allowed: ['resolver', 'department_head'], from: 'resolved with a root cause' },
    { method: 'GET', path: '/api/complaints/:id/similar', allowed: COMPLAINT_READERS },
    { method: 'GET', path: '/api/themes', allowed: ['department_head', 'chair', 'admin'], query: '?from=2026-10-01&to=2026-11-01' },
    { method: 'POST', path: '/api/committees', allowed: ['chair', 'admin'], body: () => committee(org()) },
    { method: 'GET', path: '/api/committees', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/committees/:id', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/committees/:id/meetings', allowed: STAFF_READERS },
    { method: 'POST', path: '/api/committees/:id/meetings', allowed: ['chair', 'admin'], body: () => ({ startsAt: `2027-0${1 + (next() % 9)}-1${next() % 10}T10:00:00Z` }) },
    { method: 'GET', path: '/api/meetings/:id', allowed: STAFF_READERS },
    { method: 'GET', path: '/api/meetings/:id/invite.ics', allowed: STAFF_READERS },
    {
      method: 'POST',
      path: '/api/meetings/:id/minutes',
      allowed: ['chair', 'admin'],
      body: () => ({ attendeeDepartmentIds: [org().departmentId], decisions: [{ text: 'Review the refund form checks next quarter.' }] }),
    },
    { method: 'POST', path: '/api/meetings/:id/agenda', allowed: ['chair', 'admin'] },
    { method: 'GET', path: '/api/meetings/:id/agenda', allowed: ['department_head', 'chair', 'admin'], from: 'with an agenda' },
    { method: 'GET', path: '/api/kpis', allowed: ['department_head', 'chair', 'admin'], query: '?from=2026-10-01&to=2026-11-01' },
  ];
}

const ROOT_CAUSE = {
  causeCode: 'process_gap',
  description: 'The refund form has no check for a payment the gateway already retried.',
  noSystemicCause: { justification: 'A one-off outage of the card scheme, announced by the scheme itself.' },
};

function committee(org: Organisation) {
  return {
    name: `Customer committee ${next()}`,
    memberDepartmentIds: [org.departmentId, org.otherDepartmentId],
    cadence: '0 10 * * 1',
    timeZone: 'Europe/Riga',
    durationMinutes: 90,
    agendaLeadDays: 3,
  };
}

function preventionAction(org: Organisation) {
  return {
    title: 'Make card gateway retries idempotent',
    description: 'Retries carry the payment reference so that the bank refuses a second debit.',
    causeCode: 'tooling',
    ownerDepartmentId: org.departmentId,
    dueAt: '2027-03-31T17:00:00Z',
    successCriterion: { targetReductionPct: 50, windowDays: 90 },
  };
}

/** Routes anyone may call (@Public); the status page is reached by its unguessable token instead. */
/** 10 kB of brackets: far under the size limit, far deeper than any body (recursive parsers overflow on it). */
const DEEP_BODY = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;

const PUBLIC_ROUTES = [
  'GET /health',
  'GET /public/complaints/:token',
  'POST /public/complaints/:token/reply',
  'POST /public/complaints/:token/feedback',
  'POST /public/complaints/:token/dispute',
];

/** Every route Nest serves, as "METHOD /path", with the roles its decorators allow or 'public'. */
function declaredRoutes(t: TestApp): Map<string, string[] | 'public'> {
  const routes = new Map<string, string[] | 'public'>();
  for (const wrapper of new DiscoveryService(t.app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
    if (!controller) continue;
    const base = String(Reflect.getMetadata('path', controller) ?? '');
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name];
      if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata('path', handler) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata('method', handler) as RequestMethod];
      const path = `/${[base, String(Reflect.getMetadata('path', handler))].map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/')}`;
      const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller);
      const roles = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? [];
      routes.set(`${method} ${path}`, isPublic ? 'public' : [...roles].sort());
    }
  }
  return routes;
}

/** The one error body of the contract. */
function expectError(res: Response, status: number, code: string, fields?: string[]): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(Object.keys(res.body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
  expect(res.body).toMatchObject({ statusCode: status, error: STATUS_CODES[status], message: expect.stringMatching(/\S/) });
  for (const detail of res.body.details) expect(Object.keys(detail).sort()).toEqual(['field', 'problem']);
  if (fields) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
}

/** Row counts of every table a request could write, and the calendar's and the settings' current state. */
async function fingerprint(t: TestApp): Promise<Record<string, unknown>> {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM departments)::int AS departments, (SELECT count(*) FROM staff)::int AS staff,
            (SELECT count(*) FROM api_clients)::int AS api_clients, (SELECT count(*) FROM categories)::int AS categories,
            (SELECT count(*) FROM complaints)::int AS complaints, (SELECT count(*) FROM complaint_events)::int AS events,
            (SELECT count(*) FROM outbox_messages)::int AS outbox, (SELECT updated_at FROM business_calendar) AS calendar_updated_at,
            (SELECT count(*) FROM complaints WHERE status <> 'received')::int AS answered,
            (SELECT sum(version) FROM complaints)::int AS versions,
            (SELECT count(*) FROM handoffs)::int AS handoffs, (SELECT count(*) FROM complaint_notes)::int AS notes,
            (SELECT count(*) FROM information_requests)::int AS information_requests,
            (SELECT count(*) FROM resolutions)::int AS resolutions, (SELECT count(*) FROM customer_feedback)::int AS feedback,
            (SELECT count(*) FROM staff_tasks)::int AS staff_tasks, (SELECT count(*) FROM staff_notifications)::int AS staff_notifications,
            (SELECT row_to_json(s)::text FROM organisation_settings s) AS settings,
            (SELECT count(*) FROM prevention_actions)::int AS prevention_actions,
            (SELECT sum(version) FROM prevention_actions)::int AS prevention_versions,
            (SELECT count(*) FROM effectiveness_checks)::int AS effectiveness_checks,
            (SELECT count(*) FROM root_causes)::int AS root_causes,
            (SELECT count(*) FROM committees)::int AS committees, (SELECT count(*) FROM meetings)::int AS meetings,
            (SELECT count(*) FROM meeting_minutes)::int AS minutes, (SELECT count(*) FROM meeting_decisions)::int AS decisions,
            (SELECT count(*) FROM agenda_versions)::int AS agenda_versions,
            (SELECT count(*) FROM webhooks)::int AS webhooks,
            (SELECT string_agg(status, ',' ORDER BY id) FROM outbox_messages) AS outbox_statuses,
            (SELECT count(*) FROM staff_tasks WHERE done_at IS NOT NULL)::int AS staff_tasks_done`,
  );
  return row;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

describe('roles: who may call each route', () => {
  let t: TestApp;
  let org: Organisation;
  let readableComplaintId: string;
  const table = endpoints(() => org);

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    const created = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    expect(created.status).toBe(201);
    readableComplaintId = created.body.id;
  });
  afterAll(() => t.close());

  /**
   * The concrete path: reads use one complaint, each change a fresh one brought to the status the change needs
   * (made here, before anything is measured).
   */
  async function pathFor(endpoint: Endpoint): Promise<string> {
    if (endpoint.query) return endpoint.path + endpoint.query;
    if (!endpoint.path.includes(':id')) return endpoint.path;
    if (endpoint.path.startsWith('/api/committees/') || endpoint.path.startsWith('/api/meetings/')) {
      const created = await t.http().post('/api/committees').set(asAdmin).send(committee(org));
      expect(created.status).toBe(201);
      if (endpoint.path.startsWith('/api/committees/')) return endpoint.path.replace(':id', created.body.id);
      // A meeting that has taken place, so that its minutes can be recorded.
      const [meeting] = await t.dataSource.query(
        `INSERT INTO meetings (committee_id, starts_at, ends_at, source, agenda_due_at)
         VALUES ($1, $2::timestamptz - interval '2 hours', $2::timestamptz - interval '30 minutes', 'manual', $2::timestamptz - interval '3 days') RETURNING id`,
        [created.body.id, t.clock.now()],
      );
      if (endpoint.from === 'with an agenda') expect((await t.http().post(`/api/meetings/${meeting.id}/agenda`).set(asAdmin)).status).toBe(201);
      return endpoint.path.replace(':id', meeting.id);
    }
    if (endpoint.path.startsWith('/api/webhooks/')) {
      const created = await t.http().post('/api/webhooks').set(asAdmin).send({ url: `http://127.0.0.1:9/hooks/${next()}`, events: ['agenda.published'] });
      expect(created.status).toBe(201);
      return endpoint.path.replace(':id', created.body.id);
    }
    if (endpoint.path.startsWith('/api/staff-tasks/') || endpoint.path.startsWith('/api/outbox/')) {
      // An acknowledged complaint whose message the dispatcher has delivered: a call task, or an e-mail file.
      const preferred = endpoint.path.endsWith('/mail') ? { preferredChannel: 'email' } : {};
      const fresh = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody({ customer: { ...intakeBody().customer, ...preferred } }));
      expect(fresh.status).toBe(201);
      expect((await t.http().post(`/api/complaints/${fresh.body.id}/acknowledge`).set(bearer(org.tokens.agent)).send(ACKNOWLEDGEMENT)).status).toBe(200);
      await t.app.get(OutboxDispatcher).drain();
      const [row] = await t.dataSource.query(
        `SELECT m.id AS message, t.id AS task FROM outbox_messages m LEFT JOIN staff_tasks t ON t.outbox_message_id = m.id
          WHERE m.complaint_id = $1 AND m.purpose = 'acknowledgement'`,
        [fresh.body.id],
      );
      if (endpoint.path.startsWith('/api/staff-tasks/')) return endpoint.path.replace(':id', row.task);
      // Only a dead letter can be retried.
      if (endpoint.path.endsWith('/retry')) await t.dataSource.query(`UPDATE outbox_messages SET status = 'dead' WHERE id = $1`, [row.message]);
      return endpoint.path.replace(':id', row.message);
    }
    if (endpoint.path.startsWith('/api/prevention-actions/')) {
      const action = await t.http().post('/api/prevention-actions').set(asAdmin).send(preventionAction(org));
      expect(action.status).toBe(201);
      return endpoint.path.replace(':id', action.body.id);
    }
    if (endpoint.method === 'GET') return endpoint.path.replace(':id', readableComplaintId);
    const fresh = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    expect(fresh.status).toBe(201);
    const id: string = fresh.body.id;
    if (endpoint.from === 'acknowledged') {
      expect((await t.http().post(`/api/complaints/${id}/acknowledge`).set(bearer(org.tokens.agent)).send(ACKNOWLEDGEMENT)).status).toBe(200);
    }
    if (endpoint.from === 'resolved' || endpoint.from === 'resolved with a root cause') {
      expect((await t.http().post(`/api/complaints/${id}/resolution`).set(bearer(org.tokens.resolver)).send(UPHELD)).status).toBe(200);
    }
    if (endpoint.from === 'resolved with a root cause') {
      expect((await t.http().post(`/api/complaints/${id}/root-cause`).set(bearer(org.tokens.resolver)).send(ROOT_CAUSE)).status).toBe(200);
    }
    return endpoint.path.replace(':id', id);
  }

  function send(endpoint: Endpoint, path: string, headers: Record<string, string>): Promise<Response> {
    const request = t.http()[endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(headers);
    return endpoint.body ? request.send(endpoint.body()) : request;
  }

  /** Calls the endpoint and checks the call changed nothing in the database. */
  async function callChangingNothing(endpoint: Endpoint, headers: Record<string, string>): Promise<Response> {
    const path = await pathFor(endpoint);
    const before = await fingerprint(t);
    const res = await send(endpoint, path, headers);
    expect(await fingerprint(t)).toEqual(before);
    return res;
  }

  it('covers every route the app serves, with the roles its decorators declare', () => {
    const declared = declaredRoutes(t);
    const expected = new Map<string, string[] | 'public'>();
    for (const route of PUBLIC_ROUTES) expected.set(route, 'public');
    for (const e of table) {
      // The desk is an API client holding role agent: the decorators name roles, not callers.
      const roles = [...new Set(e.allowed.map((c) => (c === 'desk' ? 'agent' : c)))].sort();
      expected.set(`${e.method} ${e.path}`, roles);
    }
    expect(Object.fromEntries([...declared].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  describe.each(table.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_route, endpoint) => {
    it.each(CALLERS.filter((c) => endpoint.allowed.includes(c)))('lets %s through', async (caller) => {
      const res = await send(endpoint, await pathFor(endpoint), bearer(org.tokens[caller]));
      expect({ status: res.status, body: isSuccess(res.status) ? 'ok' : res.body }).toEqual({ status: expect.any(Number), body: 'ok' });
    });

    const refused = CALLERS.filter((c) => !endpoint.allowed.includes(c));
    if (refused.length > 0) {
      it.each(refused)('refuses %s with 403 FORBIDDEN and changes nothing', async (caller) => {
        expectError(await callChangingNothing(endpoint, bearer(org.tokens[caller])), 403, 'FORBIDDEN');
      });
    }

    it('refuses a request without Authorization with 401 UNAUTHENTICATED and changes nothing', async () => {
      expectError(await callChangingNothing(endpoint, {}), 401, 'UNAUTHENTICATED');
    });

    if (endpoint.method !== 'GET' && endpoint.method !== 'DELETE') {
      it('refuses a small body nested thousands of levels deep with 400 MALFORMED_BODY and changes nothing', async () => {
        const path = await pathFor(endpoint);
        const before = await fingerprint(t);
        const res = await t.http()[endpoint.method.toLowerCase() as 'post' | 'put' | 'patch'](path).set(bearer(org.tokens[endpoint.allowed[0]])).set('content-type', 'application/json').send(DEEP_BODY);
        expectError(res, 400, 'MALFORMED_BODY');
        expect(await fingerprint(t)).toEqual(before);
      });
    }

    it('refuses a wrong token with 401 UNAUTHENTICATED and changes nothing', async () => {
      expectError(await callChangingNothing(endpoint, bearer('rds_not-a-token-anyone-was-given')), 401, 'UNAUTHENTICATED');
    });
  });

  it.each<[string, Record<string, string>]>([
    ['a token one character off', bearer(`${ADMIN_TOKEN}x`)],
    ['the admin token without the Bearer scheme', { Authorization: ADMIN_TOKEN }],
    ['Basic credentials', { Authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` }],
    ['an empty Bearer', { Authorization: 'Bearer ' }],
    ['a token with spaces in it', { Authorization: `Bearer ${ADMIN_TOKEN} extra` }],
  ])('refuses %s with 401', async (_kind, headers) => {
    expectError(await t.http().get('/api/departments').set(headers), 401, 'UNAUTHENTICATED');
  });

  it('accepts the scheme in any case', async () => {
    const res = await t.http().get('/api/departments').set({ Authorization: `bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(200);
  });
});

describe('public routes and the API document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(PUBLIC_ROUTES.filter((route) => route.startsWith('POST ')))('%s refuses a body nested thousands of levels deep with 400 MALFORMED_BODY', async (route) => {
    const path = route.slice('POST '.length).replace(':token', 'any-token');
    expectError(await t.http().post(path).set('content-type', 'application/json').send(DEEP_BODY), 400, 'MALFORMED_BODY');
  });

  it('GET /health needs no token', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('GET /docs serves Swagger UI without a token', async () => {
    const res = await t.http().get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });

  it('GET /docs-json is an OpenAPI document of the API, with examples for intake', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/complaints', '/api/complaints/{id}', '/api/complaints/{id}/timeline', '/api/departments', '/health']),
    );
    expect(Object.keys(doc.paths['/api/complaints']).sort()).toEqual(['get', 'post']);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');

    const intake = doc.components.schemas.CreateComplaintDto;
    expect(intake.required).toEqual(expect.arrayContaining(['type', 'channel', 'categoryCode', 'severity', 'summary', 'description', 'customer']));
    for (const field of ['type', 'channel', 'categoryCode', 'severity', 'summary', 'description', 'desiredOutcome', 'receivedAt']) {
      expect({ field, example: intake.properties[field].example }).toEqual({ field, example: expect.anything() });
    }
    expect(intake.properties.summary.example).toBe('Charged twice for October');
    const customer = doc.components.schemas.CustomerDto;
    expect(customer.properties.preferredChannel).toMatchObject({ enum: ['email', 'phone', 'sms', 'letter', 'portal'], example: 'phone' });
    expect(customer.properties.name.example).toEqual(expect.any(String));
  });
});

describe('tokens are stored as SHA-256 digests only', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  /** Tables and rows whose text holds `needle` anywhere, in any column. */
  async function tablesHolding(needle: string): Promise<string[]> {
    const tables: { name: string }[] = await t.dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
    const holding: string[] = [];
    for (const { name } of tables) {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${name}" x WHERE strpos(x::text, $1) > 0`, [needle]);
      if (row.n > 0) holding.push(name);
    }
    return holding;
  }

  it('POST /api/staff answers {id, token} once; the token works; only its digest is stored', async () => {
    const res = await t.http().post('/api/staff').set(asAdmin).send({ name: 'Rita Resolver', email: 'rita@example.com', role: 'resolver', departmentId: org.departmentId });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'token']);
    const { id, token } = res.body as { id: string; token: string };
    expect(token.length).toBeGreaterThanOrEqual(40);

    const works = await t.http().get('/api/complaints').set(bearer(token));
    expect(works.status).toBe(200);

    const [row] = await t.dataSource.query('SELECT token_hash FROM staff WHERE id = $1', [id]);
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).toBe(sha256(token));
    expect(await tablesHolding(token)).toEqual([]);

    // The digest is not itself a credential.
    expectError(await t.http().get('/api/complaints').set(bearer(row.token_hash)), 401, 'UNAUTHENTICATED');
  });

  it('POST /api/api-clients answers {id, token} once; the token works with its roles; only its digest is stored', async () => {
    const res = await t.http().post('/api/api-clients').set(asAdmin).send({ name: 'Second desk', roles: ['resolver'] });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'token']);
    const { id, token } = res.body as { id: string; token: string };

    expect((await t.http().get('/api/complaints').set(bearer(token))).status).toBe(200);
    expectError(await t.http().post('/api/departments').set(bearer(token)).send({ code: 'x', name: 'X' }), 403, 'FORBIDDEN');

    const [row] = await t.dataSource.query('SELECT token_hash FROM api_clients WHERE id = $1', [id]);
    expect(row.token_hash).toBe(sha256(token));
    expect(await tablesHolding(token)).toEqual([]);
  });

  it('issues a different token to every credential', async () => {
    const tokens = new Set(Object.values(org.tokens));
    expect(tokens.size).toBe(Object.values(org.tokens).length);
  });
});

describe('rate limit per token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('the 6th request in a minute with one token answers 429 RATE_LIMITED; another token still gets through', async () => {
    // Request 1 of the admin's 5: a second credential to compare with.
    const chair = await t.http().post('/api/staff').set(asAdmin).send({ name: 'Chair', email: 'chair@example.com', role: 'chair' });
    expect(chair.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 2; i <= 5; i++) statuses.push((await t.http().get('/api/departments').set(asAdmin)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);

    const sixth = await t.http().get('/api/departments').set(asAdmin);
    expectError(sixth, 429, 'RATE_LIMITED');

    const other = await t.http().get('/api/departments').set(bearer(chair.body.token));
    expect(other.status).toBe(200);
  });

  it('the budget is shared by every route: a write on another route is refused too, and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM departments');
    expectError(await t.http().post('/api/departments').set(asAdmin).send({ code: 'late', name: 'Late' }), 429, 'RATE_LIMITED');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM departments')).toEqual(before);
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each<[string, () => Promise<Response>]>([
    ['GET /health', () => t.http().get('/health')],
    ['a refused API call', () => t.http().get('/api/complaints')],
    ['an API call', () => t.http().get('/api/departments').set(asAdmin)],
    ['GET /docs', () => t.http().get('/docs')],
  ])('%s carries helmet headers', async (_what, request) => {
    const res = await request();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('admin API validation', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`))[0].n as number;
  /** Runs `request` and checks the table did not grow. */
  async function writesNoRow(table: string, request: () => Promise<Response>): Promise<Response> {
    const before = await count(table);
    const res = await request();
    expect(await count(table)).toBe(before);
    return res;
  }

  it('a duplicate department code answers 409 DEPARTMENT_CODE_TAKEN', async () => {
    const res = await writesNoRow('departments', () => t.http().post('/api/departments').set(asAdmin).send({ code: 'billing', name: 'Billing again' }));
    expectError(res, 409, 'DEPARTMENT_CODE_TAKEN', ['code']);
  });

  it.each<[string, object, string]>([
    ['an upper-case code', { code: 'Billing Dept', name: 'Billing' }, 'code'],
    ['no name', { code: 'legal' }, 'name'],
    ['an unknown field', { code: 'legal', name: 'Legal', budget: 10 }, 'budget'],
  ])('a department with %s answers 400', async (_kind, body, field) => {
    expectError(await writesNoRow('departments', () => t.http().post('/api/departments').set(asAdmin).send(body)), 400, 'VALIDATION_FAILED', [field]);
  });

  it('a category with an unknown ownerDepartmentId answers 422 naming it', async () => {
    const res = await writesNoRow('categories', () =>
      t.http().post('/api/categories').set(asAdmin).send({ code: 'orphan', name: 'Orphan', ownerDepartmentId: randomUUID() }),
    );
    expectError(res, 422, 'DEPARTMENT_NOT_FOUND', ['ownerDepartmentId']);
  });

  it('a duplicate category code answers 409 CATEGORY_CODE_TAKEN', async () => {
    const res = await writesNoRow('categories', () =>
      t.http().post('/api/categories').set(asAdmin).send({ code: 'billing-error', name: 'Again', ownerDepartmentId: org.departmentId }),
    );
    expectError(res, 409, 'CATEGORY_CODE_TAKEN', ['code']);
  });

  it('a category with an impossible target answers 400 naming it', async () => {
    const hours = { low: 16, medium: 8, high: 4, critical: 1 };
    const res = await writesNoRow('categories', () =>
      t
        .http()
        .post('/api/categories')
        .set(asAdmin)
        .send({ code: 'bad-targets', name: 'Bad', ownerDepartmentId: org.departmentId, targets: { firstResponseHours: { ...hours, high: -1 }, resolutionHours: hours } }),
    );
    expectError(res, 400, 'VALIDATION_FAILED', ['targets.firstResponseHours.high']);
  });

  it.each(['agent', 'resolver', 'department_head'])('staff with role %s and no departmentId answers 4xx naming departmentId', async (role) => {
    const res = await writesNoRow('staff', () => t.http().post('/api/staff').set(asAdmin).send({ name: 'No Department', email: `${role}-nodept@example.com`, role }));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectError(res, res.status, res.body.code, ['departmentId']);
  });

  it.each(['chair', 'admin'])('staff with role %s needs no department', async (role) => {
    const res = await t.http().post('/api/staff').set(asAdmin).send({ name: `A ${role}`, email: `another-${role}@example.com`, role });
    expect(res.status).toBe(201);
  });

  it('staff with an unknown departmentId answers 422 naming it', async () => {
    const res = await writesNoRow('staff', () =>
      t.http().post('/api/staff').set(asAdmin).send({ name: 'Lost', email: 'lost@example.com', role: 'agent', departmentId: randomUUID() }),
    );
    expectError(res, 422, 'DEPARTMENT_NOT_FOUND', ['departmentId']);
  });

  it('staff with an e-mail already in use, in any case, answers 409 STAFF_EMAIL_TAKEN', async () => {
    const res = await writesNoRow('staff', () =>
      t.http().post('/api/staff').set(asAdmin).send({ name: 'Twin', email: 'AGENT@example.com', role: 'agent', departmentId: org.departmentId }),
    );
    expectError(res, 409, 'STAFF_EMAIL_TAKEN', ['email']);
  });

  it.each<[string, object, string]>([
    ['an unknown role', { name: 'N', email: 'n@example.com', role: 'superuser', departmentId: randomUUID() }, 'role'],
    ['an invalid e-mail', { name: 'N', email: 'n@', role: 'chair' }, 'email'],
    ['a departmentId that is not a UUID', { name: 'N', email: 'n@example.com', role: 'agent', departmentId: 'billing' }, 'departmentId'],
  ])('staff with %s answers 400 naming it', async (_kind, body, field) => {
    expectError(await writesNoRow('staff', () => t.http().post('/api/staff').set(asAdmin).send(body)), 400, 'VALIDATION_FAILED', [field]);
  });

  it.each<[string, object]>([
    ['an unknown role', { name: 'Desk', roles: ['agent', 'superuser'] }],
    ['no roles', { name: 'Desk', roles: [] }],
    ['roles that are not a list', { name: 'Desk', roles: 'agent' }],
    ['a repeated role', { name: 'Desk', roles: ['agent', 'agent'] }],
  ])('an api-client with %s answers 400 naming roles', async (_kind, body) => {
    expectError(await writesNoRow('api_clients', () => t.http().post('/api/api-clients').set(asAdmin).send(body)), 400, 'VALIDATION_FAILED', ['roles']);
  });
});

describe('the business calendar', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const riga = { timeZone: 'Europe/Riga', workingDays: [5, 4, 3, 2, 1], workingHours: { start: '09:00', end: '17:00' }, holidays: ['2026-11-30'] };
  const getCalendar = () => t.http().get('/api/business-calendar').set(bearer(org.tokens.agent));
  const putCalendar = (body: object) => t.http().put('/api/business-calendar').set(asAdmin).send(body);

  it('starts as Monday to Friday, 09:00-17:00 UTC', async () => {
    const res = await getCalendar();
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULT_CALENDAR);
  });

  it.each<[string, object, string, RegExp]>([
    ['an unknown time zone', { ...riga, timeZone: 'Mars/Olympus_Mons' }, 'INVALID_CALENDAR', /timeZone/],
    ['start after end', { ...riga, workingHours: { start: '17:00', end: '09:00' } }, 'INVALID_CALENDAR', /workingHours\.start/],
    ['start equal to end', { ...riga, workingHours: { start: '09:00', end: '09:00' } }, 'INVALID_CALENDAR', /workingHours\.start/],
    ['a holiday that is no date', { ...riga, holidays: ['2026-02-30'] }, 'INVALID_CALENDAR', /2026-02-30/],
    ['a time that is not HH:mm', { ...riga, workingHours: { start: '9am', end: '17:00' } }, 'VALIDATION_FAILED', /start/],
    ['a weekday 8', { ...riga, workingDays: [1, 8] }, 'VALIDATION_FAILED', /./],
    ['no working days', { ...riga, workingDays: [] }, 'VALIDATION_FAILED', /./],
    ['an unknown field', { ...riga, lunchBreak: '12:00' }, 'VALIDATION_FAILED', /./],
  ])('%s answers 400 and changes nothing', async (_kind, body, code, problem) => {
    const res = await putCalendar(body);
    expectError(res, 400, code);
    expect(res.body.details.length).toBeGreaterThan(0);
    expect(res.body.details.map((d: { field: string; problem: string }) => `${d.field} ${d.problem}`).join('\n')).toMatch(problem);
    expect((await getCalendar()).body).toEqual(DEFAULT_CALENDAR);
  });

  it('a valid calendar is returned by GET and sets the deadlines of the next intake', async () => {
    // Friday 12:00 UTC is 14:00 in Riga (UTC+2 in November).
    t.clock.set('2026-11-27T12:00:00Z');
    const before = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    expect(before.body).toMatchObject({ firstResponseDueAt: '2026-11-27T16:00:00.000Z', resolutionDueAt: '2026-12-02T12:00:00.000Z' });

    const put = await putCalendar(riga);
    expect(put.status).toBe(200);
    const stored = { ...riga, workingDays: [1, 2, 3, 4, 5] };
    expect(put.body).toEqual(stored);
    expect((await getCalendar()).body).toEqual(stored);

    const after = await t.http().post('/api/complaints').set(bearer(org.tokens.desk)).send(intakeBody());
    expect(after.status).toBe(201);
    // 4 business hours: 3 on Friday (14:00-17:00 Riga), Monday 30 November is a holiday, 1 on Tuesday: 10:00 Riga.
    // 24 business hours: 3 + 8 (Tuesday) + 8 (Wednesday) + 5 on Thursday: 14:00 Riga.
    expect(after.body).toMatchObject({ firstResponseDueAt: '2026-12-01T08:00:00.000Z', resolutionDueAt: '2026-12-03T12:00:00.000Z' });
    // Deadlines already set are not moved by a later calendar.
    const earlier = await t.http().get(`/api/complaints/${before.body.id}`).set(bearer(org.tokens.agent));
    expect(earlier.body.firstResponseDueAt).toBe('2026-11-27T16:00:00.000Z');
  });
});
