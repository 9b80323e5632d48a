import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDirectory } from './data-directory-lock.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) served over the wire protocol, so the app talks
 * to it exactly as to a server. It has one session for all connections: the pool must hold one connection
 * (shared/notes/embedded-database-trial.md). Extensions load only when the instance is created, so every one
 * Redress uses is listed here.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir);
  const release = lockDataDirectory(dir);
  try {
    const pgdata = join(dir, 'pgdata');
    mkdirSync(pgdata, { recursive: true });
    const db = await PGlite.create(pgdata, { extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    const address = server.getServerConn();
    return {
      url: `postgres://postgres@${address}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
