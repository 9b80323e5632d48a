import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, untilListening, type AppProcess } from '../support/app-process.js';

const TOKEN = 'embedded-admin-token-0123456789abcdef012345';
const dataDir = mkdtempSync(join(tmpdir(), 'redress-embedded-'));
const logsDataDir = mkdtempSync(join(tmpdir(), 'redress-embedded-logs-'));
const running: AppProcess[] = [];

async function start(dir = dataDir): Promise<AppProcess> {
  const app = spawnApp({ DATA_DIR: dir, PORT: String(await freePort()), BOOTSTRAP_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'info' });
  running.push(app);
  return app;
}

// Responses are JSON of a known shape; `any` keeps the assertions short.
const json = async (response: Promise<Response>): Promise<any> => (await response).json();

const api = (app: AppProcess, path: string, init: RequestInit = {}) =>
  fetch(`${app.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers } });

afterAll(async () => {
  for (const app of running) app.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(logsDataDir, { recursive: true, force: true });
});

describe('the embedded database (no DATABASE_URL)', () => {
  it('starts, serves, refuses a second process on the same directory, and keeps data across restarts', async () => {
    const first = await start();
    await untilListening(first);
    expect(first.output()).toContain(`the embedded database in ${dataDir}`);

    const health = await fetch(`${first.baseUrl}/health`);
    expect(health.status).toBe(200);
    const created = await api(first, '/api/departments', { method: 'POST', body: JSON.stringify({ code: 'billing', name: 'Billing' }) });
    expect(created.status).toBe(201);

    const second = await start();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Redress process \(pid \d+\)/);

    // A clean stop releases the directory; the data is still there after the restart.
    // Nest closes the app on SIGTERM, then re-raises the signal so the process ends as signalled.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe('SIGTERM');
    expect(existsSync(join(dataDir, 'redress.lock'))).toBe(false);
    const third = await start();
    await untilListening(third);
    const departments = await json(api(third, '/api/departments'));
    expect(departments.map((d: { code: string }) => d.code)).toEqual(['billing']);

    // A killed process leaves its lock behind; the next start takes it over instead of refusing forever.
    third.child.kill('SIGKILL');
    await third.exited;
    const fourth = await start();
    await untilListening(fourth);
    expect((await api(fourth, '/api/departments')).status).toBe(200);
    fourth.child.kill('SIGTERM');
    await fourth.exited;
  }, 120_000);
});

describe('the logs', () => {
  it('are JSON lines with a request id, and carry no customer contact data, staff names or status-link tokens', async () => {
    const app = await start(logsDataDir);
    await untilListening(app);
    const department = await json(api(app, '/api/departments', { method: 'POST', body: JSON.stringify({ code: 'care', name: 'Care' }) }));
    await api(app, '/api/categories', { method: 'POST', body: JSON.stringify({ code: 'delay', name: 'Delay', ownerDepartmentId: department.id }) });
    const staff = await json(
      api(app, '/api/staff', {
        method: 'POST',
        body: JSON.stringify({ name: 'Zigmunds Logtester', email: 'zigmunds@example.com', role: 'agent', departmentId: department.id }),
      }),
    );
    const intake = await fetch(`${app.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json', 'x-request-id': 'desk-call-42' },
      body: JSON.stringify({
        type: 'complaint',
        channel: 'email',
        categoryCode: 'delay',
        severity: 'low',
        summary: 'Parcel late',
        description: 'The parcel promised for Monday has not arrived.',
        customer: { name: 'Marta Privatperson', email: 'marta.private@example.com', phone: '+37129999999', preferredChannel: 'email' },
      }),
    });
    expect(intake.status).toBe(201);
    expect(intake.headers.get('x-request-id')).toBe('desk-call-42');
    const { publicUrl } = (await intake.json()) as { publicUrl: string };
    const token = publicUrl.split('/').pop();
    expect((await fetch(`${app.baseUrl}/public/complaints/${token}`)).status).toBe(200);
    app.child.kill('SIGTERM');
    await app.exited;

    const logs = app.output();
    const requestLines = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.req);
    expect(requestLines.some((entry) => entry.req.id === 'desk-call-42' && entry.req.url === '/api/complaints')).toBe(true);
    expect(requestLines.some((entry) => entry.req.url === '/public/complaints/[token]')).toBe(true);
    for (const secret of ['Marta Privatperson', 'marta.private@example.com', '+37129999999', 'Zigmunds Logtester', 'zigmunds@example.com', token, staff.token, TOKEN]) {
      expect(logs).not.toContain(secret);
    }
  }, 120_000);
});

describe('the first admin', () => {
  it('is created on the first start with a generated token printed once, and not again on the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-embedded-bootstrap-'));
    try {
      const launch = async () => {
        const app = spawnApp({ DATA_DIR: dir, PORT: String(await freePort()) });
        running.push(app);
        await untilListening(app);
        return app;
      };
      const first = await launch();
      const token = /shown only this once:\s+(\S+)/.exec(first.output())?.[1];
      expect(token).toMatch(/^rds_[A-Za-z0-9_-]{43}$/);
      const res = await fetch(`${first.baseUrl}/api/departments`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      first.child.kill('SIGTERM');
      await first.exited;

      const second = await launch();
      expect(second.output()).not.toContain('shown only this once');
      const again = await fetch(`${second.baseUrl}/api/departments`, { headers: { authorization: `Bearer ${token}` } });
      expect(again.status).toBe(200);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('similar complaints on the embedded database', () => {
  it('finds an earlier look-alike by its summary\'s words, answers knownIssues at intake and counts themes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-embedded-similar-'));
    try {
      const app = await start(dir);
      await untilListening(app);
      const department = await json(api(app, '/api/departments', { method: 'POST', body: JSON.stringify({ code: 'billing', name: 'Billing' }) }));
      const category = await api(app, '/api/categories', {
        method: 'POST',
        body: JSON.stringify({ code: 'billing-error', name: 'Billing error', ownerDepartmentId: department.id }),
      });
      expect(category.status).toBe(201);
      const agent = await json(
        api(app, '/api/staff', { method: 'POST', body: JSON.stringify({ name: 'Agent', email: 'agent@example.com', role: 'agent', departmentId: department.id }) }),
      );
      const intake = async (summary: string, description: string, receivedAt: string) => {
        const res = await api(app, '/api/complaints', {
          method: 'POST',
          headers: { authorization: `Bearer ${agent.token}` },
          body: JSON.stringify({
            type: 'complaint',
            channel: 'phone',
            categoryCode: 'billing-error',
            severity: 'high',
            summary,
            description,
            receivedAt,
            customer: { name: 'Anna', phone: '+37120000000', preferredChannel: 'phone' },
          }),
        });
        expect(res.status).toBe(201);
        return (await res.json()) as any;
      };
      const earlier = await intake('Charged twice for October', 'My October invoice was debited twice from my card on 3 November.', '2026-11-03T10:00:00Z');
      const later = await intake('Charged twice for October invoice', 'My October invoice was debited twice from my bank card on 4 November.', '2026-11-04T10:00:00Z');
      // Nothing earlier has a prevention action, but the search ran (its text-search index and settings) on PGlite.
      expect({ knownIssues: later.knownIssues, timedOut: later.knownIssuesTimedOut }).toEqual({ knownIssues: [], timedOut: false });

      const similar = await json(api(app, `/api/complaints/${later.id}/similar`));
      expect(similar.items).toEqual([
        expect.objectContaining({ id: earlier.id, reference: earlier.reference, similarity: 0.81, categoryCode: 'billing-error', preventionAction: null }),
      ]);
      expect(await json(api(app, `/api/complaints/${earlier.id}/similar`))).toEqual({ items: [], timedOut: false });

      // The customer's actions look the link up inside their transaction: on the single connection of the embedded
      // database a lookup on another connection would wait for ever (a 500 after the pool's timeout).
      const token = later.publicUrl.split('/').pop();
      const rating = await fetch(`${app.baseUrl}/public/complaints/${token}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ csat: 5 }),
      });
      expect({ status: rating.status, code: ((await rating.json()) as any).code }).toEqual({ status: 409, code: 'NOTHING_TO_RATE' });

      const themes = await json(api(app, '/api/themes?from=2026-11-01&to=2026-12-01'));
      expect(themes.items).toEqual([
        { categoryCode: 'billing-error', categoryName: 'Billing error', causeCode: null, count: 2, previousCount: 0, change: 2 },
      ]);
      app.child.kill('SIGTERM');
      await app.exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
