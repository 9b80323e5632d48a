import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code, or the signal's name when a signal ended it. */
  exited: Promise<number | string | null>;
}

/**
 * The built app (`npm test` builds it first) as its own process, exactly as `npm start` runs it. Used where the
 * process matters: the embedded database, its directory lock, what reaches the logs.
 */
export function spawnApp(env: Record<string, string>): AppProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the tests through npm test, which builds first`);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { child, baseUrl: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

/** Waits until the process says it listens, or fails with what it printed. */
export async function untilListening(app: AppProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | string | null | undefined;
  void app.exited.then((code) => (exitCode = code));
  while (!app.output().includes('Redress listening on')) {
    if (exitCode !== undefined) throw new Error(`the app exited (${exitCode}) before listening:\n${app.output()}`);
    if (Date.now() > deadline) throw new Error(`the app did not listen within ${timeoutMs} ms:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
