import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnApp, untilListening, type AppProcess } from '../support/app-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/*
 * What reaches the logs is what the process writes, so the built app runs as its own process and its output is read.
 * Refused requests are the point: nothing of theirs is trusted, and they are logged all the same.
 */

const TOKEN = 'request-logs-admin-token-0123456789abcdef0123';
const EMAIL = 'jane.doe@example.com';
const PHONE = '37120000000';
// The e-mail with every character percent-encoded, as a client may send it.
const ENCODED_EMAIL = [...Buffer.from(EMAIL)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');

interface RequestLine {
  req: { method: string; url: string };
  res?: { statusCode: number };
  context?: string;
}

/** Percent-decoded where it decodes: a value hidden by encoding must not pass the check. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe('the request logs', () => {
  let database: TestDatabase;
  let app: AppProcess;
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-request-logs-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = spawnApp({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      BOOTSTRAP_ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      WORKERS: 'false',
    });
    await untilListening(app);
  });

  afterAll(async () => {
    app.child.kill('SIGKILL');
    await app.exited;
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keep the path and the query's keys of refused and failed requests, and none of the values: no e-mail, no phone number", async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${path}`, { headers });
    const admin = { authorization: `Bearer ${TOKEN}` };
    // Unknown filters: refused by validation, after authentication.
    expect((await get(`/api/complaints?customerEmail=${EMAIL}&phone=%2B${PHONE}&bogus=1`, admin)).status).toBe(400);
    // No token: refused before anything else.
    expect((await get(`/api/complaints?customerEmail=${encodeURIComponent(EMAIL)}&phone=+${PHONE}`)).status).toBe(401);
    // No such route.
    expect((await get(`/api/nowhere?email=${ENCODED_EMAIL}&phone=%2B${PHONE}`, admin)).status).toBe(404);
    // A key that is itself the data.
    expect((await get(`/api/nowhere?${EMAIL}`, admin)).status).toBe(404);
    // A failure on our side: the database is gone, and the error is logged with its request.
    await database.drop();
    expect((await get(`/api/complaints?customerEmail=${EMAIL}&phone=%2B${PHONE}`, admin)).status).toBe(500);
    app.child.kill('SIGTERM');
    await app.exited;

    const lines = app.output().split('\n');
    const requests = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Partial<RequestLine>)
      .filter((entry): entry is RequestLine => entry.req !== undefined)
      // The request line's status, or the logger of a line written while serving the request.
      .map((entry) => `${entry.req.method} ${entry.req.url} ${entry.res?.statusCode ?? entry.context}`);
    expect(requests).toEqual([
      'GET /api/complaints?customerEmail=[redacted]&phone=[redacted]&bogus=[redacted] 400',
      'GET /api/complaints?customerEmail=[redacted]&phone=[redacted] 401',
      'GET /api/nowhere?email=[redacted]&phone=[redacted] 404',
      'GET /api/nowhere?[redacted] 404',
      'GET /api/complaints?customerEmail=[redacted]&phone=[redacted] HttpExceptionFilter',
      'GET /api/complaints?customerEmail=[redacted]&phone=[redacted] 500',
    ]);
    for (const line of lines) {
      for (const secret of [EMAIL, 'jane.doe', ENCODED_EMAIL, PHONE]) {
        expect(line).not.toContain(secret);
        expect(decoded(line)).not.toContain(secret);
      }
    }
  });
});
