import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { intakeBody } from '../factories/organisation.js';
import { freePort, spawnApp, untilListening, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/*
 * The dispatcher as it runs in production: the built app in its own process, on a real database, delivering to a
 * webhook receiver in this process on real time. What only a process can show: pickup without anybody calling it,
 * a SIGKILL mid-delivery, a graceful SIGTERM, an API-only instance.
 */

const TOKEN = 'process-admin-token-0123456789abcdef0123456789';
const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Nest closes the app on SIGTERM, then ends the process with the same signal, as the convention is. */
function expectStopped(code: number | string | null): void {
  expect([0, 'SIGTERM']).toContain(code);
}

describe('the dispatcher in a running instance', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let receiver: WebhookReceiver;
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-delivery-process-'));
  const running: AppProcess[] = [];
  let deskToken: string;

  async function start(env: Record<string, string> = {}): Promise<AppProcess> {
    const app = spawnApp({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      DELIVERY_POLL_MS: '200',
      ...env,
    });
    running.push(app);
    await untilListening(app);
    return app;
  }

  const post = (app: AppProcess, path: string, body: unknown) => fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });

  /** A complaint logged through the API; answers its id. */
  async function intake(app: AppProcess): Promise<string> {
    const res = await fetch(`${app.baseUrl}/api/complaints`, {
      method: 'POST',
      headers: { ...admin, authorization: `Bearer ${deskToken}` },
      body: JSON.stringify(intakeBody({ customer: { ...intakeBody().customer, preferredChannel: 'portal' } })),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  const createdEvent = (complaintId: string) =>
    [...receiver.processed.values()].filter((e) => e.payload.type === 'complaint.created' && e.payload.data.complaintId === complaintId);

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    receiver = await startWebhookReceiver();
    // Set-up through an API-only instance: a category to log complaints in, an agent token, the webhook.
    const setup = await start({ WORKERS: 'false' });
    const dept = (await (await post(setup, '/api/departments', { code: 'billing', name: 'Billing' })).json()) as { id: string };
    expect((await post(setup, '/api/categories', { code: 'billing-error', name: 'Billing error', ownerDepartmentId: dept.id })).status).toBe(201);
    const webhook = (await (await post(setup, '/api/webhooks', { url: receiver.url, events: ['complaint.created'] })).json()) as { secret: string };
    receiver.setSecret(webhook.secret);
    deskToken = ((await (await post(setup, '/api/api-clients', { name: 'Support desk', roles: ['agent'] })).json()) as { token: string }).token;
    setup.child.kill('SIGTERM');
    await setup.exited;
  });

  afterAll(async () => {
    for (const app of running) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await Promise.all(running.map((app) => app.exited));
    await db.end();
    await receiver.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an API-only instance (WORKERS=false) delivers nothing; a worker instance picks the message up within seconds', async () => {
    const apiOnly = await start({ WORKERS: 'false' });
    const complaintId = await intake(apiOnly);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(createdEvent(complaintId)).toEqual([]);
    const [row] = (await db.query(`SELECT status, attempts FROM outbox_messages WHERE channel = 'webhook' AND body LIKE $1`, [`%${complaintId}%`])).rows;
    expect(row).toEqual({ status: 'pending', attempts: 0 });

    const worker = await start();
    const startedAt = Date.now();
    await until('the event', async () => createdEvent(complaintId).length === 1);
    // Generous for a loaded CI machine; the poll interval is 200 ms here.
    expect(Date.now() - startedAt).toBeLessThan(10_000);

    const fresh = await intake(apiOnly);
    await until('the next event, picked up by the running worker', async () => createdEvent(fresh).length === 1, 5_000);
    for (const app of [apiOnly, worker]) app.child.kill('SIGTERM');
    for (const code of await Promise.all([apiOnly.exited, worker.exited])) expectStopped(code);
  });

  it('a worker killed mid-delivery loses nothing: its claim falls due after the lease and another instance delivers it', async () => {
    receiver.hold(true);
    const victim = await start({ DELIVERY_LEASE_SECONDS: '2' });
    const complaintId = await intake(victim);
    const requests = receiver.requests;
    await until('the delivery to start', async () => receiver.requests > requests);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const [claimed] = (await db.query(`SELECT status, claim_token IS NOT NULL AS claimed FROM outbox_messages WHERE channel = 'webhook' AND body LIKE $1`, [`%${complaintId}%`])).rows;
    expect(claimed).toEqual({ status: 'pending', claimed: true });

    receiver.hold(false);
    const survivor = await start({ DELIVERY_LEASE_SECONDS: '2' });
    await until('the event, delivered by the survivor', async () => createdEvent(complaintId).length === 1);
    const [row] = (await db.query(`SELECT status, attempts FROM outbox_messages WHERE channel = 'webhook' AND body LIKE $1`, [`%${complaintId}%`])).rows;
    expect(row).toEqual({ status: 'sent', attempts: 2 });
    survivor.child.kill('SIGTERM');
    expectStopped(await survivor.exited);
  });

  it('on SIGTERM an instance stops claiming, gives back what it could not finish, and exits; nothing is lost', async () => {
    receiver.hold(true);
    const stopping = await start();
    const complaintId = await intake(stopping);
    const requests = receiver.requests;
    await until('the delivery to start', async () => receiver.requests > requests);
    const before = Date.now();
    stopping.child.kill('SIGTERM');
    expectStopped(await stopping.exited);
    expect(Date.now() - before).toBeLessThan(15_000);
    const [row] = (await db.query(`SELECT status, claim_token AS "claimToken" FROM outbox_messages WHERE channel = 'webhook' AND body LIKE $1`, [`%${complaintId}%`])).rows;
    // Given back (or, if the receiver timed out first, recorded as a failure to retry): never left claimed, never lost.
    expect(row.claimToken).toBeNull();
    expect(['pending', 'failed']).toContain(row.status);

    receiver.hold(false);
    await db.query(`UPDATE outbox_messages SET available_at = now() WHERE channel = 'webhook' AND body LIKE $1`, [`%${complaintId}%`]);
    const next = await start();
    await until('the event after the restart', async () => createdEvent(complaintId).length === 1);
    next.child.kill('SIGTERM');
    expectStopped(await next.exited);
  });
});
