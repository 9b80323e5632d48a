/*
 * npm run bench:sweep: one SLA sweep tick on the seeded database (bench/seed.ts), idle and with 10,000 fresh
 * resolution breaches, against the same run's baseline: a primary-key lookup of one complaint, the cheapest
 * statement the app makes. Several rounds; min / median / max and the ratio of the medians.
 * On the built app (npm run build first; app-bench.mjs says why).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { load, startAppContext, stats } from './app-bench.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, breaches: { type: 'string', default: '10000' } } });
const ROUNDS = Number(values.rounds);
const BREACHES = Number(values.breaches);
const ms = (value) => `${value.toFixed(1)} ms`;

async function main() {
  const [{ SlaSweepService }, { DataSource }] = await Promise.all([load('sla/sla-sweep.service.js'), import('typeorm')]);
  const app = await startAppContext();
  const sweeps = app.get(SlaSweepService);
  const db = app.get(DataSource);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM complaints`);
  const [{ id }] = await db.query(`SELECT id FROM complaints ORDER BY id LIMIT 1`);

  const time = async (run) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const baseline = async () => {
    const samples = [];
    for (let i = 0; i < 50; i++) samples.push(await time(() => db.query(`SELECT id, status, version FROM complaints WHERE id = $1`, [id])));
    return stats(samples).median;
  };

  // Whatever is due now is recorded first, so the idle rounds find nothing.
  await sweeps.sweep();
  const idle = [];
  const idleBase = [];
  for (let round = 0; round < ROUNDS; round++) {
    idleBase.push(await baseline());
    idle.push(await time(() => sweeps.sweep()));
  }

  const busy = [];
  const busyBase = [];
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    // Open complaints never breached whose resolution deadline has just passed, as if a busy morning's deadlines
    // fell due; other ones each round, since a complaint's breach is recorded once.
    const candidates = `SELECT c.id FROM complaints c
                         WHERE c.type = 'complaint' AND c.status IN ('received', 'acknowledged', 'in_resolution', 'reopened')
                           AND c.paused_at IS NULL AND c.resolution_breached_at IS NULL
                           AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'resolution_breached')
                         ORDER BY c.id LIMIT $1`;
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM (${candidates}) x`, [BREACHES]);
    if (left < BREACHES) {
      console.log(`only ${left} open complaints left to breach: the busy tick is measured on fewer rounds (reseed for more)`);
      break;
    }
    await db.query(`UPDATE complaints SET resolution_due_at = now() - interval '1 minute' WHERE id IN (${candidates})`, [BREACHES]);
    await db.query(`ANALYZE complaints`);
    busyBase.push(await baseline());
    busy.push(await time(() => sweeps.sweep()));
  }
  await app.close();

  const line = (label, samples, base) => {
    const s = stats(samples);
    const b = stats(base).median;
    return `| ${label} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} | ${ms(b)} | ${(s.median / b).toFixed(0)}× |`;
  };
  console.log(`complaints: ${count}, rounds: ${ROUNDS}`);
  console.log('| sweep tick | min | median | max | baseline (PK lookup, median) | median / baseline |');
  console.log('|---|---|---|---|---|---|');
  console.log(line('idle (nothing due)', idle, idleBase));
  if (busy.length > 0) console.log(line(`${BREACHES} new resolution breaches`, busy, busyBase));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
