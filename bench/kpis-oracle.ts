/*
 * npm run bench:kpis-oracle: the KPIs of a quarter against the one before, from the aggregates (KpisRepository)
 * and from the tables (test/support/kpis-oracle.ts, the statements used before AddKpiAggregates), in one snapshot
 * on the seeded database: each one's time over several rounds, and whether both give the same figures. Runs under
 * tsx: neither side needs the app's dependency injection. --explain DIR also writes EXPLAIN (ANALYZE, BUFFERS) of each
 * statement the aggregates' side sends to DIR/kpis-<n>.txt.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { KpisRepository } from '../src/kpis/kpis.repository.js';
import { oracleSeries } from '../test/support/kpis-oracle.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, explain: { type: 'string' } } });
if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the seeded database (npm run bench:seed)');

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const manager = { query: async (sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows } as unknown as EntityManager;
const now = new Date();
const quarter = 91 * 24 * 3_600_000;
const periods = [
  { from: new Date(now.getTime() - 2 * quarter), to: new Date(now.getTime() - quarter) },
  { from: new Date(now.getTime() - quarter), to: now },
];
const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
};
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

const aggregates: number[] = [];
const tables: number[] = [];
let same = true;
await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
for (let round = 0; round < Number(values.rounds); round++) {
  const [a, fromAggregates] = await time(() => new KpisRepository().series(manager, periods, now));
  const [t, fromTables] = await time(() => oracleSeries(manager, periods, now));
  aggregates.push(a);
  tables.push(t);
  // JSON first: the key order of the jsonb objects differs between the two, their content must not.
  same &&= isDeepStrictEqual(JSON.parse(JSON.stringify(fromAggregates)), JSON.parse(JSON.stringify(fromTables)));
}
if (values.explain) {
  let n = 0;
  const explaining = {
    query: async (sql: string, parameters?: unknown[]) => {
      if (!/^\s*SELECT set_config/.test(sql)) {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
        writeFileSync(join(values.explain!, `kpis-${++n}.txt`), `${sql.trim()}\n\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
      }
      return (await client.query(sql, parameters)).rows;
    },
  } as unknown as EntityManager;
  await new KpisRepository().series(explaining, periods, now);
}
await client.query('COMMIT');
await client.end();
console.log(`rounds: ${values.rounds}; the same figures: ${same ? 'yes' : 'NO'}`);
console.log(`| from the aggregates (median) | from the tables (median) | tables / aggregates |`);
console.log(`|---|---|---|`);
console.log(`| ${median(aggregates).toFixed(0)} ms | ${median(tables).toFixed(0)} ms | ${(median(tables) / median(aggregates)).toFixed(0)}× |`);
