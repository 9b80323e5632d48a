import type { Env } from '../config/env.js';
import { startEmbeddedDatabase } from './embedded-database.js';

export interface DatabaseLocation {
  url: string;
  poolSize: number;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The one place that decides where the data lives: a PostgreSQL server, or the embedded database. */
export async function locateDatabase(env: Env): Promise<DatabaseLocation> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedDatabase(env.DATA_DIR);
  return { url: embedded.url, poolSize: 1, embedded: true, stop: () => embedded.stop() };
}
