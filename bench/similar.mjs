/*
 * npm run bench:similar: similar complaints on the seeded database (bench/seed.ts), as the support desk and staff
 * meet them: GET /api/complaints/:id/similar and POST /api/complaints (whose answer carries knownIssues) over HTTP
 * against the built app, and the known-issues search alone (the service intake calls), against the same run's
 * baseline: GET /api/complaints/:id, a primary-key lookup through the same HTTP stack. Several rounds of
 * --requests each, one request at a time, a different complaint each; per round p50 and p99, then min / median /
 * max over the rounds and the ratio of the medians.
 *
 * Plain JavaScript on the built app (npm run build first), like bench/sla-sweep.mjs; --dist points at another
 * build, so the same script measures the code before a change. Intake writes new complaints (rounds × requests),
 * so it changes the seeded data a little. WORKERS=false, so no scheduler ticks alongside.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    requests: { type: 'string', default: '100' },
    dist: { type: 'string', default: 'dist' },
    explain: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(values.rounds);
const REQUESTS = Number(values.requests);
if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the seeded database (npm run bench:seed)');
/** Staff 3 of the seed is an agent: reads complaints and logs them. */
const AGENT = { authorization: 'Bearer rds_bench_3', 'content-type': 'application/json' };

const load = (path) => import(pathToFileURL(resolve(values.dist, 'src', path)).href);

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const spread = (perRound) => {
  const sorted = [...perRound].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};
const ms = (value) => `${value.toFixed(1)} ms`;

async function main() {
  process.env.WORKERS = 'false';
  process.env.LOG_LEVEL = 'warn';
  // One client sends every request: the per-token limit would otherwise answer 429.
  process.env.RATE_LIMIT_PER_MINUTE = '1000000';
  const [{ NestFactory }, { AppModule }, { loadEnv }, { configureApp, createAdapter }, { SimilarComplaintsService, KNOWN_ISSUES_TIMEOUT_MS }, { SimilarComplaintsRepository }, { DataSource }] =
    await Promise.all([
      import('@nestjs/core'),
      load('app.module.js'),
      load('config/env.js'),
      load('configure-app.js'),
      load('similar-complaints/similar-complaints.service.js'),
      load('similar-complaints/similar-complaints.repository.js'),
      import('typeorm'),
    ]);
  const env = loadEnv();
  const app = await NestFactory.create(AppModule.forRoot(env), createAdapter(env), { logger: ['error'] });
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(DataSource);
  const service = app.get(SimilarComplaintsService);
  const repository = app.get(SimilarComplaintsRepository);
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM complaints`);

  // Complaints spread over the year, in a fixed pseudo-random order: the same ones on every run of the same seed.
  const sample = await db.query(
    `SELECT c.id, c.received_at AS "receivedAt", c.summary, c.description, c.customer_language AS language, cat.code AS "categoryCode"
       FROM complaints c JOIN categories cat ON cat.id = c.category_id
      WHERE c.type = 'complaint'
      ORDER BY md5(c.id::text)
      LIMIT $1`,
    [ROUNDS * REQUESTS],
  );

  const timed = async (run) => {
    const started = performance.now();
    const result = await run();
    return { elapsed: performance.now() - started, result };
  };
  const get = async (path) => {
    const res = await fetch(`${base}${path}`, { headers: AGENT });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return res.json();
  };
  const intake = async (complaint) => {
    const res = await fetch(`${base}/api/complaints`, {
      method: 'POST',
      headers: AGENT,
      body: JSON.stringify({
        type: 'complaint',
        channel: 'web',
        categoryCode: complaint.categoryCode,
        severity: 'medium',
        summary: complaint.summary,
        description: complaint.description,
        customer: { name: 'Bench Customer', email: 'bench@example.com', preferredChannel: 'email', language: complaint.language },
      }),
    });
    if (res.status !== 201) throw new Error(`POST /api/complaints: ${res.status} ${await res.text()}`);
    return res.json();
  };
  // The build before this benchmark answered knownIssuesFor with a plain list.
  const itemsOf = (answer) => (Array.isArray(answer) ? answer : answer.items);

  if (values.explain) {
    // A complaint of the last quarter: most of the year's look-alikes are before it.
    await explainStatements(db, repository, sample.find((c) => c.receivedAt.getTime() > Date.now() - 90 * 86_400_000));
    await app.close();
    return;
  }

  const series = { baseline: [], similar: [], intake: [], knownIssues: [], reworded: [], rewordedKnown: [] };
  const tally = { similarEmpty: 0, similarTimedOut: 0, knownFound: 0, knownTimedOut: 0, intakeTimedOut: 0, rewordedEmpty: 0, rewordedTimedOut: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const samples = { baseline: [], similar: [], intake: [], knownIssues: [], reworded: [], rewordedKnown: [] };
    for (const complaint of sample.slice(round * REQUESTS, (round + 1) * REQUESTS)) {
      samples.baseline.push((await timed(() => get(`/api/complaints/${complaint.id}`))).elapsed);
      const similar = await timed(() => get(`/api/complaints/${complaint.id}/similar`));
      samples.similar.push(similar.elapsed);
      if (similar.result.items.length === 0) tally.similarEmpty++;
      if (similar.result.timedOut) tally.similarTimedOut++;
      const created = await timed(() => intake(complaint));
      samples.intake.push(created.elapsed);
      if (created.result.knownIssuesTimedOut) tally.intakeTimedOut++;
      // The search intake ran, alone: the new complaint as its probe.
      const probe = await repository.findProbe(db.manager, created.result.id);
      const known = await timed(() => service.knownIssuesFor(probe));
      samples.knownIssues.push(known.elapsed);
      if (itemsOf(known.result).length > 0) tally.knownFound++;
      // The build before this benchmark did not say so; its cancelled searches show by their time.
      if (known.result.timedOut || known.elapsed >= KNOWN_ISSUES_TIMEOUT_MS) tally.knownTimedOut++;
      // The same complaint told with one word more: no earlier summary is identical, so the search reads every
      // candidate sharing the words (the seed repeats each summary hundreds of times; real summaries vary more).
      const reworded = { ...probe, summary: `${probe.summary} ${round + 2024}` };
      const rewordedSimilar = await timed(() => repository.findSimilarEarlier(db.manager, reworded, { limit: 5, onlyWithPreventionAction: false, timeoutMs: 2_000 }));
      samples.reworded.push(rewordedSimilar.elapsed);
      if (rewordedSimilar.result.length === 0) tally.rewordedEmpty++;
      const rewordedKnown = await timed(() => service.knownIssuesFor(reworded));
      samples.rewordedKnown.push(rewordedKnown.elapsed);
      if (rewordedKnown.result.timedOut || rewordedKnown.elapsed >= KNOWN_ISSUES_TIMEOUT_MS) tally.rewordedTimedOut++;
    }
    for (const key of Object.keys(series)) series[key].push({ p50: percentile(samples[key], 50), p99: percentile(samples[key], 99) });
  }
  await app.close();

  const total = ROUNDS * REQUESTS;
  const baseP50 = spread(series.baseline.map((r) => r.p50)).median;
  const line = (label, key) => {
    const p50 = spread(series[key].map((r) => r.p50));
    const p99 = spread(series[key].map((r) => r.p99));
    return `| ${label} | ${ms(p50.min)} / ${ms(p50.median)} / ${ms(p50.max)} | ${ms(p99.min)} / ${ms(p99.median)} / ${ms(p99.max)} | ${(p50.median / baseP50).toFixed(1)}× |`;
  };
  console.log(`complaints: ${count}, build: ${values.dist}, rounds: ${ROUNDS} × ${REQUESTS} requests, one at a time`);
  console.log('| per request | p50 (min / median / max of rounds) | p99 (min / median / max of rounds) | p50 / baseline p50 |');
  console.log('|---|---|---|---|');
  console.log(line('baseline: GET /api/complaints/:id', 'baseline'));
  console.log(line('GET /api/complaints/:id/similar', 'similar'));
  console.log(line('POST /api/complaints (with knownIssues)', 'intake'));
  console.log(line('knownIssues search alone (SimilarComplaintsService)', 'knownIssues'));
  console.log(line('reworded summary: similar search (repository, no timeout caught)', 'reworded'));
  console.log(line('reworded summary: knownIssues search', 'rewordedKnown'));
  console.log(
    `similar: ${tally.similarEmpty}/${total} empty, ${tally.similarTimedOut} timed out; ` +
      `knownIssues: ${tally.knownFound}/${total} found some, ${tally.knownTimedOut} timed out (${tally.intakeTimedOut} in the intake answers); ` +
      `reworded: ${tally.rewordedEmpty}/${total} similar empty, ${tally.rewordedTimedOut} knownIssues timed out`,
  );
}

/**
 * --explain: EXPLAIN (ANALYZE, BUFFERS) of every statement the search runs, for one seeded complaint (its own
 * summary, then reworded so that nothing earlier is identical), as GET /similar and as knownIssues, into
 * bench/explain/similar-<case>.txt. The repository is handed a manager whose queries are explained, then run.
 */
async function explainStatements(db, repository, complaint) {
  const probe = await repository.findProbe(db.manager, complaint.id);
  const reworded = { ...probe, summary: `${probe.summary} 2024` };
  const cases = [
    ['similar', probe, false],
    ['similar-reworded', reworded, false],
    ['known-issues', probe, true],
    ['known-issues-reworded', reworded, true],
  ];
  mkdirSync('bench/explain', { recursive: true });
  for (const [name, subject, onlyWithPreventionAction] of cases) {
    const report = [
      `-- npm run bench:similar -- --explain, ${new Date().toISOString()}`,
      `-- probe ${subject.id} (${subject.customerLanguage}, root cause ${subject.rootCauseCode ?? 'none'}): ${JSON.stringify(subject.summary)}`,
    ];
    const explaining = {
      transaction: (work) =>
        db.manager.transaction((tx) =>
          work({
            query: async (sql, params) => {
              if (!sql.includes('set_config')) {
                const plan = await tx.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
                report.push('', `-- parameters: ${JSON.stringify(params)}`, sql.trim(), '', ...plan.map((row) => row['QUERY PLAN']));
              }
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const items = await repository.findSimilarEarlier(explaining, subject, { limit: 5, onlyWithPreventionAction, timeoutMs: 2_000 });
    report.push('', `-- ${items.length} items`);
    writeFileSync(`bench/explain/similar-${name}.txt`, `${report.join('\n')}\n`);
    console.log(`bench/explain/similar-${name}.txt: ${items.length} items`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
