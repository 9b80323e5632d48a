import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

/** Set by the global set-up: the migrated database that each test file's database is copied from. */
const TEMPLATE_URL_VAR = 'REDRESS_TEST_TEMPLATE_URL';
/** Arbitrary but fixed: serialises migrating and copying the template across Jest workers. */
const TEMPLATE_LOCK = 7_410_999;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function templateUrl(): string {
  const url = process.env[TEMPLATE_URL_VAR];
  if (!url) throw new Error(`${TEMPLATE_URL_VAR} is not set: run the tests through npm test`);
  return url;
}

/** Runs every pending migration; a no-op when the template is up to date. */
async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await dataSource.destroy();
  }
}

async function onMaintenanceDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // CREATE DATABASE … TEMPLATE needs nobody connected to the template, so we talk to the server elsewhere.
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file: a copy of the template, made in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateUrl();
  const templateName = decodeURIComponent(new URL(template).pathname.slice(1));
  const name = `redress_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase(template, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${templateName}"`);
      await migrate(template);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return {
    url: withDatabase(template, name),
    drop: async () => {
      await onMaintenanceDatabase(template, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
