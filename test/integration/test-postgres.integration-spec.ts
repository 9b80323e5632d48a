import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { installedPostgres, startTestServer } from '../support/global-setup.js';

/*
 * As root, the throwaway PostgreSQL of `npm test` runs as the postgres user, who may not enter the folder the project
 * was cloned into (/root, or a 0700 folder from mktemp -d). Anyone else runs it as themselves, who can.
 */
const describeAsRoot = userInfo().uid === 0 ? describe : describe.skip;

describeAsRoot("the tests' PostgreSQL as root (skipped for other users: only root runs it as another user)", () => {
  let clone: string;
  let root: string;
  // In beforeAll: a skipped describe's body still runs. mkdtemp makes 0700 folders: a clone the postgres user may
  // not enter, and a data folder it would not reach as made.
  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'redress-closed-clone-'));
    root = mkdtempSync(join(tmpdir(), 'redress-test-postgres-check-'));
  });
  afterAll(() => {
    rmSync(clone, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('starts from binaries in a folder the postgres user may not enter, and answers SELECT 1', async () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    const installed = installedPostgres(process.cwd());
    const nativeDir = join(clone, 'native');
    cpSync(installed.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });

    const server = await startTestServer({ ...installed, nativeDir }, root);
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  });

  it('says which folder to open, or to set TMPDIR, when the postgres user cannot reach the data folder', async () => {
    await expect(startTestServer(installedPostgres(process.cwd()), join(clone, 'servers'))).rejects.toThrow(
      `the postgres user (PostgreSQL refuses to run as root), and that user may not enter ${clone} (mode 700)`,
    );
  });
});
