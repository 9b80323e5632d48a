/*
 * npm run bench:kpis: the committee's KPIs for a quarter against the one before (GET /api/kpis's work,
 * KpisService.compare) and the generation of an agenda (POST /api/meetings/:id/agenda's, AgendaService.generate,
 * whose six KPI periods are its heaviest part) on the seeded database (bench/seed.ts), in the built app
 * (npm run build first; app-bench.mjs says why plain JavaScript). Several rounds; min / median / max, the peak
 * resident memory above the app's idle, and the ratio to the same run's baseline: the SQL alone, i.e. the very
 * statements the call sent, recorded and replayed straight through pg (in a transaction rolled back, as the agenda
 * writes its version).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { load, startAppContext, stats } from './app-bench.mjs';
import pg from 'pg';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const ROUNDS = Number(values.rounds);
const ms = (value) => `${value.toFixed(0)} ms`;

/** Every statement the app sends while `recording` is set: pg's Client.query is where TypeORM's pool ends up. */
const recorded = [];
let recording = false;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  if (recording && typeof config === 'string' && !/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(config)) {
    recorded.push({ text: config, values });
  }
  return query.call(this, config, values, callback);
};

/** Runs `work` once; its time, the peak RSS above the start (sampled every 2 ms), and the statements it sent. */
async function measure(work) {
  recorded.length = 0;
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  recording = true;
  const started = performance.now();
  try {
    await work();
  } finally {
    recording = false;
    clearInterval(sampler);
  }
  return { ms: performance.now() - started, rssMb: (Math.max(peak, process.memoryUsage().rss) - before) / 2 ** 20, statements: [...recorded] };
}

/** The statements replayed one after the other on a connection of their own, as the app sent them. */
async function replay(client, statements) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  const started = performance.now();
  for (const s of statements) await query.call(client, s.text, s.values);
  const elapsed = performance.now() - started;
  await client.query('ROLLBACK');
  return elapsed;
}

async function main() {
  const [{ KpisService }, { AgendaService }, { DataSource }] = await Promise.all([load('kpis/kpis.service.js'), load('agenda/agenda.service.js'), import('typeorm')]);
  const app = await startAppContext();
  const kpis = app.get(KpisService);
  const agenda = app.get(AgendaService);
  const db = app.get(DataSource);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM complaints`);
  const [meeting] = await db.query(`SELECT id FROM meetings WHERE starts_at > now() ORDER BY starts_at LIMIT 1`);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();

  const to = new Date();
  const from = new Date(to.getTime() - 91 * 24 * 3_600_000);
  const cases = [
    { label: 'KPIs: a quarter against the previous one', run: () => kpis.compare({ from: from.toISOString(), to: to.toISOString() }) },
    ...(meeting ? [{ label: 'agenda generation (six KPI periods, themes, actions)', run: () => agenda.generate(meeting.id) }] : []),
  ];
  console.log(`complaints: ${count}, rounds: ${ROUNDS}`);
  console.log('| what | min | median | max | peak RSS above idle | SQL alone (median) | median / SQL alone |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const times = [];
    const sql = [];
    let rss = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const m = await measure(c.run);
      times.push(m.ms);
      rss = Math.max(rss, m.rssMb);
      sql.push(await replay(client, m.statements));
    }
    const t = stats(times);
    const s = stats(sql).median;
    console.log(`| ${c.label} | ${ms(t.min)} | ${ms(t.median)} | ${ms(t.max)} | ${rss.toFixed(0)} MB | ${ms(s)} | ${(t.median / s).toFixed(2)}× |`);
  }
  await client.end();
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
