/**
 * The benchmark seed (issue 11): migrates the database at DATABASE_URL with the app's own migrations, then fills it
 * with N complaints received over the last 12 months and everything that hangs off them, in realistic proportions,
 * as the app would have written them: timelines, outbox messages, answers, root causes, prevention actions and their
 * effectiveness checks, committees with meetings and minutes. See bench/README.md for what it makes and the timings.
 *
 *   npm run bench:seed -- --complaints 1000000 [--reset]
 *
 * How it stays fast: every row is made by INSERT … SELECT or CREATE TABLE … AS SELECT; no row makes a round trip.
 * Each complaint's story is planned once, in unlogged tables of a schema of its own (bench_seed), from deterministic
 * draws (hashint8extended of the complaint number), so the same N tells the same stories on every run, the ids of
 * complaints and messages included, apart from the moment of seeding. The app's tables are projections of that plan. Their
 * primary keys, unique keys, indexes and foreign keys are dropped first and recreated from their catalog definitions
 * once the rows are in: building an index once is far cheaper than maintaining it row by row, and adding a foreign
 * key checks every row in one join. Two sessions share the work so that both cores are busy (see seed()).
 *
 * How it stays true to the app: deadlines are computed in business time for the default calendar (Monday to Friday,
 * 09:00-17:00 UTC, no holidays: the calendar the first migration installs), exactly as addBusinessHours does; the SLA
 * sweep, the dispatcher and the effectiveness and committee sweeps are assumed to have run up to the moment of
 * seeding, so nothing is left for them to catch up on; names carry the keys redaction.ts computes (nameKeys), status
 * links are the HMAC the app derives, and every message body is composed by the app's own templates, with staff words
 * that the app's empathy and no-blame guards pass.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { transliterate } from 'transliteration';
import { DataSource } from 'typeorm';
import { hashToken } from '../src/auth/token.js';
import { meetingTimes, meetingsToSchedule, occurrences } from '../src/committees/cadence.js';
import { loadEnv } from '../src/config/env.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { checkMessage, type MessageKind } from '../src/empathy-guard/empathy-guard.js';
import {
  acknowledgementMessage,
  customerDate,
  delayMessage,
  informationRequestMessage,
  referralText,
  resolutionMessage,
  updateMessage,
} from '../src/notifications/customer-messages.js';
import { nameKeys } from '../src/privacy/redaction.js';
import { checkNoBlame } from '../src/root-causes/no-blame-guard.js';
import { DEFAULT_SLA_TARGETS, SEVERITIES } from '../src/sla/sla-targets.js';
import * as TEXT from './seed-texts.js';

// --- Proportions ----------------------------------------------------------------------------------------------------
// Shares of complaints (or of the step before) that take each turn; the README's table is what they add up to.

const SUGGESTION_SHARE = 0.08;
/** Resolved when the customer first got in touch: no acknowledgement, the answer is the first response. */
const FIRST_CONTACT_SHARE = 0.22;
/** A backlog that takes one to thirty months: most of today's open complaints and keep-informed tasks. */
const STUCK_SHARE = 0.13;
const HANDOFF_SHARE = 0.16;
/** One more message while the complaint is worked on: a customer update, a later date, or a question. */
const UPDATE_SHARE = 0.3;
const DISPUTE_SHARE = { upheld: 0.02, refusal: 0.1 };
const ROOT_CAUSE_SHARE = 0.985;
const FEEDBACK_SHARE = 0.3;
const INTERNAL_NOTE_SHARE = 0.2;
/** Distinct customers per complaint: some complain more than once. */
const CUSTOMERS_PER_COMPLAINT = 0.7;
/** Of the root causes recorded, those linked to a prevention action (the rest justify "no systemic cause"). */
const LINKED_SHARE = 0.3;
/** Prevention actions: a few dozen for a small organisation, a few hundred at a million complaints. */
const preventionActionCount = (complaints: number) => Math.round(30 + complaints / 4000);

const STAFF_PER_DEPARTMENT = { department_head: 2, agent: 13, resolver: 9 } as const;
const CHAIRS = 6;
/** The front line takes the calls: customer care has more agents than the others. */
const EXTRA_CUSTOMER_CARE_AGENTS = 6;

const DAY = 86_400;
const BUSINESS_DAY = 8 * 3600;
const BUSINESS_WEEK = 5 * BUSINESS_DAY;

// --- SQL helpers ----------------------------------------------------------------------------------------------------

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The k-th uniform draw in [0, 1) of row `key`: the same on every run, so a seed is reproducible. */
const u = (k: number, key = 'n') => `(((hashint8extended((${key})::bigint, ${k}) & 9007199254740991)::float8) / 9007199254740992.0)`;

/**
 * A version-4 UUID made of row `key`'s draws k and k + 1: the same on every run, like the rest of the data, and far
 * cheaper than gen_random_uuid() at millions of rows. Each kind of row uses its own k.
 */
const uuid = (k: number, key = 'n') =>
  `(lpad(to_hex((hashint8extended((${key})::bigint, ${k}) & -61441) | 16384), 16, '0')
    || to_hex((hashint8extended((${key})::bigint, ${k + 1}) & 4611686018427387903) | (1::bigint << 63)))::uuid`;

/** A weighted choice between SQL expressions, by one draw. */
function pick(draw: string, choices: readonly (readonly [string, number])[]): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let reached = 0;
  const arms = choices.slice(0, -1).map(([value, weight]) => {
    reached += weight;
    return `WHEN ${draw} < ${reached / total} THEN ${value}`;
  });
  return `(CASE ${arms.join(' ')} ELSE ${choices.at(-1)![0]} END)`;
}

/** An element of a 1-based SQL array, by one draw. */
const element = (array: string, draw: string) => `(${array})[1 + floor(${draw} * cardinality(${array}))::int]`;

/** Instants as the app writes them: JavaScript Dates, to the millisecond. */
const ms = (instant: string) => `date_trunc('milliseconds', ${instant})`;
const seconds = (n: string) => `((${n}) * interval '1 second')`;
const hours = (n: string) => `((${n}) * interval '1 hour')`;
const days = (n: string) => `((${n}) * interval '1 day')`;
/** An instant as JSON.stringify writes a Date into an event's data. */
const iso = (instant: string) => `to_char((${instant}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Business time of the default calendar as a number line: seconds of business time since Monday 3 January 2000,
 * 00:00 UTC, 28,800 per working day. An instant outside business hours counts as the next opening, so a deadline
 * is `atBusinessSecond(businessSecond(start) + hours * 3600)`, which is what addBusinessHours computes for that
 * calendar, a deadline using up a day exactly ending at its closing time. Both are written to mention their
 * argument as few times as possible: the planner pastes expressions into each other, and a nested one is copied
 * into every mention.
 */
const BUSINESS_EPOCH = Date.UTC(2000, 0, 3) / 1000;
function businessSecond(instant: string): string {
  const e = `(date_part('epoch', ${instant}) - ${BUSINESS_EPOCH})`;
  const week = `floor(${e} / ${7 * DAY})`;
  const day = `floor(${e} / ${DAY})`;
  // The week's business seconds before this day (all five, on a weekend), plus the day's own so far.
  return `(${BUSINESS_WEEK} * ${week} + least((${day} - 7 * ${week}) * ${BUSINESS_DAY} + least(greatest(${e} - ${DAY} * ${day} - 32400, 0), ${BUSINESS_DAY}), ${BUSINESS_WEEK}))`;
}
function atBusinessSecond(b: string): string {
  // Each business week spans 7 days, each business day 24 hours; a millisecond back and forth keeps a deadline that
  // ends exactly at closing time on that day.
  const x = `((${b}) - 0.001)`;
  return `to_timestamp(round((${BUSINESS_EPOCH + 32400.001} + ${x} + ${2 * DAY} * floor(${x} / ${BUSINESS_WEEK}) + ${DAY - BUSINESS_DAY} * floor(${x} / ${BUSINESS_DAY})) * 1000) / 1000)`;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

// --- Command line ---------------------------------------------------------------------------------------------------

function usage(problem: string): never {
  process.stderr.write(`${problem}\n\nUsage: DATABASE_URL=postgres://… npx tsx bench/seed.ts --complaints <N> [--reset]\n`);
  process.exit(2);
}

const { values: args } = parseArgs({ options: { complaints: { type: 'string' }, reset: { type: 'boolean', default: false } } });
const complaints = Number(args.complaints ?? '10000');
if (!Number.isInteger(complaints) || complaints < 1) usage(`--complaints must be a whole number of at least 1, not ${args.complaints}`);
const env = loadEnv();
if (!env.DATABASE_URL) usage('Set DATABASE_URL to the PostgreSQL database to seed');

// --- What the texts become ------------------------------------------------------------------------------------------

const PLACEHOLDER = { reference: '⟦reference⟧', team: '⟦team⟧', url: '⟦url⟧', date: '⟦date⟧' } as const;
const SAMPLE_DATE = new Date(Date.UTC(2001, 0, 1, 9, 0));

interface Template {
  lang: string;
  kind: string;
  variant: number;
  fields: (string | null)[];
  body: string;
  findings: string;
}

/**
 * A message as the app composes it, with placeholders where the complaint's own reference, team, link and date go.
 * The guard reads it twice, with two different fillings: it must block nothing, and its warnings (stored with the
 * message, as CustomerMessenger does) must not depend on the filling, so they hold for every complaint.
 */
function template(language: string, kind: string, variant: number, guardKind: MessageKind, fields: (string | null)[], compose: (c: { language: string; timeZone: string; reference: string; teamName: string; publicUrl: string }, date: Date) => string, timeZone: string): Template {
  const fill = (reference: string, teamName: string, publicUrl: string, date: Date) => compose({ language, timeZone, reference, teamName, publicUrl }, date);
  const samples = [fill('CMP-2026-000001', 'Billing', 'http://localhost:3000/public/complaints/x', SAMPLE_DATE), fill('CMP-2026-1234567', 'Returns and Refunds', 'https://status.example.com/public/complaints/abcdefghijklmnopqrstuvwxyz0123456789abcdefg', new Date(Date.UTC(2027, 8, 22, 16, 45)))];
  const [first, second] = samples.map((text) => checkMessage(text, language, guardKind));
  if (first.some((f) => f.severity === 'block') || JSON.stringify(first) !== JSON.stringify(second)) {
    throw new Error(`The ${kind} text ${variant} in ${language} does not pass the empathy guard the same way for every complaint: ${JSON.stringify(first)}`);
  }
  const body = fill(PLACEHOLDER.reference, PLACEHOLDER.team, PLACEHOLDER.url, SAMPLE_DATE).replaceAll(customerDate(SAMPLE_DATE, timeZone, language), PLACEHOLDER.date);
  return { lang: language, kind, variant, fields, body, findings: JSON.stringify(first.filter((f) => f.severity === 'warn')) };
}

function templates(timeZone: string, escalateTo: string, timeLimitDays: number): Template[] {
  const all: Template[] = [];
  for (const language of TEXT.LANGUAGES) {
    const ack = TEXT.ACKNOWLEDGEMENTS[language];
    ack.messages.forEach((message, m) =>
      ack.nextSteps.forEach((nextSteps, s) =>
        all.push(template(language, 'acknowledgement', m * ack.nextSteps.length + s + 1, 'acknowledgement', [message, nextSteps], (c, date) => acknowledgementMessage({ ...c, message, nextSteps, expectedBy: date }), timeZone)),
      ),
    );
    const thanks = TEXT.THANKS[language];
    all.push(template(language, 'thanks', 1, 'thanks', [thanks.message, thanks.nextSteps], (c) => acknowledgementMessage({ ...c, ...thanks, expectedBy: null }), timeZone));
    TEXT.UPDATES[language].forEach((body, i) => all.push(template(language, 'update', i + 1, 'update', [body], (c) => updateMessage({ ...c, body }), timeZone)));
    TEXT.DELAY_REASONS[language].forEach((customerReason, i) =>
      all.push(template(language, 'delay', i + 1, 'delay', [customerReason], (c, date) => delayMessage({ ...c, customerReason, expectedBy: date }), timeZone)),
    );
    TEXT.QUESTIONS[language].forEach(({ question, answer }, i) =>
      all.push(template(language, 'information_request', i + 1, 'update', [question, answer], (c) => informationRequestMessage({ ...c, question }), timeZone)),
    );
    // Numbered as outcomeVariant reads them: the three outcomes, then the two refusals without an alternative.
    (['upheld', 'partially_upheld', 'not_upheld', 'partially_upheld', 'not_upheld'] as const).forEach((outcome, i) => {
      const parts = { ...TEXT.RESOLUTIONS[language][outcome], ...(i >= 3 ? { alternativeOffered: null } : {}) };
      const referral = outcome === 'upheld' ? null : referralText(language, escalateTo, timeLimitDays);
      const fields = [outcome, parts.customerMessage, parts.remedy, parts.refusalReason, parts.alternativeOffered, parts.nextSteps, referral];
      all.push(template(language, 'resolution', i + 1, outcome === 'upheld' ? 'resolution' : 'refusal', fields, (c) => resolutionMessage({ ...c, ...parts, referralText: referral }), timeZone));
    });
  }
  return all;
}

/** The staff words that reach the committee are held to the no-blame rule, like the app holds them. */
function checkInternalTexts(staffNames: string[]): void {
  const texts = [
    ...Object.values(TEXT.ROOT_CAUSE_DESCRIPTIONS).flat(),
    ...TEXT.NO_SYSTEMIC_CAUSE,
    ...Object.values(TEXT.PREVENTION_ACTIONS).flatMap((actions) => actions.flatMap((a) => [a.title, a.description])),
  ];
  for (const text of texts) {
    const findings = checkNoBlame(text, staffNames);
    if (findings.length > 0) throw new Error(`"${text}" does not pass the no-blame guard: ${JSON.stringify(findings)}`);
  }
}

interface StaffMember {
  name: string;
  email: string;
  role: 'agent' | 'resolver' | 'department_head' | 'chair';
  department: number | null;
  token: string;
}

/**
 * 300 staff spread over the roles. Their tokens are predictable (rds_bench_<n>) so that benchmarks can act as any of
 * them; that is also why the seed refuses a database that holds complaints. No admin: the app creates the first one
 * when it starts (BootstrapAdminService), from BOOTSTRAP_ADMIN_TOKEN when set.
 */
function staffList(): StaffMember[] {
  const roles: { role: StaffMember['role']; department: number | null }[] = [];
  TEXT.DEPARTMENTS.forEach((_, d) => {
    for (const [role, count] of Object.entries(STAFF_PER_DEPARTMENT)) {
      for (let i = 0; i < count; i++) roles.push({ role: role as StaffMember['role'], department: d + 1 });
    }
  });
  for (let i = 0; i < EXTRA_CUSTOMER_CARE_AGENTS; i++) roles.push({ role: 'agent', department: 1 });
  for (let i = 0; i < CHAIRS; i++) roles.push({ role: 'chair', department: null });
  return roles.map(({ role, department }, i) => {
    const first = TEXT.STAFF_FIRST_NAMES[i % TEXT.STAFF_FIRST_NAMES.length];
    const last = TEXT.STAFF_LAST_NAMES[Math.floor(i / TEXT.STAFF_FIRST_NAMES.length) % TEXT.STAFF_LAST_NAMES.length];
    const local = transliterate(`${first}.${last}`).toLowerCase();
    return { name: `${first} ${last}`, email: `${local}.${i + 1}@staff.example.com`, role, department, token: `rds_bench_${i + 1}` };
  });
}

/** Every customer name of the pool with its redaction keys and an ASCII form for e-mail addresses. */
function customerNames() {
  return TEXT.LANGUAGES.flatMap((language) => {
    const names = TEXT.CUSTOMER_NAMES[language].flatMap(({ first, last }) => first.flatMap((f) => last.map((l) => `${f} ${l}`)));
    return names.map((name, idx) => ({ language, idx, name, keys: nameKeys(name), email: transliterate(name).toLowerCase().replace(/[^a-z]+/g, '.') }));
  });
}

/**
 * Weekday and month names as customerDate writes them, read back from it, so that SQL can write a date the same
 * way: "<weekday> <day> <month> <year>, <HH:mm>". Checked against customerDate itself on a few dates.
 */
function dateNames(language: string) {
  const parts = (at: Date) => /^(.+) (\d{1,2}) (.+) (\d{4}), (\d\d:\d\d)$/.exec(customerDate(at, 'UTC', language))!;
  // 1 January 2001 was a Monday: ISO weekdays 1 to 7, then the first day of each month.
  const weekdays = Array.from({ length: 7 }, (_, i) => parts(new Date(Date.UTC(2001, 0, 1 + i)))[1]);
  const months = Array.from({ length: 12 }, (_, i) => parts(new Date(Date.UTC(2001, i, 1)))[3]);
  for (const at of [SAMPLE_DATE, new Date(Date.UTC(2027, 8, 22, 16, 45))]) {
    const composed = `${weekdays[(at.getUTCDay() + 6) % 7]} ${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${at.toISOString().slice(11, 16)}`;
    if (composed !== customerDate(at, 'UTC', language)) throw new Error(`Dates in ${language} are not written "<weekday> <day> <month> <year>, <time>": ${customerDate(at, 'UTC', language)}`);
  }
  return { weekdays, months };
}

// --- The run ---------------------------------------------------------------------------------------------------------

/** Tables whose rows come from the migrations or the running app and that the seed keeps: taxonomy, settings, keys. */
const KEPT_TABLES = ['schema_migrations', 'root_causes', 'business_calendar', 'organisation_settings', 'instance_secrets'];
/**
 * Where the plan lives while the seed runs: unlogged tables that parallel workers and the second session can read,
 * with the definitions of the keys and indexes set aside (seed_deferred). Dropped when the seed has finished; found
 * by the next run if it did not, so that --reset can put everything back.
 */
const PLAN_SCHEMA = 'bench_seed';

interface Session {
  label: string;
  query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;
  /** Runs an INSERT and answers how many rows it wrote. */
  insert: (sql: string, parameters?: unknown[]) => Promise<number>;
}
type Query = Session['query'];

const started = Date.now();
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL!, 2));
  await dataSource.initialize();
  try {
    const migrated = await dataSource.runMigrations();
    process.stdout.write(`Migrations: ${migrated.length === 0 ? 'schema up to date' : `ran ${migrated.map((m) => m.name).join(', ')}`} (${elapsed(started)})\n`);
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      for (const runner of runners) await runner.connect();
      const [first, second] = runners.map((runner, i) => ({
        label: `${i + 1}`,
        query: (sql: string, parameters?: unknown[]) => runner.query(sql, parameters),
        insert: async (sql: string, parameters?: unknown[]) => ((await runner.query(sql, parameters, true)) as { affected?: number }).affected ?? 0,
      }));
      await seed(first, second);
    } finally {
      for (const runner of runners) await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The seed in three phases, from two sessions so that both cores work.
 * 1. One transaction (plan): empty the tables, set their keys and indexes aside, write the organisation; then each
 *    session plans half of the complaints.
 * 2. Each session fills its tables, each followed by its keys and indexes, then checks their foreign keys: the
 *    complaints (and their trigram index, the longest build) and the small tables in one; the timeline, the outbox,
 *    the staff tasks and notifications in the other.
 * 3. ANALYZE, split the same way, and the plan dropped.
 * A run that stops after phase 1 leaves the plan's schema behind, which makes the next run ask for --reset.
 */
async function seed(first: Session, second: Session): Promise<void> {
  const [{ seeded, unfinished }] = await first.query(
    `SELECT EXISTS (SELECT 1 FROM complaints) AS seeded, EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '${PLAN_SCHEMA}') AS unfinished`,
  );
  if ((seeded || unfinished) && !args.reset) {
    process.stderr.write(
      unfinished
        ? 'A previous seed of this database did not finish; run again with --reset to empty the app\'s tables and seed it anew.\n'
        : 'The database already has complaints; run again with --reset to empty the app\'s tables and seed it anew.\n',
    );
    process.exitCode = 1;
    return;
  }
  for (const session of [first, second]) {
    // This session's settings, not the server's: room to sort and hash millions of rows in memory and to build
    // indexes, and parallel plans for the statements that read the plan.
    for (const setting of [
      `work_mem = '512MB'`,
      `maintenance_work_mem = '1GB'`,
      'parallel_setup_cost = 0',
      'parallel_tuple_cost = 0',
      'min_parallel_table_scan_size = 0',
      `search_path = public, ${PLAN_SCHEMA}`,
      // No triggers: the KPI aggregates' would count every row on its way in; kpi_rebuild() counts them all at the end.
      'session_replication_role = replica',
    ]) {
      await session.query(`SET ${setting}`);
    }
  }
  const counts = new Map<string, number>();
  const { tables, deferred, settings } = await plan(first, counts, Boolean(unfinished));
  try {
    await fill(first, second, counts, deferred, settings);
  } catch (error) {
    process.stderr.write('The seed stopped half-way; run it again with --reset to start over.\n');
    throw error;
  }
  await step(first, 'KPI aggregates (kpi_rebuild)', async () => {
    await first.query('SELECT kpi_rebuild()');
    for (const table of ['kpi_hours', 'kpi_cause_days']) counts.set(table, Number((await first.query(`SELECT count(*) AS n FROM ${table}`))[0].n));
  });
  await Promise.all(
    [first, second].map((session, i) =>
      step(session, 'ANALYZE', () => session.query(`ANALYZE ${tables.filter((t) => SECOND_TABLES.includes(t) === (i === 1)).map(quoteIdent).join(', ')}`)),
    ),
  );
  await first.query(`DROP SCHEMA ${PLAN_SCHEMA} CASCADE`);
  report(counts, tables);
}

/** The tables the sessions fill in phase 2, in order; phase 1 restores the keys of all others (small or empty). */
const FIRST_TABLES = [
  'complaints',
  'prevention_actions',
  'effectiveness_checks',
  'resolutions',
  'customer_feedback',
  'handoffs',
  'complaint_notes',
  'information_requests',
  'meeting_minutes',
  'meeting_attendees',
  'meeting_decisions',
];
const SECOND_TABLES = ['complaint_events', 'outbox_messages', 'staff_tasks', 'staff_notifications'];
const ROWS_OF: Record<string, () => string> = {
  complaints: complaintsSql,
  prevention_actions: preventionActionsSql,
  effectiveness_checks: effectivenessChecksSql,
  resolutions: resolutionsSql,
  customer_feedback: feedbackSql,
  handoffs: handoffsSql,
  complaint_notes: notesSql,
  information_requests: informationRequestsSql,
  meeting_minutes: () => `INSERT INTO meeting_minutes (meeting_id, recorded_at) SELECT id, recorded_at FROM seed_meetings WHERE recorded_at IS NOT NULL`,
  meeting_attendees: meetingAttendeesSql,
  meeting_decisions: meetingDecisionsSql,
  complaint_events: eventsSql,
  outbox_messages: outboxSql,
  staff_tasks: staffTasksSql,
  staff_notifications: staffNotificationsSql,
};

/** Phases 1 (the second half: each session plans half the complaints) and 2. */
async function fill(first: Session, second: Session, counts: Map<string, number>, deferred: Definition[], settings: PlanSettings): Promise<void> {
  // Each session plans half of the complaints; while they plan the timelines, Node puts the message texts through the
  // empathy guard (the statements are on their way before it starts: the server works meanwhile).
  const half = Math.ceil(complaints / 2);
  const halves: [Session, Part][] = [
    [first, { from: 1, to: half }],
    [second, { from: half + 1, to: complaints }],
  ];
  await Promise.all(halves.map(([session, part]) => planIntake(session, part)));
  const timelines = Promise.all(halves.map(([session, part]) => planTimeline(session, part, settings.timeline)));
  await new Promise((resolve) => setImmediate(resolve));
  const checked = templates('UTC', settings.escalateTo, settings.timeLimitDays);
  await timelines;
  await step(first, 'texts of the messages', () => messageVocabulary(first.query, checked));
  await first.query(`ANALYZE ${PLAN_SCHEMA}.seed_c, ${PLAN_SCHEMA}.seed_p`);

  // Phase two. Each session runs its list; a failure in one stops the other at its next step. The second list waits
  // for what the first makes: the prevention plan (the timeline names the actions), the prevention actions' key.
  let failed = false;
  let prevention: () => void = () => {};
  let keyed: () => void = () => {};
  const planned = new Promise<void>((resolve) => (prevention = resolve));
  const actionsKeyed = new Promise<void>((resolve) => (keyed = resolve));
  const steps = async (session: Session, work: ((session: Session) => Promise<void>)[]) => {
    try {
      for (const task of work) {
        if (failed) return;
        await task(session);
      }
    } catch (error) {
      failed = true;
      prevention();
      keyed();
      throw error;
    }
  };
  const fillTable = (table: string) => async (session: Session) => {
    const rows = await step(session, table, () => session.insert(ROWS_OF[table]()));
    counts.set(table, (counts.get(table) ?? 0) + rows);
    await step(session, `${table}: keys and indexes`, () => restoreKeys(session, deferred, table));
  };
  // Adding a foreign key to the complaints waits while their indexes are being built (both lock the table): the first
  // list checks each small table's right after it, past that point; the second checks its own at its end.
  const checkForeignKeys = (...names: string[]) => (session: Session) => step(session, `foreign keys of ${names.join(', ')}`, () => restoreForeignKeys(session, deferred, names));
  await Promise.all([
    steps(first, [
      async (session) => {
        await step(session, 'plan: root causes and prevention actions', () => planPrevention(session.query));
        prevention();
      },
      fillTable('complaints'),
      ...FIRST_TABLES.slice(1).flatMap((table) => [
        fillTable(table),
        checkForeignKeys(table),
        async () => {
          if (table === 'prevention_actions') keyed();
        },
      ]),
      checkForeignKeys('complaints'),
    ]),
    steps(second, [
      (session) => step(session, 'plan: messages', () => planMessages(session.query)),
      () => planned,
      ...SECOND_TABLES.map((table) => fillTable(table)),
      // Notifications point at prevention actions too, whose key the first list makes.
      () => actionsKeyed,
      checkForeignKeys(...SECOND_TABLES),
    ]),
  ]);
  await first.query(`SELECT setval('complaint_reference_seq', ${complaints})`);
}


async function step<T>(session: Session, label: string, work: () => Promise<T>): Promise<T> {
  const at = Date.now();
  const result = await work();
  process.stdout.write(`  [${session.label}] ${label}: ${elapsed(at)}\n`);
  return result;
}

/** A key, an index or a foreign key of an app table, as the catalog defines it. */
interface Definition {
  table: string;
  name: string;
  /** p, u, f: primary key, unique key, foreign key (pg_constraint.contype); i: an index that backs no constraint. */
  kind: string;
  definition: string;
}

/**
 * Phase 1, in one transaction: empties the app's tables, sets their keys and indexes aside (in seed_deferred too,
 * for a run that stops half-way: the next one takes them back here), and writes the organisation and the vocabulary.
 */
async function plan(session: Session, counts: Map<string, number>, unfinished: boolean): Promise<{ tables: string[]; deferred: Definition[]; settings: PlanSettings }> {
  await session.query('BEGIN');
  try {
    const left = unfinished ? ((await session.query(`SELECT "table", name, kind, definition FROM ${PLAN_SCHEMA}.seed_deferred`)) as unknown as Definition[]) : [];
    await session.query(`DROP SCHEMA IF EXISTS ${PLAN_SCHEMA} CASCADE`);
    const { tables, deferred } = await step(session, "empty the app's tables, set their keys and indexes aside", () => emptyTables(session.query));
    const all = [...deferred, ...left.filter((l) => !deferred.some((d) => d.name === l.name))];
    await session.query(`CREATE SCHEMA ${PLAN_SCHEMA}`);
    await session.query(
      `CREATE TABLE ${PLAN_SCHEMA}.seed_deferred AS SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS d("table", name, kind, definition)`,
      [all.map((d) => d.table), all.map((d) => d.name), all.map((d) => d.kind), all.map((d) => d.definition)],
    );
    const settings = await fillPlan(session, counts);
    const early = tables.filter((t) => !FIRST_TABLES.includes(t) && !SECOND_TABLES.includes(t));
    await step(session, 'keys, indexes and foreign keys of the other tables', async () => {
      for (const table of early) await restoreKeys(session, all, table);
      await restoreForeignKeys(session, all, early);
    });
    await session.query('COMMIT');
    return { tables, deferred: all, settings };
  } catch (error) {
    await session.query('ROLLBACK');
    throw error;
  }
}

/**
 * Truncates every app table but the kept ones, then drops their primary keys, unique keys, indexes and foreign keys,
 * remembering each one's definition as the catalog states it, so they come back exactly as the migrations made them.
 * Partial indexes on what is open, due or flagged stay: they hold few rows, and keeping one up to date costs a test
 * of its condition per row, where building it afterwards would read the whole table again; those on a column being
 * set (x IS NOT NULL) are rebuilt like the others, as most rows have it. The append-only tables
 * refuse TRUNCATE by trigger: those triggers are switched off for this statement only.
 */
async function emptyTables(query: Query): Promise<{ tables: string[]; deferred: Definition[] }> {
  const tables = (await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename`, [KEPT_TABLES])).map(
    (r) => r.tablename as string,
  );
  const truncateTriggers = await query(
    `SELECT c.relname AS "table", t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relname = ANY($1) AND NOT t.tgisinternal AND (t.tgtype & 32) <> 0`,
    [tables],
  );
  for (const t of truncateTriggers) await query(`ALTER TABLE ${quoteIdent(t.table as string)} DISABLE TRIGGER ${quoteIdent(t.name as string)}`);
  await query(`TRUNCATE ${tables.map(quoteIdent).join(', ')} RESTART IDENTITY`);
  for (const t of truncateTriggers) await query(`ALTER TABLE ${quoteIdent(t.table as string)} ENABLE TRIGGER ${quoteIdent(t.name as string)}`);

  const deferred = (await query(
    `SELECT cl.relname AS "table", co.conname AS name, co.contype::text AS kind, pg_get_constraintdef(co.oid) AS definition
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE ns.nspname = 'public' AND cl.relname = ANY($1) AND co.contype IN ('p', 'u', 'f')
      UNION ALL
     SELECT t.relname, i.relname, 'i', pg_get_indexdef(i.oid)
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public' AND t.relname = ANY($1) AND (x.indpred IS NULL OR pg_get_expr(x.indpred, x.indrelid) ~ '^\\(?\\w+ IS NOT NULL\\)?$')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = x.indexrelid AND co.contype IN ('p', 'u', 'x'))`,
    [tables],
  )) as unknown as Definition[];
  // Foreign keys first: they hold on to the keys they point at.
  for (const kind of ['f', 'p', 'u']) {
    for (const c of deferred.filter((d) => d.kind === kind)) await query(`ALTER TABLE ${quoteIdent(c.table)} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  }
  for (const i of deferred.filter((d) => d.kind === 'i')) await query(`DROP INDEX ${quoteIdent(i.name)}`);
  return { tables, deferred };
}

async function restoreForeignKeys(session: Session, deferred: Definition[], tables: string[]): Promise<void> {
  for (const c of deferred.filter((d) => tables.includes(d.table) && d.kind === 'f')) {
    await session.query(`ALTER TABLE ${quoteIdent(c.table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  }
}

/** A filled table's primary and unique keys, then its other indexes, each built once over all its rows. */
async function restoreKeys(session: Session, deferred: Definition[], table: string): Promise<void> {
  for (const c of deferred.filter((d) => d.table === table && (d.kind === 'p' || d.kind === 'u'))) {
    await session.query(`ALTER TABLE ${quoteIdent(c.table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  }
  for (const i of deferred.filter((d) => d.table === table && d.kind === 'i')) await session.query(i.definition);
}

function report(counts: Map<string, number>, tables: string[]): void {
  const width = Math.max(...tables.map((t) => t.length));
  process.stdout.write(`\nRows (per complaint):\n`);
  for (const table of tables) {
    const rows = counts.get(table) ?? 0;
    process.stdout.write(`  ${table.padEnd(width)} ${String(rows).padStart(10)}  ${(rows / complaints).toFixed(3).padStart(8)}\n`);
  }
  const staff = staffList();
  const first = (role: StaffMember['role']) => staff.findIndex((s) => s.role === role) + 1;
  process.stdout.write(
    `\nSeeded ${complaints} complaints in ${elapsed(started)}.\n` +
      `Tokens: staff n has rds_bench_<n> (${first('agent')} is an agent, ${first('resolver')} a resolver and ${first('department_head')} the head of ` +
      `${TEXT.DEPARTMENTS[0].name}, ${first('chair')} a chair); the support desk's API client has rdc_bench_support_desk. ` +
      `The app creates the first admin when it starts (BOOTSTRAP_ADMIN_TOKEN).\n`,
  );
}

// --- The rows --------------------------------------------------------------------------------------------------------

/** The moment the story stops: everything planned after it has not happened yet. */
const now = new Date();
const NOW = `'${now.toISOString()}'::timestamptz`;
/** Complaints are received over the 365 days before now; the organisation has existed a little longer. */
const START = `(${NOW} - interval '365 days')`;
const FOUNDED = `(${NOW} - interval '400 days')`;
/** Whether a planned instant has come (false for a step that is not planned at all). */
const happened = (instant: string) => `coalesce(${instant} <= ${NOW}, false)`;
/** The instant if it has come, else NULL. */
const ifHappened = (instant: string) => `CASE WHEN ${happened(instant)} THEN ${instant} END`;
/** The SLA sweep's tick: a flag is set within the minute after its moment. */
const sweepDelay = (k: number) => seconds(`1 + 58 * ${u(k)}`);

const CHANNELS = [["'web'", 30], ["'email'", 25], ["'phone'", 22], ["'api'", 10], ["'in_person'", 7], ["'social'", 4], ["'letter'", 2]] as const;
const SEVERITY_WEIGHTS = [["'low'", 35], ["'medium'", 40], ["'high'", 20], ["'critical'", 5]] as const;
const PREFERRED = [["'email'", 52], ["'portal'", 18], ["'phone'", 16], ["'sms'", 9], ["'letter'", 5]] as const;
const OUTCOMES = [["'upheld'", 55], ["'partially_upheld'", 25], ["'not_upheld'", 20]] as const;
const SECOND_OUTCOMES = [["'upheld'", 40], ["'partially_upheld'", 35], ["'not_upheld'", 25]] as const;
/** Refusals that offer an alternative; the others say why and what the customer can do, and no more. */
const ALTERNATIVE_SHARE = 0.6;
/**
 * The template of an outcome (`p.outcome1` or `p.outcome2`), as templates() numbers them: upheld, then each refusal
 * with an alternative, then each without one.
 */
const outcomeVariant = (outcome: string) => {
  const withAlternative = `${u(outcome.endsWith('2') ? 131 : 130, 'p.n')} < ${ALTERNATIVE_SHARE}`;
  return `CASE ${outcome} WHEN 'upheld' THEN 1 WHEN 'partially_upheld' THEN CASE WHEN ${withAlternative} THEN 2 ELSE 4 END
                         ELSE CASE WHEN ${withAlternative} THEN 3 ELSE 5 END END`;
};
/** Ids of the rows the plan makes; a kind of row per k (and k + 1). */
const ID = { complaint: 500, resolution: 502, secondResolution: 504, note: 506, updateNote: 508, question: 510, keepInformedTask: 512, message: 514, outreachTask: 516, action: 518, check: 520 };

/** Runs an INSERT and adds the rows it wrote to the table's count. */
type Insert = (table: string, sql: string, parameters?: unknown[]) => Promise<void>;

interface TimelineSettings {
  atRiskShare: number;
  /** The keep-informed interval, in business seconds. */
  keepInformed: number;
  link: { inner: Buffer; outer: Buffer };
}
interface PlanSettings {
  timeline: TimelineSettings;
  escalateTo: string;
  timeLimitDays: number;
}

/** What the plan is made from: the organisation (written at once, it is small), the vocabulary and the empty plan tables. */
async function fillPlan(session: Session, counts: Map<string, number>): Promise<PlanSettings> {
  const { query } = session;
  const insert: Insert = async (table, sql, parameters) => {
    const rows = await step(session, table, () => session.insert(sql, parameters));
    counts.set(table, (counts.get(table) ?? 0) + rows);
  };
  const [calendar] = await query(`SELECT time_zone, working_days, work_starts_at, work_ends_at, holidays FROM business_calendar WHERE id = 1`);
  if (
    calendar.time_zone !== 'UTC' ||
    String(calendar.working_days) !== '1,2,3,4,5' ||
    calendar.work_starts_at !== '09:00' ||
    calendar.work_ends_at !== '17:00' ||
    (calendar.holidays as string[]).length > 0
  ) {
    throw new Error('The seed computes deadlines in the default business calendar (Monday to Friday, 09:00-17:00 UTC, no holidays); this database has another one.');
  }
  const [settings] = await query(
    `SELECT referral_escalate_to, referral_time_limit_days, at_risk_share::float8 AS at_risk_share, keep_informed_business_days FROM organisation_settings WHERE id = 1`,
  );
  const keepInformed = (settings.keep_informed_business_days as number) * BUSINESS_DAY;

  await organisation(query, insert);
  await step(session, 'names and places', () => intakeVocabulary(query));
  const timeline: TimelineSettings = { atRiskShare: settings.at_risk_share as number, keepInformed, link: hmacKeys(await publicLinkKey(query)) };
  // The plan's two big tables, empty: the sessions fill one half each (planIntake, planTimeline).
  await query(`CREATE UNLOGGED TABLE ${PLAN_SCHEMA}.seed_c AS ${intakeSql({ from: 1, to: 0 })} WITH NO DATA`);
  await query(`CREATE UNLOGGED TABLE ${PLAN_SCHEMA}.seed_p AS ${timelineSql({ from: 1, to: 0 }, timeline)} WITH NO DATA`, timelineParameters(timeline));
  return { timeline, escalateTo: settings.referral_escalate_to as string, timeLimitDays: settings.referral_time_limit_days as number };
}

/** The complaints numbered `from` to `to`: each session plans one half of them, at the same time as the other. */
interface Part {
  from: number;
  to: number;
}

const planIntake = (session: Session, part: Part) =>
  step(session, `plan: intake of ${part.from}-${part.to}`, () => session.query(`INSERT INTO ${PLAN_SCHEMA}.seed_c ${intakeSql(part)}`));
const planTimeline = (session: Session, part: Part, timeline: TimelineSettings) =>
  step(session, `plan: timeline of ${part.from}-${part.to}`, () => session.query(`INSERT INTO ${PLAN_SCHEMA}.seed_p ${timelineSql(part, timeline)}`, timelineParameters(timeline)));

/**
 * A plan table: unlogged, in the plan's schema, filled by a (parallel) query. Rows of the small tables hold long text
 * arrays that every big statement reads by index: kept inline, they are not fetched and decompressed for each use.
 */
const planTable = (name: string, select: string) => `CREATE UNLOGGED TABLE ${PLAN_SCHEMA}.${name} WITH (toast_tuple_target = 8160) AS ${select}`;

/** Departments, staff, the support desk's API client, categories with their SLA targets, committees and meetings. */
async function organisation(query: Query, insert: Insert): Promise<void> {
  await query(
    planTable('seed_departments', `SELECT d.idx::int, gen_random_uuid() AS id, d.code, d.name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS d(code, name, idx)`),
    [TEXT.DEPARTMENTS.map((d) => d.code), TEXT.DEPARTMENTS.map((d) => d.name)],
  );
  await insert('departments', `INSERT INTO departments (id, code, name, created_at) SELECT id, code, name, ${FOUNDED} FROM seed_departments ORDER BY idx`);

  const staff = staffList();
  checkInternalTexts(staff.map((s) => s.name));
  await query(
    planTable(
      'seed_staff',
      `SELECT s.n::int, gen_random_uuid() AS id, s.name, s.email, s.role, s.department, s.token_hash
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS s(name, email, role, department, token_hash, n)`,
    ),
    [staff.map((s) => s.name), staff.map((s) => s.email), staff.map((s) => s.role), staff.map((s) => s.department), staff.map((s) => hashToken(s.token))],
  );
  await insert(
    'staff',
    `INSERT INTO staff (id, name, email, role, department_id, token_hash, created_at)
     SELECT s.id, s.name, s.email, s.role, d.id, s.token_hash, ${FOUNDED} FROM seed_staff s LEFT JOIN seed_departments d ON d.idx = s.department ORDER BY s.n`,
  );
  // Who can act for each department, by role: the plan picks its actors from these.
  await query(
    planTable(
      'seed_teams',
      `SELECT d.idx, d.id, d.name,
              array_agg(s.id ORDER BY s.n) FILTER (WHERE s.role = 'agent') AS agents,
              array_agg(s.id ORDER BY s.n) FILTER (WHERE s.role = 'resolver') AS resolvers,
              array_agg(s.id ORDER BY s.n) FILTER (WHERE s.role = 'department_head') AS heads
         FROM seed_departments d JOIN seed_staff s ON s.department = d.idx
        GROUP BY d.idx, d.id, d.name`,
    ),
  );
  await insert(
    'api_clients',
    `INSERT INTO api_clients (id, name, roles, token_hash, created_at) VALUES ($1, 'Support desk (benchmark)', '{agent}', $2, ${FOUNDED})`,
    [SUPPORT_DESK, hashToken('rdc_bench_support_desk')],
  );

  const targets = TEXT.CATEGORIES.map(({ sla }) => {
    const scale = (hours: Record<string, number>) => Object.fromEntries(SEVERITIES.map((s) => [s, Math.max(0.25, Math.round(hours[s] * sla * 4) / 4)]));
    return JSON.stringify({ firstResponseHours: scale(DEFAULT_SLA_TARGETS.firstResponseHours), resolutionHours: scale(DEFAULT_SLA_TARGETS.resolutionHours) });
  });
  await query(
    planTable(
      'seed_categories',
      `SELECT c.idx::int, gen_random_uuid() AS id, c.code, c.name, d.idx AS department, c.targets
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS c(code, name, department, targets, idx)
         JOIN seed_departments d ON d.code = c.department`,
    ),
    [TEXT.CATEGORIES.map((c) => c.code), TEXT.CATEGORIES.map((c) => c.name), TEXT.CATEGORIES.map((c) => c.department), targets],
  );
  await insert(
    'categories',
    `INSERT INTO categories (id, code, name, owner_department_id, targets, created_at)
     SELECT c.id, c.code, c.name, d.id, c.targets, ${FOUNDED} FROM seed_categories c JOIN seed_departments d ON d.idx = c.department ORDER BY c.idx`,
  );

  // Meetings are the occurrences of each cadence over the year, and the ones the scheduler keeps ahead, computed by
  // the app's own cadence rules (time zones, clock changes), so the scheduler finds every meeting it would make.
  const committees = TEXT.COMMITTEES.map((c) => ({ ...c, id: randomUUID() }));
  const meetings = committees.flatMap((committee) => {
    const past: Date[] = [];
    for (const at of occurrences(committee.cadence, committee.timeZone, new Date(now.getTime() - 365 * DAY * 1000))) {
      if (at > now) break;
      past.push(at);
    }
    return [...past.map((at) => meetingTimes(at, committee)), ...meetingsToSchedule(committee, now)].map((m) => ({ ...m, committeeId: committee.id }));
  });
  await insert(
    'committees',
    `INSERT INTO committees (id, name, cadence, time_zone, duration_minutes, agenda_lead_days, created_at)
     SELECT *, ${FOUNDED} FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[])`,
    [
      committees.map((c) => c.id),
      committees.map((c) => c.name),
      committees.map((c) => c.cadence),
      committees.map((c) => c.timeZone),
      committees.map((c) => c.durationMinutes),
      committees.map((c) => c.agendaLeadDays),
    ],
  );
  await insert(
    'committee_members',
    `INSERT INTO committee_members (committee_id, department_id)
     SELECT m.committee_id, d.id FROM unnest($1::uuid[], $2::text[]) AS m(committee_id, department) JOIN seed_departments d ON d.code = m.department`,
    [committees.flatMap((c) => c.departments.map(() => c.id)), committees.flatMap((c) => c.departments)],
  );
  // A meeting is created when it comes into view (two ahead), its agenda published by the scheduler's tick after it
  // fell due, and its minutes recorded within two days of its end. No agenda versions are stored: building one is
  // the agenda benchmark's work, and the app builds it on demand (POST /api/meetings/:id/agenda).
  const recorded = `m.ends_at + ${hours(`1 + 47 * ${u(3, 'm.idx')}`)}`;
  await query(
    planTable(
      'seed_meetings',
      `SELECT gen_random_uuid() AS id, m.committee_id, m.starts_at, m.ends_at, m.agenda_due_at, m.idx,
              CASE WHEN m.agenda_due_at <= ${NOW} THEN ${ms(`m.agenda_due_at + ${seconds(`60 + 540 * ${u(1, 'm.idx')}`)}`)} END AS agenda_published_at,
              CASE WHEN ${u(2, 'm.idx')} < 0.9 AND ${happened(recorded)} THEN ${ms(recorded)} END AS recorded_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS m(committee_id, starts_at, ends_at, agenda_due_at, idx)`,
    ),
    [meetings.map((m) => m.committeeId), meetings.map((m) => m.startsAt), meetings.map((m) => m.endsAt), meetings.map((m) => m.agendaDueAt)],
  );
  await insert(
    'meetings',
    `INSERT INTO meetings (id, committee_id, starts_at, ends_at, source, agenda_due_at, agenda_published_at, created_at)
     SELECT id, committee_id, starts_at, ends_at, 'scheduled', agenda_due_at, agenda_published_at, least(agenda_due_at, ${NOW}) - interval '14 days'
       FROM seed_meetings ORDER BY starts_at`,
  );
}

/** The support desk: the API client that files web and API complaints. */
const SUPPORT_DESK = randomUUID();

const NAMES = customerNames();
const namesIn = (language: string) => NAMES.filter((n) => n.language === language).length;

/** What intake draws from: customers' names, contact details by language, and the numbers of the complaints. */
async function intakeVocabulary(query: Query): Promise<void> {
  const places = TEXT.LANGUAGES.map((lang) => ({
    lang,
    phone_prefix: TEXT.PHONES[lang].prefix,
    phone_digits: TEXT.PHONES[lang].digits,
    streets: TEXT.ADDRESSES[lang].streets,
    towns: TEXT.ADDRESSES[lang].towns,
    contacts: TEXT.CONTACT_INSTRUCTIONS[lang],
  }));
  await query(
    planTable('seed_places', `SELECT * FROM jsonb_to_recordset($1::jsonb) AS l(lang text, phone_prefix text, phone_digits int, streets text[], towns text[], contacts text[])`),
    [JSON.stringify(places)],
  );
  await query(planTable('seed_names', `SELECT * FROM jsonb_to_recordset($1::jsonb) AS n(language text, idx int, name text, keys text[], email text)`), [JSON.stringify(NAMES)]);
  const causes = Object.entries(TEXT.ROOT_CAUSE_DESCRIPTIONS).map(([code, descriptions]) => ({ code, descriptions, ...TEXT.PREVENTION_ACTIONS[code][0] }));
  await query(planTable('seed_causes', `SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(code text, descriptions text[], title text, description text)`), [JSON.stringify(causes)]);
  // One row of what every complaint statement looks up by index: cheaper than joining small tables a million times.
  await query(
    planTable(
      'seed_org',
      `SELECT (SELECT array_agg(id ORDER BY idx) FROM seed_departments) AS department_ids, (SELECT array_agg(name ORDER BY idx) FROM seed_departments) AS department_names,
              (SELECT jsonb_object_agg(code, descriptions) FROM seed_causes) AS cause_descriptions`,
    ),
  );
  await query(planTable('seed_numbers', `SELECT n FROM generate_series(1, ${complaints}) AS n`));
  for (const table of ['seed_departments', 'seed_staff', 'seed_teams', 'seed_categories', 'seed_meetings', 'seed_places', 'seed_names', 'seed_causes', 'seed_org', 'seed_numbers']) {
    await query(`ANALYZE ${PLAN_SCHEMA}.${table}`);
  }
}

/** What complaints and messages are written with, by language: the texts and the checked message templates. */
async function messageVocabulary(query: Query, all: Template[]): Promise<void> {
  // The staff words of each kind of message, by variant, so that the big statements read them by index.
  const words = (lang: string, kind: string, field: number) => all.filter((t) => t.lang === lang && t.kind === kind).sort((a, b) => a.variant - b.variant).map((t) => t.fields[field]);
  const languages = TEXT.LANGUAGES.map((lang) => ({
    lang,
    problems: TEXT.PROBLEMS[lang],
    descriptions: TEXT.DESCRIPTIONS[lang],
    ideas: TEXT.IDEAS[lang],
    idea_description: TEXT.IDEA_DESCRIPTIONS[lang],
    desired: TEXT.DESIRED_OUTCOMES[lang],
    subjects: TEXT.CATEGORIES.map((c) => c.subject[lang]),
    disputes: TEXT.DISPUTE_REASONS[lang],
    comments: TEXT.FEEDBACK_COMMENTS[lang],
    ack_next: words(lang, 'acknowledgement', 1),
    thanks_next: words(lang, 'thanks', 1)[0],
    updates: words(lang, 'update', 0),
    delays: words(lang, 'delay', 0),
    questions: words(lang, 'information_request', 0),
    answers: words(lang, 'information_request', 1),
    res_message: words(lang, 'resolution', 1),
    res_remedy: words(lang, 'resolution', 2),
    res_refusal: words(lang, 'resolution', 3),
    res_alternative: words(lang, 'resolution', 4),
    res_next: words(lang, 'resolution', 5),
    res_referral: words(lang, 'resolution', 6),
    ...dateNames(lang),
  }));
  await query(
    planTable(
      'seed_languages',
      `SELECT * FROM jsonb_to_recordset($1::jsonb) AS l(lang text, problems text[], descriptions text[], ideas text[], idea_description text, desired text[],
              subjects text[], disputes text[], comments text[], ack_next text[], thanks_next text, updates text[], delays text[], questions text[], answers text[],
              res_message text[], res_remedy text[], res_refusal text[], res_alternative text[], res_next text[], res_referral text[], weekdays text[], months text[])`,
    ),
    [JSON.stringify(languages)],
  );
  await query(
    planTable('seed_templates', `SELECT t.lang, t.kind, t.variant, t.body, t.findings::jsonb AS findings FROM jsonb_to_recordset($1::jsonb) AS t(lang text, kind text, variant int, body text, findings text)`),
    [JSON.stringify(all)],
  );
  for (const table of ['seed_languages', 'seed_templates']) await query(`ANALYZE ${PLAN_SCHEMA}.${table}`);
}

/** How many texts of a kind each language has; the same in every language, so one draw picks in all of them. */
function variants(count: (language: TEXT.Language) => number): number {
  const [first, ...others] = TEXT.LANGUAGES.map(count);
  if (others.some((n) => n !== first)) throw new Error('Every language needs the same number of texts of each kind');
  return first;
}
const ACK_VARIANTS = variants((l) => TEXT.ACKNOWLEDGEMENTS[l].messages.length * TEXT.ACKNOWLEDGEMENTS[l].nextSteps.length);
const UPDATE_VARIANTS = variants((l) => TEXT.UPDATES[l].length);
const DELAY_VARIANTS = variants((l) => TEXT.DELAY_REASONS[l].length);
const QUESTION_VARIANTS = variants((l) => TEXT.QUESTIONS[l].length);
const variant = (count: number, draw: string) => `(1 + floor(${draw} * ${count})::int)`;

/**
 * seed_c: each complaint as intake wrote it, and the draws that decide its story. Customers are drawn from a pool
 * smaller than the complaints, so some complain more than once, always with the same name and contact details.
 */
function intakeSql(part: Part): string {
  const customers = Math.max(1, Math.round(complaints * CUSTOMERS_PER_COMPLAINT));
  const uc = (k: number) => u(1000 + k, 'c.customer');
  const namesCount = `CASE c.lang ${TEXT.LANGUAGES.map((l) => `WHEN ${lit(l)} THEN ${namesIn(l)}`).join(' ')} END`;
  const excluded = `(ARRAY['email', 'phone', 'sms', 'letter'])[1 + floor(${uc(13)} * 4)::int]`;
  const excludedOtherwise = `(ARRAY['phone', 'sms', 'letter', 'email'])[1 + floor(${uc(13)} * 4)::int]`;
  const causes = Object.entries(TEXT.ROOT_CAUSE_WEIGHTS).map(([code, weight]) => [lit(code), weight] as const);
  const worked = `c.type = 'complaint' AND ${u(20)} >= ${FIRST_CONTACT_SHARE}`;
  const viaDesk = `c.channel IN ('api', 'web')`;
  return `SELECT c.n, ${uuid(ID.complaint)} AS id, c.type, c.channel, c.severity, c.cat, cat.id AS category_id, cat.code AS category_code, cat.department AS d0,
              c.lang, c.preferred, c.received_at,
              -- What a person types in after a call or a letter reaches the system a few minutes after it was received
              -- (by now at the latest).
              CASE WHEN ${viaDesk} THEN c.received_at ELSE least(${ms(`c.received_at + ${seconds(`600 * ${u(7)}`)}`)}, ${NOW}) END AS created_at,
              CASE WHEN ${viaDesk} THEN 'api_client' ELSE 'staff' END AS intake_actor_kind,
              CASE WHEN ${viaDesk} THEN '${SUPPORT_DESK}'::uuid ELSE ${element('front.agents', u(8))} END AS intake_actor,
              nm.name AS customer_name, nm.keys AS customer_name_keys,
              CASE WHEN c.preferred = 'email' OR ${uc(4)} < 0.7
                   THEN nm.email || '.' || (c.customer % 1000) || '@' || ${element(`ARRAY[${TEXT.EMAIL_DOMAINS.map(lit).join(', ')}]`, uc(5))} END AS customer_email,
              CASE WHEN c.preferred IN ('phone', 'sms') OR ${uc(6)} < 0.55
                   THEN l.phone_prefix || lpad(floor(${uc(7)} * power(10, l.phone_digits))::bigint::text, l.phone_digits, '0') END AS customer_phone,
              CASE WHEN c.preferred = 'letter' OR ${uc(8)} < 0.15
                   THEN ${element('l.streets', uc(9))} || ' ' || (1 + floor(${uc(10)} * 120))::int || ', ' || ${element('l.towns', uc(11))} END AS customer_postal_address,
              CASE WHEN ${uc(12)} < 0.06 THEN ARRAY[CASE WHEN ${excluded} = c.preferred THEN ${excludedOtherwise} ELSE ${excluded} END] ELSE '{}'::text[] END AS customer_excluded_channels,
              CASE WHEN ${uc(14)} < 0.05 THEN ${element('l.contacts', uc(15))} END AS contact_instructions,
              CASE WHEN ${uc(16)} < 0.6 THEN 'HD-' || (100000 + c.customer) END AS customer_external_ref,
              (cat.targets -> 'firstResponseHours' ->> c.severity)::float8 AS first_response_hours,
              (cat.targets -> 'resolutionHours' ->> c.severity)::float8 AS resolution_hours,
              c.type = 'complaint' AND ${u(20)} < ${FIRST_CONTACT_SHARE} AS first_contact,
              c.type = 'complaint' AND ${u(21)} < ${STUCK_SHARE} AS stuck,
              ${worked} AND ${u(22)} < ${HANDOFF_SHARE} AS handed_off,
              CASE WHEN ${worked} AND ${u(22)} < ${HANDOFF_SHARE}
                   THEN 1 + (cat.department + floor(${u(23)} * ${TEXT.DEPARTMENTS.length - 1})::int) % ${TEXT.DEPARTMENTS.length} ELSE cat.department END AS d1,
              CASE WHEN ${worked} AND ${u(24)} < ${UPDATE_SHARE} THEN ${pick(u(25), [["'note'", 55], ["'delay'", 25], ["'question'", 20]])} END AS slot,
              ${pick(u(26), OUTCOMES)} AS outcome1,
              ${pick(u(28), SECOND_OUTCOMES)} AS outcome2,
              c.type = 'complaint' AND ${u(27)} < CASE WHEN ${pick(u(26), OUTCOMES)} = 'upheld' THEN ${DISPUTE_SHARE.upheld} ELSE ${DISPUTE_SHARE.refusal} END AS disputed,
              c.type = 'complaint' AND ${u(29)} < ${ROOT_CAUSE_SHARE} AS root_caused,
              ${pick(u(30), causes)} AS cause,
              c.type = 'complaint' AND ${u(32)} < ${FEEDBACK_SHARE} AS rated,
              ${worked} AND ${u(33)} < ${INTERNAL_NOTE_SHARE} AS noted
         FROM (SELECT d.*, ${pick(u(1001, 'd.customer'), TEXT.LANGUAGES.map((l) => [lit(l), TEXT.LANGUAGE_WEIGHTS[l]] as const))} AS lang,
                      ${pick(u(1002, 'd.customer'), PREFERRED)} AS preferred
                 FROM (SELECT s.n,
                              CASE WHEN ${u(1)} < ${SUGGESTION_SHARE} THEN 'suggestion' ELSE 'complaint' END AS type,
                              ${pick(u(2), CHANNELS)} AS channel,
                              ${pick(u(3), SEVERITY_WEIGHTS)} AS severity,
                              -- Some categories are complained about far more than others: the list is in that order.
                              1 + floor(${TEXT.CATEGORIES.length} * power(${u(4)}, 1.6))::int AS cat,
                              floor(${u(5)} * ${customers})::bigint AS customer,
                              ${ms(`${START} + (s.n - 1 + ${u(6)}) * interval '${(365 * DAY) / complaints} seconds'`)} AS received_at
                         FROM seed_numbers s WHERE s.n BETWEEN ${part.from} AND ${part.to}) d) c
         JOIN seed_categories cat ON cat.idx = c.cat
         JOIN seed_places l ON l.lang = c.lang
         JOIN seed_names nm ON nm.language = c.lang AND nm.idx = floor(${uc(3)} * ${namesCount})::int
        CROSS JOIN (SELECT agents FROM seed_teams WHERE idx = 1) front`;
}

/** The key PublicLinkService signs status links with: PUBLIC_LINK_SECRET, or the instance secret it keeps (same name). */
async function publicLinkKey(query: Query): Promise<Buffer> {
  if (env.PUBLIC_LINK_SECRET) return Buffer.from(env.PUBLIC_LINK_SECRET);
  await query(`INSERT INTO instance_secrets (name, value) VALUES ('public_link', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('base64url')]);
  const [row] = await query(`SELECT value FROM instance_secrets WHERE name = 'public_link'`);
  return Buffer.from(row.value as string);
}

/** HMAC-SHA256 (RFC 2104) in SQL, from its two padded keys: PostgreSQL has sha256() but no hmac() without pgcrypto. */
function hmacKeys(key: Buffer): { inner: Buffer; outer: Buffer } {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  return { inner: Buffer.from(block.map((b) => b ^ 0x36)), outer: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

/** The team acting on a complaint at `instant`: the receiving one once it was handed off. */
const teamAt = (instant: string, column: string) => `CASE WHEN c.handed_off AND ${instant} >= g.t_h THEN t1.${column} ELSE t0.${column} END`;

/**
 * Computed columns that later expressions use by name: without a fence the planner pastes each expression into every
 * use, and nested ones multiply (ten times slower here). OFFSET 0 is the fence. It makes the statement serial (a
 * subquery with OFFSET is not given to parallel workers), which is why the two sessions plan half each: the fences
 * that parallel workers accept (a function in FROM, a UNION ALL) cost more per row than they would save.
 */
const fence = (alias: string, columns: [string, string][]) => `(SELECT ${columns.map(([name, expr]) => `${expr} AS ${name}`).join(', ')} OFFSET 0) AS ${alias}`;

/**
 * seed_p: each complaint's story, as instants. Every step is planned whether or not it has happened by now; the
 * tables are written with what has. The sweeps are assumed to have run every minute: a deadline that passed while
 * the complaint was open is flagged within the minute after it, its event and notification with it. A question to
 * the customer stops the clocks until the answer and moves the deadlines by the business time it stood open, as
 * CustomerActionsService.reply does. Instants in business time (b_*) are columns of their own, computed once.
 */
const timelineParameters = (t: TimelineSettings) => [t.link.inner, t.link.outer];

function timelineSql(part: Part, { atRiskShare, keepInformed }: TimelineSettings): string {
  const status = `CASE WHEN ${happened('e.t_close')} THEN 'closed'
                       WHEN ${happened('s.t_res2')} THEN 'resolved'
                       WHEN ${happened('s.t_disp')} THEN 'reopened'
                       WHEN ${happened('r.t_res')} THEN 'resolved'
                       WHEN ${happened('g.t_h')} THEN 'in_resolution'
                       WHEN ${happened('f.t_ack')} THEN 'acknowledged'
                       ELSE 'received' END`;
  const tFirst = `CASE WHEN c.type = 'suggestion' THEN CASE WHEN ${u(40)} < 0.9 THEN ${ms(`c.created_at + ${hours(`1 + 119 * ${u(41)}`)}`)} END
                       WHEN c.first_contact THEN ${ms(`c.created_at + greatest((d.fr_due - c.created_at) * (0.02 + 0.6 * ${u(41)}), interval '3 minutes')`)}
                       ELSE ${ms(`c.created_at + greatest((d.fr_due - c.created_at) * CASE WHEN c.stuck AND ${u(42)} < 0.3 THEN 1 + 3 * ${u(41)} ELSE 0.05 + 1.1 * ${u(41)} END, interval '2 minutes')`)} END`;
  // When the work would be done: a share of the resolution window (late above 1, one in twenty), or months for the backlog.
  const tWork = `CASE WHEN c.type = 'complaint' AND NOT c.first_contact
                      THEN CASE WHEN c.stuck THEN c.created_at + ${days(`30 + 870 * ${u(44)}`)}
                                ELSE c.created_at + (d.res_due0 - c.created_at) * (0.05 + 1.05 * power(${u(43)}, 2)) END END`;
  const tRes = `CASE WHEN c.type = 'complaint' THEN CASE WHEN c.first_contact THEN f.t_first
                     ELSE ${ms(`greatest(f.t_work, f.t_first + interval '30 minutes', g.t_h + interval '2 hours', g.t_upd + interval '2 hours', q.t_reply + interval '1 hour')`)} END END`;
  const tRc = `CASE WHEN c.root_caused THEN ${ms(`coalesce(s.t_res2, r.t_res) + ${hours(`(0.5 + 47.5 * ${u(51)}) * CASE WHEN c.stuck THEN 3 ELSE 1 END`)}`)} END`;
  return `SELECT c.*,
              'CMP-' || extract(year FROM c.created_at AT TIME ZONE 'UTC') || '-' || CASE WHEN c.n < 1000000 THEN lpad(c.n::text, 6, '0') ELSE c.n::text END AS reference,
              rtrim(translate(encode(sha256($2::bytea || sha256($1::bytea || convert_to(c.id::text, 'UTF8'))), 'base64'), '+/', '-_'), '=') AS token,
              d.fr_due, d.res_due0, d.risk_due0, e.res_due_shift, e.res_due_eff, e.risk_due_eff,
              f.t_first, f.t_ack, g.t_h, g.t_upd, q.t_reply, r.paused, r.t_res, s.t_disp, s.t_res2, e.t_fin, e.t_rc, e.t_close, e.t_fb, e.t_note, e.delay_to,
              e.ki_due, x.status, x.ki_now,
              CASE WHEN c.type = 'complaint' AND f.t_first > d.fr_due THEN least(${ms(`d.fr_due + ${sweepDelay(58)}`)}, f.t_first) END AS fr_breach,
              CASE WHEN e.risk_due_eff + ${sweepDelay(59)} < r.t_res THEN ${ms(`e.risk_due_eff + ${sweepDelay(59)}`)}
                   WHEN c.disputed AND greatest(e.risk_due_eff, s.t_disp) + ${sweepDelay(59)} < s.t_res2 THEN ${ms(`greatest(e.risk_due_eff, s.t_disp) + ${sweepDelay(59)}`)} END AS risk_flag,
              CASE WHEN e.res_due_eff + ${sweepDelay(60)} < r.t_res THEN ${ms(`e.res_due_eff + ${sweepDelay(60)}`)}
                   WHEN c.disputed AND greatest(e.res_due_eff, s.t_disp) + ${sweepDelay(60)} < s.t_res2 THEN ${ms(`greatest(e.res_due_eff, s.t_disp) + ${sweepDelay(60)}`)} END AS res_breach,
              CASE WHEN e.ki_due + ${sweepDelay(61)} < r.t_res THEN ${ms(`e.ki_due + ${sweepDelay(61)}`)} END AS ki_raise,
              ${element('t0.agents', u(62))} AS ack_actor,
              ${element('t0.resolvers', u(63))} AS handoff_actor,
              CASE WHEN c.handed_off AND ${u(64)} < 0.4 THEN ${element('t1.resolvers', u(65))} END AS assignee,
              CASE WHEN c.first_contact THEN ${element('t0.agents', u(62))} ELSE ${element('t1.resolvers', u(66))} END AS resolver,
              ${element('t1.resolvers', u(67))} AS second_resolver,
              CASE WHEN c.type = 'suggestion' THEN ${element('t0.resolvers', u(63))}
                   WHEN ${u(68)} < 0.3 THEN ${element('t1.heads', u(69))} ELSE ${element('t1.resolvers', u(66))} END AS closer,
              ${element(teamAt('e.t_note', 'agents'), u(70))} AS note_author,
              ${element(teamAt('g.t_upd', 'resolvers'), u(71))} AS update_author,
              ${teamAt('g.t_upd', 'idx')} AS update_team,
              CASE WHEN c.type = 'complaint' THEN ${uuid(ID.resolution)} END AS resolution_id,
              CASE WHEN c.disputed THEN ${uuid(ID.secondResolution)} END AS second_resolution_id,
              CASE WHEN c.noted THEN ${uuid(ID.note)} END AS note_id,
              CASE WHEN c.slot = 'note' THEN ${uuid(ID.updateNote)} END AS update_note_id,
              CASE WHEN c.slot = 'question' THEN ${uuid(ID.question)} END AS question_id,
              CASE WHEN c.type = 'complaint' AND NOT c.first_contact THEN ${uuid(ID.keepInformedTask)} END AS keep_informed_task_id,
              CASE WHEN c.type = 'suggestion' THEN 1 ELSE ${variant(ACK_VARIANTS, u(72))} END AS ack_variant,
              CASE c.slot WHEN 'note' THEN ${variant(UPDATE_VARIANTS, u(73))} WHEN 'delay' THEN ${variant(DELAY_VARIANTS, u(73))} ELSE ${variant(QUESTION_VARIANTS, u(73))} END AS slot_variant
         FROM seed_c c
         JOIN seed_teams t0 ON t0.idx = c.d0 AND c.n BETWEEN ${part.from} AND ${part.to}
         JOIN seed_teams t1 ON t1.idx = c.d1
        CROSS JOIN LATERAL ${fence('b0', [['b_received', businessSecond('c.received_at')]])}
        CROSS JOIN LATERAL ${fence('d', [
          ['fr_due', `CASE WHEN c.type = 'complaint' THEN ${atBusinessSecond('b0.b_received + c.first_response_hours * 3600')} END`],
          ['res_due0', `CASE WHEN c.type = 'complaint' THEN ${atBusinessSecond('b0.b_received + c.resolution_hours * 3600')} END`],
          ['risk_due0', `CASE WHEN c.type = 'complaint' THEN ${atBusinessSecond(`b0.b_received + c.resolution_hours * ${atRiskShare} * 3600`)} END`],
        ])}
        CROSS JOIN LATERAL ${fence('f0', [['t_first', tFirst], ['t_work', tWork]])}
        CROSS JOIN LATERAL ${fence('f', [['t_first', 'f0.t_first'], ['t_ack', 'CASE WHEN NOT c.first_contact THEN f0.t_first END'], ['t_work', 'f0.t_work'], ['b_first', businessSecond('f0.t_first')]])}
        CROSS JOIN LATERAL ${fence('g', [
          ['t_h', `CASE WHEN c.handed_off THEN ${ms(`f.t_first + greatest((least(d.res_due0, f.t_work) - f.t_first) * (0.1 + 0.4 * ${u(45)}), interval '10 minutes')`)} END`],
          // The update goes out before the customer is owed one (the keep-informed clock), or the sweep would have raised a task first.
          ['t_upd', `CASE WHEN c.slot IS NOT NULL THEN ${ms(`least(f.t_first + greatest((f.t_work - f.t_first) * (0.2 + 0.6 * ${u(46)}), interval '20 minutes'),
                                                                    ${atBusinessSecond(`f.b_first + (0.3 + 0.65 * ${u(47)}) * ${keepInformed}`)})`)} END`],
        ])}
        CROSS JOIN LATERAL ${fence('q', [
          ['t_reply', `CASE WHEN c.slot = 'question' THEN ${ms(`g.t_upd + ${hours(`1 + 71 * ${u(48)}`)}`)} END`],
          ['b_update', businessSecond('g.t_upd')],
        ])}
        CROSS JOIN LATERAL ${fence('b2', [['b_reply', businessSecond('q.t_reply')]])}
        CROSS JOIN LATERAL ${fence('r', [['paused', 'coalesce(b2.b_reply - q.b_update, 0)'], ['t_res', tRes]])}
        CROSS JOIN LATERAL ${fence('s', [
          ['t_disp', `CASE WHEN c.disputed THEN ${ms(`r.t_res + ${hours(`2 + 238 * ${u(49)}`)}`)} END`],
          ['t_res2', `CASE WHEN c.disputed THEN ${ms(`r.t_res + ${hours(`2 + 238 * ${u(49)}`)} + ${days(`1 + 7 * ${u(50)}`)}`)} END`],
          ['res_due_shift', `CASE WHEN c.slot = 'question' THEN ${atBusinessSecond('b0.b_received + c.resolution_hours * 3600 + r.paused')} ELSE d.res_due0 END`],
          ['risk_due_shift', `CASE WHEN c.slot = 'question' THEN ${atBusinessSecond(`b0.b_received + c.resolution_hours * ${atRiskShare} * 3600 + r.paused`)} ELSE d.risk_due0 END`],
        ])}
        CROSS JOIN LATERAL ${fence('e', [
          ['t_fin', 'coalesce(s.t_res2, r.t_res)'],
          ['t_rc', tRc],
          ['t_close', `CASE WHEN c.type = 'suggestion' THEN CASE WHEN ${u(53)} < 0.95 THEN ${ms(`coalesce(f.t_first, c.created_at) + ${days(`2 + 43 * ${u(52)}`)}`)} END
                           WHEN c.root_caused THEN ${ms(`${tRc} + ${hours(`1 + 71 * ${u(52)}`)}`)} END`],
          ['t_fb', `CASE WHEN c.rated THEN ${ms(`coalesce(s.t_res2, r.t_res) + ${hours(`1 + 119 * ${u(54)}`)}`)} END`],
          ['t_note', `CASE WHEN c.noted AND ${happened('f.t_first')} THEN ${ms(`f.t_first + (least(r.t_res, ${NOW}) - f.t_first) * (0.1 + 0.8 * ${u(55)})`)} END`],
          ['delay_to', `CASE WHEN c.slot = 'delay' THEN ${ms(`greatest(d.res_due0, g.t_upd) + ${days(`2 + 8 * ${u(56)}`)}`)} END`],
          ['res_due_shift', 's.res_due_shift'],
          // A deadline that passed before the question was asked was flagged then, and the flag stays.
          ['res_due_eff', `CASE WHEN c.slot = 'question' AND d.res_due0 + ${sweepDelay(60)} >= g.t_upd THEN s.res_due_shift ELSE d.res_due0 END`],
          ['risk_due_eff', `CASE WHEN c.slot = 'question' AND d.risk_due0 + ${sweepDelay(59)} >= g.t_upd THEN s.risk_due_shift ELSE d.risk_due0 END`],
          // Owed news this long after the last message before the answer (the reply, for a question: the clock moved with it).
          ['ki_due', `CASE WHEN c.type = 'complaint' AND NOT c.first_contact THEN ${atBusinessSecond(`coalesce(b2.b_reply, q.b_update, f.b_first) + ${keepInformed}`)} END`],
        ])}
        CROSS JOIN LATERAL ${fence('st', [['status', status]])}
        CROSS JOIN LATERAL ${fence('x', [
          ['status', 'st.status'],
          // While the complaint is worked on the customer is owed news from the last message; once answered, nothing.
          ['ki_now', `CASE WHEN st.status IN ('acknowledged', 'in_resolution')
                           THEN ${atBusinessSecond(`CASE WHEN ${happened('q.t_reply')} THEN b2.b_reply WHEN ${happened('g.t_upd')} THEN q.b_update ELSE f.b_first END + ${keepInformed}`)} END`],
        ])}`;
}

/**
 * Root causes link a prevention action or justify "no systemic cause". Actions are born from root causes: a few
 * complaints create one (its owner the team that recorded the cause), and later complaints with the same cause link
 * one of the latest ones. The baseline and every effectiveness check count the matching complaints exactly
 * (matchingComplaintsSql: same cause, the action's category if it names one, received in the window), by binary
 * search (width_bucket) in each cause's sorted receipt times, as they stand now.
 */
async function planPrevention(query: Query): Promise<void> {
  const a = (k: number) => u(k, 'p.n');
  await query(
    planTable(
      'seed_actions',
      `SELECT ${uuid(ID.action, 'p.n')} AS id, p.n AS creator, p.cause, CASE WHEN ${a(80)} < 0.8 THEN p.category_id END AS category_id,
              ${a(92)} < 0.6 AS working, 0.3 + 0.5 * ${a(93)} AS effect,
              t.id AS owner_department_id, p.t_rc AS created_at,
              (ARRAY[30, 60, 90])[1 + floor(${a(81)} * 3)::int] AS window_days,
              ${pick(a(82), [['5', 30], ['10', 30], ['15', 20], ['20', 10], ['30', 10]])} AS target,
              ${ms(`p.t_rc + ${days(`14 + 76 * ${a(83)}`)}`)} AS due_at,
              CASE WHEN ${a(84)} < 0.9 THEN ${ms(`p.t_rc + ${days(`1 + 9 * ${a(85)}`)}`)} END AS t_start,
              CASE WHEN ${a(84)} < 0.9 AND ${a(86)} < 0.8 THEN ${ms(`p.t_rc + ${days(`1 + 9 * ${a(85)}`)} + ${days(`5 + 90 * ${a(87)}`)}`)} END AS t_done
         FROM seed_p p
         JOIN seed_teams t ON t.idx = p.d1
        WHERE ${happened('p.t_rc')}
          AND ${a(79)} < ${preventionActionCount(complaints)}::float8 / (SELECT count(*) FROM seed_p WHERE ${happened('t_rc')})`,
    ),
  );
  await query(`CREATE INDEX ON ${PLAN_SCHEMA}.seed_actions (cause, created_at)`);
  await query(`ANALYZE ${PLAN_SCHEMA}.seed_actions`);
  // Most actions about one category work: once done, a share of that category's complaints of the cause no longer
  // happen for that cause (they are recorded under another), which the effectiveness checks then measure.
  const causes = `ARRAY[${Object.keys(TEXT.ROOT_CAUSE_WEIGHTS).map(lit).join(', ')}]`;
  await query(
    `UPDATE seed_p p SET cause = (${causes})[1 + (array_position(${causes}, p.cause) + floor(${Object.keys(TEXT.ROOT_CAUSE_WEIGHTS).length - 1} * ${a(97)})::int) % ${Object.keys(TEXT.ROOT_CAUSE_WEIGHTS).length}]
       FROM seed_actions a
      WHERE a.working AND a.category_id = p.category_id AND a.cause = p.cause AND ${happened('a.t_done')} AND p.received_at >= a.t_done
        AND ${a(98)} < a.effect AND NOT EXISTS (SELECT 1 FROM seed_actions x WHERE x.creator = p.n)`,
  );
  await query(
    planTable(
      'seed_links',
      `SELECT creator AS n, id AS action_id, true AS created FROM seed_actions
        UNION ALL
       SELECT p.n, a.id, false
         FROM seed_p p
        CROSS JOIN LATERAL (SELECT id FROM seed_actions a WHERE a.cause = p.cause AND a.created_at < p.t_rc
                             ORDER BY a.created_at DESC OFFSET floor(3 * ${a(88)})::int LIMIT 1) a
        WHERE ${happened('p.t_rc')} AND ${a(89)} < ${LINKED_SHARE} AND NOT EXISTS (SELECT 1 FROM seed_actions x WHERE x.creator = p.n)`,
    ),
  );
  await query(`ANALYZE ${PLAN_SCHEMA}.seed_links`);
  await query(
    planTable(
      'seed_receipts',
      `SELECT cause, NULL::uuid AS category_id, array_agg(received_at ORDER BY received_at) AS times
         FROM seed_p WHERE type = 'complaint' AND ${happened('t_rc')} GROUP BY cause
        UNION ALL
       SELECT cause, category_id, array_agg(received_at ORDER BY received_at)
         FROM seed_p WHERE type = 'complaint' AND ${happened('t_rc')} GROUP BY cause, category_id`,
    ),
  );
  const matching = (from: string, to: string) =>
    `coalesce(width_bucket(${to} - interval '1 microsecond', r.times) - width_bucket(${from} - interval '1 microsecond', r.times), 0)`;
  const receipts = `LEFT JOIN seed_receipts r ON r.cause = a.cause AND r.category_id IS NOT DISTINCT FROM a.category_id`;
  await query(
    planTable(
      'seed_baselines',
      `SELECT a.id, a.created_at - ${days('a.window_days')} AS baseline_from, a.created_at AS baseline_to,
              ${matching(`a.created_at - ${days('a.window_days')}`, 'a.created_at')} AS baseline_count
         FROM seed_actions a ${receipts}`,
    ),
  );
  // Check k of an action looks at [done, done + k windows) once that has passed (the sweep runs every 10 minutes);
  // too little data looks again a window later, a verdict ends the checks (effectiveness.ts, judge).
  const afterTo = `a.t_done + ${days('k * a.window_days')}`;
  await query(
    planTable(
      'seed_checks',
      `WITH judged AS (
         SELECT ${uuid(ID.check, 'k * 1000003 + a.creator')} AS id, a.id AS action_id, k, b.baseline_from, b.baseline_to, b.baseline_count, a.target,
                a.t_done AS after_from, ${afterTo} AS after_to,
                ${ms(`${afterTo} + ${seconds(`60 + 540 * ${u(90, 'k * 1000003 + a.creator')}`)}`)} AS checked_at,
                ${matching('a.t_done', afterTo)} AS after_count,
                b.baseline_count * 30.0 / a.window_days AS baseline_rate,
                ${matching('a.t_done', afterTo)} * 30.0 / (k * a.window_days) AS after_rate
           FROM seed_actions a
           JOIN seed_baselines b ON b.id = a.id
           ${receipts}
          CROSS JOIN generate_series(1, 24) AS k
          WHERE ${happened('a.t_done')}
       ), decided AS (
         SELECT j.*, CASE WHEN j.baseline_count < 5 OR j.reduction_pct IS NULL THEN 'insufficient_data'
                          WHEN j.reduction_pct >= j.target THEN 'effective' ELSE 'not_effective' END AS verdict
           FROM (SELECT judged.*, CASE WHEN baseline_rate > 0 THEN greatest(-99999.99, round((baseline_rate - after_rate) / baseline_rate * 100, 2)) END AS reduction_pct
                   FROM judged WHERE ${happened('checked_at')}) j
       )
       SELECT * FROM (
         SELECT d.*, count(*) FILTER (WHERE verdict <> 'insufficient_data') OVER (PARTITION BY action_id ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS decided_before
           FROM decided d) x
        WHERE decided_before = 0`,
    ),
  );
  // Where each action stands now (prevention-workflow.ts): planned, in progress, verifying after done, or the last
  // check's verdict. An unfinished action past its due date is flagged by the sweep's next tick, or by the check that
  // found it not effective.
  const tick = seconds(`60 + 540 * ${u(91, 'a.creator')}`);
  await query(
    planTable(
      'seed_action_state',
      `SELECT a.*, s.*,
              CASE WHEN a.due_at + ${tick} < coalesce(${ifHappened('a.t_done')}, 'infinity') AND ${happened(`a.due_at + ${tick}`)} THEN ${ms(`a.due_at + ${tick}`)}
                   WHEN s.status = 'not_effective' AND a.due_at < s.last_checked_at THEN s.last_checked_at
                   WHEN s.status = 'not_effective' AND ${happened(`a.due_at + ${tick}`)} THEN ${ms(`a.due_at + ${tick}`)} END AS overdue_at
         FROM seed_actions a
         LEFT JOIN LATERAL (
              SELECT count(*)::int AS checks, max(checked_at) AS last_checked_at, max(k) AS last_k,
                     (array_agg(verdict ORDER BY k DESC))[1] AS last_verdict, (array_agg(id ORDER BY k DESC))[1] AS last_check_id
                FROM seed_checks c WHERE c.action_id = a.id) c ON true
        CROSS JOIN LATERAL (
              SELECT CASE WHEN ${happened('a.t_done')} THEN CASE WHEN c.last_verdict IN ('effective', 'not_effective') THEN c.last_verdict ELSE 'verifying' END
                          WHEN ${happened('a.t_start')} THEN 'in_progress' ELSE 'planned' END AS status,
                     c.checks, c.last_checked_at, c.last_check_id,
                     CASE WHEN ${happened('a.t_done')}
                          THEN a.t_done + ${days(`CASE WHEN c.last_verdict IN ('effective', 'not_effective') THEN c.last_k ELSE c.checks + 1 END * a.window_days`)} END AS verification_due_at
              ) s`,
    ),
  );
}

/**
 * seed_m: every message to a customer, with what the dispatcher made of it. Most were sent seconds after they were
 * queued; those of the last two minutes still wait; a few e-mails bounced (dead at the first attempt), and in the last
 * hour a few failed and wait for their retry. A call, text or letter is "sent" by raising a staff task, which
 * someone does within a day. The ids of messages and tasks are made here because the timeline names them.
 */
async function planMessages(query: Query): Promise<void> {
  const m = (k: number) => u(k, 'm.n * 4 + m.slot');
  const url = `${lit(`${env.PUBLIC_BASE_URL.replace(/\/$/, '')}/public/complaints/`)} || p.token`;
  const attempted = `m.at + ${seconds(`1 + 89 * ${m(302)}`)}`;
  const team = (instant: string) => `CASE WHEN p.handed_off AND ${instant} >= p.t_h THEN p.d1 ELSE p.d0 END`;
  await query(
    planTable(
      'seed_m',
      `SELECT m.*, ${uuid(ID.message, 'm.n * 4 + m.slot')} AS id,
              CASE WHEN m.at > ${NOW} - interval '2 minutes' OR ${attempted} > ${NOW} THEN 'pending'
                   -- A mailbox that does not exist is a permanent failure: dead at the first attempt.
                   WHEN m.channel = 'email' AND ${m(301)} < 0.002 THEN 'dead'
                   -- A server that did not answer is tried again later: still failing now, if it was recent.
                   WHEN m.channel = 'email' AND ${m(301)} < 0.005 AND m.at > ${NOW} - interval '1 hour' THEN 'failed'
                   ELSE 'sent' END AS status,
              ${ms(attempted)} AS attempted_at,
              CASE m.channel WHEN 'phone' THEN 'call' WHEN 'sms' THEN 'text' WHEN 'letter' THEN 'letter' END AS task_kind,
              CASE WHEN m.channel IN ('phone', 'sms', 'letter') THEN ${uuid(ID.outreachTask, 'm.n * 4 + m.slot')} END AS task_id,
              ${ms(`${attempted} + interval '10 minutes' + ${hours(`26 * ${m(303)}`)}`)} AS task_done_at,
              ${element('t.agents', m(304))} AS task_actor, t.id AS department_id, t.name AS team_name
         FROM (SELECT p.n, p.id AS complaint_id, v.slot, v.purpose, v.kind, v.variant, v.at, v.date, v.dedupe_key, v.team,
                      p.preferred AS channel, p.lang, p.reference, ${url} AS url, p.contact_instructions,
                      -- Where it goes (addressFor): the preferred channel only.
                      CASE p.preferred WHEN 'email' THEN p.customer_email WHEN 'letter' THEN p.customer_postal_address
                                       WHEN 'portal' THEN ${url} ELSE p.customer_phone END AS address
                 FROM seed_p p
                CROSS JOIN LATERAL (
                      SELECT 1 AS slot, 'acknowledgement' AS purpose, CASE WHEN p.type = 'suggestion' THEN 'thanks' ELSE 'acknowledgement' END AS kind,
                             p.ack_variant AS variant, p.t_ack AS at, p.res_due0 AS date, 'acknowledgement:' || p.id AS dedupe_key, p.d0 AS team
                       WHERE ${happened('p.t_ack')}
                      UNION ALL
                      SELECT 2, CASE p.slot WHEN 'note' THEN 'update' WHEN 'delay' THEN 'delay' ELSE 'information_request' END,
                             CASE p.slot WHEN 'note' THEN 'update' WHEN 'delay' THEN 'delay' ELSE 'information_request' END, p.slot_variant, p.t_upd, p.delay_to,
                             CASE p.slot WHEN 'note' THEN 'note:' || p.update_note_id
                                         -- The version the change was made on: acknowledged, and handed off before it, perhaps.
                                         WHEN 'delay' THEN 'delay:' || p.id || ':' || (2 + (p.handed_off AND p.t_h < p.t_upd)::int)
                                         ELSE 'information_request:' || p.question_id END,
                             p.update_team
                       WHERE ${happened('p.t_upd')}
                      UNION ALL
                      SELECT 3, 'resolution', 'resolution', ${outcomeVariant('p.outcome1')}, p.t_res, NULL, 'resolution:' || p.resolution_id, ${team('p.t_res')}
                       WHERE ${happened('p.t_res')}
                      UNION ALL
                      SELECT 4, 'resolution', 'resolution', ${outcomeVariant('p.outcome2')}, p.t_res2, NULL, 'resolution:' || p.second_resolution_id, p.d1
                       WHERE ${happened('p.t_res2')}
                ) v) m
         JOIN seed_teams t ON t.idx = m.team`,
    ),
  );
}

// --- The app's tables, from the plan ---------------------------------------------------------------------------------

function effectivenessChecksSql(): string {
  return `INSERT INTO effectiveness_checks (id, prevention_action_id, checked_at, baseline_from, baseline_to, baseline_count, after_from, after_to, after_count,
                                           target_reduction_pct, reduction_pct, verdict)
    SELECT id, action_id, checked_at, baseline_from, baseline_to, baseline_count, after_from, after_to, after_count, target, reduction_pct, verdict FROM seed_checks`;
}

function preventionActionsSql(): string {
  return `INSERT INTO prevention_actions (id, title, description, cause_code, category_id, owner_department_id, due_at, target_reduction_pct, window_days, status,
                                         baseline_from, baseline_to, baseline_count, done_at, verification_due_at, overdue_at, version, created_at, updated_at)
    SELECT a.id, c.title, c.description, a.cause, a.category_id, a.owner_department_id, a.due_at, a.target, a.window_days, a.status,
           b.baseline_from, b.baseline_to, b.baseline_count, ${ifHappened('a.t_done')}, a.verification_due_at, a.overdue_at,
           -- Created, started, done, and each check: every change but the overdue flag bumps the version.
           1 + ${happened('a.t_start')}::int + ${happened('a.t_done')}::int + coalesce(a.checks, 0),
           a.created_at, greatest(a.created_at, ${ifHappened('a.t_start')}, ${ifHappened('a.t_done')}, a.last_checked_at)
      FROM seed_action_state a
      JOIN seed_causes c ON c.code = a.cause
      JOIN seed_baselines b ON b.id = a.id`;
}

/** What a complaint's texts are made of; deterministic, so every statement that needs one gets the same. */
const pickText = (texts: readonly string[], k: number) => `(ARRAY[${texts.map(lit).join(', ')}])[1 + floor(${u(k, 'p.n')} * ${texts.length})::int]`;
const ROOT_CAUSE_DESCRIPTION = `(o.cause_descriptions -> p.cause ->> floor(${u(110, 'p.n')} * jsonb_array_length(o.cause_descriptions -> p.cause))::int)`;
const JUSTIFICATION = pickText(TEXT.NO_SYSTEMIC_CAUSE, 111);
const DISPUTE_REASON = element('l.disputes', u(114, 'p.n'));
/** A handoff's reason and context note go together: one draw picks both. */
const HANDOFF_REASON = pickText(
  TEXT.HANDOFFS.map((h) => h.reason),
  120,
);
const HANDOFF_CONTEXT = pickText(
  TEXT.HANDOFFS.map((h) => h.contextNote),
  120,
);
const FINAL_OUTCOME = `coalesce(CASE WHEN p.disputed THEN p.outcome2 END, p.outcome1)`;
/** Ratings follow the answer: high after an upheld complaint, low after a refusal; CSAT, NPS or both. */
const CSAT = `CASE WHEN ${u(112, 'p.n')} < 0.85 THEN CASE WHEN ${FINAL_OUTCOME} = 'upheld' THEN 3 + floor(3 * power(${u(113, 'p.n')}, 0.6)) ELSE 1 + floor(3 * ${u(113, 'p.n')}) END END`;
const NPS = `CASE WHEN ${u(112, 'p.n')} >= 0.85 OR ${u(115, 'p.n')} < 0.5 THEN CASE WHEN ${FINAL_OUTCOME} = 'upheld' THEN 6 + floor(5 * ${u(116, 'p.n')}) ELSE floor(7 * ${u(116, 'p.n')}) END END`;
/** The staff words of a complaint's messages, from its language's texts (seed_languages) by variant. */
const ACK_NEXT_STEPS = `CASE WHEN p.type = 'suggestion' THEN l.thanks_next ELSE l.ack_next[p.ack_variant] END`;
const SLOT_TEXT = `CASE p.slot WHEN 'note' THEN l.updates[p.slot_variant] WHEN 'delay' THEN l.delays[p.slot_variant] ELSE l.questions[p.slot_variant] END`;
const answerPart = (part: string, outcome: string) => `l.res_${part}[${outcomeVariant(outcome)}]`;
/** The lookups every complaint statement joins: its language's texts, the organisation, its root cause link. */
const LOOKUPS = `JOIN seed_languages l ON l.lang = p.lang CROSS JOIN seed_org o LEFT JOIN seed_links k ON k.n = p.n`;
const department = (team: string) => `o.department_ids[${team}]`;

function complaintsSql(): string {
  const subject = `l.subjects[p.cat]`;
  const capital = (text: string) => `upper(left(${text}, 1)) || substr(${text}, 2)`;
  const problem = element('l.problems', u(100, 'p.n'));
  const idea = element('l.ideas', u(102, 'p.n'));
  const description = [
    ['{Subject}', capital(subject)],
    ['{subject}', subject],
    ['{problem}', problem],
    ['{order}', `'A-' || (100000 + floor(${u(105, 'p.n')} * 900000))::int`],
    ['{days}', `(2 + floor(${u(106, 'p.n')} * 28))::int::text`],
    ['{amount}', `to_char(5 + ${u(107, 'p.n')} * 495, 'FM9990.00')`],
  ].reduce((text, [placeholder, value]) => `replace(${text}, ${lit(placeholder)}, ${value})`, element('l.descriptions', u(101, 'p.n')));
  // Every change made through ComplaintTransitions.apply bumps the version and updated_at; recorded events do not.
  const changes = ['p.t_ack', 'p.t_h', `CASE WHEN p.slot IN ('delay', 'question') THEN p.t_upd END`, 'p.t_reply', 'p.t_res', 'p.t_disp', 'p.t_res2', 'p.t_rc', 'p.t_close'];
  const answered = `p.status IN ('resolved', 'closed')`;
  return `INSERT INTO complaints (id, reference, type, channel, category_id, severity, summary, description, desired_outcome, received_at, status, version,
                                 owning_department_id, customer_external_ref, customer_name, customer_name_keys, customer_email, customer_phone,
                                 customer_postal_address, preferred_channel, customer_excluded_channels, contact_instructions, customer_language,
                                 first_response_due_at, resolution_due_at, first_responded_at, first_response_on_time, first_response_breached_at, paused_at,
                                 at_risk_due_at, at_risk_at, resolution_breached_at, last_customer_update_at, keep_informed_due_at, keep_informed_task_raised_at,
                                 outcome, resolved_at, root_cause_code, root_cause_description, prevention_action_id, no_systemic_cause_justification,
                                 root_cause_recorded_at, closed_at, expected_resolution_by, customer_next_step, public_token_hash, idempotency_principal_id,
                                 idempotency_key, intake_hash, created_at, updated_at)
    SELECT p.id, p.reference, p.type, p.channel, p.category_id, p.severity,
           CASE WHEN p.type = 'complaint' THEN ${capital(subject)} || ': ' || ${problem} ELSE ${idea} END,
           CASE WHEN p.type = 'complaint' THEN ${description} ELSE replace(replace(l.idea_description, '{Idea}', ${idea}), '{subject}', ${subject}) END,
           CASE WHEN p.type = 'complaint' AND ${u(103, 'p.n')} < 0.4 THEN ${element('l.desired', u(104, 'p.n'))} END,
           p.received_at, p.status,
           1 + ${changes.map((c) => `${happened(c)}::int`).join(' + ')},
           ${department(`CASE WHEN ${happened('p.t_h')} THEN p.d1 ELSE p.d0 END`)},
           p.customer_external_ref, p.customer_name, p.customer_name_keys, p.customer_email, p.customer_phone, p.customer_postal_address, p.preferred,
           p.customer_excluded_channels, p.contact_instructions, p.lang,
           p.fr_due,
           CASE WHEN ${happened('p.t_reply')} THEN p.res_due_shift ELSE p.res_due0 END,
           ${ifHappened('p.t_first')},
           CASE WHEN p.type = 'complaint' AND ${happened('p.t_first')} THEN p.t_first <= p.fr_due END,
           ${ifHappened('p.fr_breach')},
           CASE WHEN p.slot = 'question' AND ${happened('p.t_upd')} AND NOT ${happened('p.t_reply')} THEN p.t_upd END,
           CASE WHEN ${happened('p.t_reply')} THEN p.risk_due_eff ELSE p.risk_due0 END,
           ${ifHappened('p.risk_flag')}, ${ifHappened('p.res_breach')},
           greatest(${ifHappened('p.t_ack')}, ${ifHappened('p.t_upd')}, ${ifHappened('p.t_res')}, ${ifHappened('p.t_res2')}),
           p.ki_now,
           CASE WHEN ${happened('p.ki_raise')} AND NOT ${happened('p.t_res')} THEN p.ki_raise END,
           CASE WHEN ${answered} THEN CASE WHEN ${happened('p.t_res2')} THEN p.outcome2 ELSE p.outcome1 END END,
           CASE WHEN ${answered} THEN CASE WHEN ${happened('p.t_res2')} THEN p.t_res2 ELSE p.t_res END END,
           CASE WHEN ${happened('p.t_rc')} THEN p.cause END,
           CASE WHEN ${happened('p.t_rc')} THEN ${ROOT_CAUSE_DESCRIPTION} END,
           CASE WHEN ${happened('p.t_rc')} THEN k.action_id END,
           CASE WHEN ${happened('p.t_rc')} AND k.action_id IS NULL THEN ${JUSTIFICATION} END,
           ${ifHappened('p.t_rc')}, ${ifHappened('p.t_close')},
           CASE WHEN p.type = 'complaint' AND ${happened('p.t_ack')} THEN CASE WHEN p.slot = 'delay' AND ${happened('p.t_upd')} THEN p.delay_to ELSE p.res_due0 END END,
           -- The customer's next step as the last acknowledgement or answer stated it.
           CASE WHEN ${happened('p.t_res2')} THEN ${answerPart('next', 'p.outcome2')} WHEN ${happened('p.t_res')} THEN ${answerPart('next', 'p.outcome1')}
                WHEN ${happened('p.t_ack')} THEN ${ACK_NEXT_STEPS} END,
           encode(sha256(convert_to(p.token, 'UTF8')), 'hex'),
           CASE WHEN p.channel IN ('api', 'web') THEN '${SUPPORT_DESK}'::uuid END,
           CASE WHEN p.channel IN ('api', 'web') THEN 'desk-' || p.n END,
           encode(sha256(convert_to('intake:' || p.n, 'UTF8')), 'hex'),
           p.created_at,
           coalesce(greatest(${changes.map(ifHappened).join(', ')}), p.created_at)
      FROM seed_p p ${LOOKUPS}
     ORDER BY p.n`;
}

/**
 * The timeline, in the order it happened (ids follow time, as in the app, where each event is appended when it
 * happens); events of one instant in the order the app writes them. A complaint's events come from a UNION ALL of
 * one-row SELECTs, one per kind of step, each yielding its row only if the step happened (its instant is NULL when
 * the story has no such step).
 */
function eventsSql(): string {
  const json = (...pairs: [string, string][]) => `jsonb_build_object(${pairs.map(([key, value]) => `${lit(key)}, ${value}`).join(', ')})`;
  const ev = (instant: string, type: string, actorKind: string, actor: string, data: string) =>
    (ord: number) => `SELECT ${ord} AS ord, ${instant} AS occurred_at, ${lit(type)} AS type, ${actorKind} AS actor_kind, ${actor} AS actor_id, ${data} AS data WHERE ${happened(instant)}`;
  // A UNION of one-row SELECTs rather than a VALUES list: PostgreSQL prepares a VALUES row's expressions anew each time.
  const values = (events: ((ord: number) => string)[]) => `(${events.map((e, i) => e(i + 1)).join('\n         UNION ALL ')}) e`;
  const when = (condition: string, instant: string) => `CASE WHEN ${condition} THEN ${instant} END`;
  const staff = `'staff'`;
  const system = [`'system'`, 'NULL::uuid'] as const;
  const customer = [`'customer'`, 'NULL::uuid'] as const;
  const resolved = (id: string, outcome: string, firstContact: string) =>
    json(['resolutionId', id], ['outcome', outcome], ['refusal', `${outcome} <> 'upheld'`], ['withNextSteps', `${answerPart('next', outcome)} IS NOT NULL`],
      ['alternativeOffered', `${answerPart('alternative', outcome)} IS NOT NULL`], ['atFirstContact', firstContact]);
  const complaintEvents = [
    ev('p.created_at', 'received', 'p.intake_actor_kind', 'p.intake_actor', json(['type', 'p.type'], ['channel', 'p.channel'], ['severity', 'p.severity'], ['categoryCode', 'p.category_code'])),
    ev('p.fr_breach', 'first_response_breached', ...system, json(['dueAt', iso('p.fr_due')])),
    ev('p.t_ack', 'acknowledged', staff, 'p.ack_actor', json(
      ['onTime', `CASE WHEN p.type = 'complaint' THEN p.t_ack <= p.fr_due END`],
      ['expectedResolutionBy', `CASE WHEN p.type = 'complaint' THEN ${iso('p.res_due0')} END`],
      ['nextSteps', ACK_NEXT_STEPS],
      ['channel', 'p.preferred'],
    )),
    ev('p.risk_flag', 'at_risk', ...system, json(['resolutionDueAt', iso(`CASE WHEN p.slot = 'question' AND p.risk_flag >= p.t_reply THEN p.res_due_shift ELSE p.res_due0 END`)])),
    ev('p.t_h', 'handed_off', staff, 'p.handoff_actor', json(
      ['fromDepartmentId', department('p.d0')], ['toDepartmentId', department('p.d1')], ['toDepartmentName', 'o.department_names[p.d1]'], ['toAssigneeId', 'p.assignee'], ['reason', HANDOFF_REASON], ['contextNote', HANDOFF_CONTEXT],
    )),
    ev('p.t_note', 'note_added', staff, 'p.note_author', json(['noteId', 'p.note_id'], ['visibility', `'internal'`])),
    ev(when(`p.slot = 'note'`, 'p.t_upd'), 'customer_updated', staff, 'p.update_author', json(['noteId', 'p.update_note_id'], ['message', SLOT_TEXT])),
    ev(when(`p.slot = 'delay'`, 'p.t_upd'), 'expected_date_changed', staff, 'p.update_author', json(
      ['from', iso('p.res_due0')], ['to', iso('p.delay_to')], ['later', 'true'], ['customerReason', SLOT_TEXT], ['announcedBeforeDeadline', 'p.t_upd <= p.res_due0'],
    )),
    ev(when(`p.slot = 'question'`, 'p.t_upd'), 'information_requested', staff, 'p.update_author', json(['informationRequestId', 'p.question_id'], ['question', SLOT_TEXT])),
    ev('p.t_reply', 'customer_replied', ...customer, json(['informationRequestId', 'p.question_id'], ['answer', 'l.answers[p.slot_variant]'], ['pausedBusinessMs', 'round(p.paused * 1000)::bigint'])),
    ev('p.ki_raise', 'keep_informed_due', ...system, json(['dueAt', iso('p.ki_due')], ['taskId', 'p.keep_informed_task_id'])),
    ev('p.res_breach', 'resolution_breached', ...system, json(['dueAt', iso('p.res_due_eff')])),
    ev('p.t_res', 'resolved', staff, 'p.resolver', resolved('p.resolution_id', 'p.outcome1', 'p.first_contact')),
    ev('p.t_disp', 'disputed', ...customer, json(['reason', DISPUTE_REASON], ['outcome', 'p.outcome1'])),
    ev('p.t_res2', 'resolved', staff, 'p.second_resolver', resolved('p.second_resolution_id', 'p.outcome2', 'false')),
    ev('p.t_fb', 'feedback_received', ...customer, json(['resolutionId', 'coalesce(p.second_resolution_id, p.resolution_id)'], ['csat', CSAT], ['nps', NPS])),
    ev('p.t_rc', 'root_cause_recorded', staff, 'p.resolver', json(
      ['causeCode', 'p.cause'], ['description', ROOT_CAUSE_DESCRIPTION], ['preventionActionId', 'k.action_id'], ['preventionActionCreated', 'coalesce(k.created, false)'],
      ['noSystemicCause', 'k.action_id IS NULL'], ['justification', `CASE WHEN k.action_id IS NULL THEN ${JUSTIFICATION} END`], ['replacedCauseCode', 'NULL::text'],
    )),
    ev('p.t_close', 'closed', staff, 'p.closer',
      `CASE WHEN p.type = 'complaint' THEN ${json(['rootCauseCode', 'p.cause'], ['preventionActionId', 'k.action_id'], ['noSystemicCause', 'k.action_id IS NULL'])} ELSE '{}'::jsonb END`),
  ];
  const sent = `m.status = 'sent'`;
  const messageEvents = [
    ev(when(`${sent} AND m.task_kind IS NULL`, 'm.attempted_at'), 'message_delivered', ...system, json(['outboxMessageId', 'm.id'], ['purpose', 'm.purpose'], ['channel', 'm.channel'])),
    ev(when(`${sent} AND m.task_kind IS NOT NULL`, 'm.attempted_at'), 'staff_task_raised', ...system,
      json(['outboxMessageId', 'm.id'], ['purpose', 'm.purpose'], ['taskId', 'm.task_id'], ['kind', 'm.task_kind'], ['attempt', '1'])),
    ev(when(`${sent} AND m.task_kind IS NOT NULL`, 'm.task_done_at'), 'staff_task_done', staff, 'm.task_actor',
      json(['taskId', 'm.task_id'], ['kind', 'm.task_kind'], ['attempt', '1'], ['outcome', `CASE m.task_kind WHEN 'call' THEN 'reached' ELSE 'sent' END`])),
    ev(when(`m.status = 'dead'`, 'm.attempted_at'), 'delivery_failed', ...system, json(['outboxMessageId', 'm.id'], ['purpose', 'm.purpose'], ['channel', 'm.channel'], ['attempts', '1'])),
  ];
  return `INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data)
    SELECT complaint_id, type, actor_kind, actor_id, occurred_at, data FROM (
      SELECT p.id AS complaint_id, e.type, e.actor_kind, e.actor_id, e.occurred_at, e.data, e.ord
        FROM seed_p p ${LOOKUPS}
       CROSS JOIN LATERAL ${values(complaintEvents)}
      UNION ALL
      SELECT m.complaint_id, e.type, e.actor_kind, e.actor_id, e.occurred_at, e.data, 100 + e.ord
        FROM seed_m m
       CROSS JOIN LATERAL ${values(messageEvents)}
    ) x
    ORDER BY occurred_at, ord`;
}

/** Each message's body as the app composed it: the template with this complaint's reference, team, link and date. */
function outboxSql(): string {
  const local = `(m.date AT TIME ZONE 'UTC')`;
  const date = `dn.weekdays[extract(isodow FROM ${local})::int] || ' ' || extract(day FROM ${local})::int || ' ' || dn.months[extract(month FROM ${local})::int]
                || ' ' || to_char(${local}, 'YYYY, HH24:MI')`;
  const body = [
    [PLACEHOLDER.reference, 'm.reference'],
    [PLACEHOLDER.team, 'm.team_name'],
    [PLACEHOLDER.url, 'm.url'],
    [PLACEHOLDER.date, `coalesce(${date}, '')`],
  ].reduce((text, [placeholder, value]) => `replace(${text}, ${lit(placeholder)}, ${value})`, 'tpl.body');
  return `INSERT INTO outbox_messages (id, complaint_id, purpose, channel, address, language, body, status, attempts, available_at, dedupe_key, created_at,
                                      guard_findings, last_error, delivered_at, receipt)
    SELECT m.id, m.complaint_id, m.purpose, m.channel, m.address, m.lang, ${body}, m.status,
           CASE m.status WHEN 'pending' THEN 0 WHEN 'failed' THEN 1 + floor(extract(epoch FROM ${NOW} - m.at) / 1200)::int ELSE 1 END,
           -- A claim holds the message for the lease; a failure waits for its retry.
           CASE m.status WHEN 'pending' THEN m.at WHEN 'failed' THEN ${NOW} + interval '5 minutes' ELSE m.attempted_at + ${seconds(String(env.DELIVERY_LEASE_SECONDS))} END,
           m.dedupe_key, m.at, tpl.findings,
           CASE m.status WHEN 'dead' THEN 'Can''t send mail - all recipients were rejected: 550 5.1.1 <' || m.address || '>: Recipient address rejected: User unknown'
                         WHEN 'failed' THEN 'Greeting never received' END,
           CASE WHEN m.status = 'sent' THEN m.attempted_at END,
           CASE WHEN m.status <> 'sent' THEN NULL WHEN m.task_kind IS NOT NULL THEN m.task_kind || ' task ' || m.task_id
                -- As an SMTP server answers (without SMTP_URL the app writes .eml files, which a seed cannot have written).
                WHEN m.channel = 'portal' THEN 'on the status page' ELSE '250 2.0.0 Ok: queued as ' || upper(left(replace(m.id::text, '-', ''), 12)) END
      FROM seed_m m
      JOIN seed_templates tpl ON tpl.lang = m.lang AND tpl.kind = m.kind AND tpl.variant = m.variant
      JOIN seed_languages dn ON dn.lang = m.lang`;
}

/** Keep-informed reminders raised by the sweep, and the calls, texts and letters the dispatcher raised from messages. */
function staffTasksSql(): string {
  return `INSERT INTO staff_tasks (id, complaint_id, department_id, kind, outbox_message_id, address, contact_instructions, attempt, due_at, created_at, done_at, outcome)
    SELECT p.keep_informed_task_id, p.id, ${department('CASE WHEN p.handed_off AND p.ki_raise >= p.t_h THEN p.d1 ELSE p.d0 END')}, 'keep_informed', NULL::uuid, NULL::text, NULL::text, 1,
           NULL::timestamptz, p.ki_raise, CASE WHEN ${happened('p.t_res')} THEN p.t_res END, NULL::text
      FROM seed_p p CROSS JOIN seed_org o
     WHERE ${happened('p.ki_raise')}
     UNION ALL
    SELECT m.task_id, m.complaint_id, m.department_id, m.task_kind, m.id, m.address, m.contact_instructions, 1, NULL, m.attempted_at,
           CASE WHEN ${happened('m.task_done_at')} THEN m.task_done_at END,
           CASE WHEN ${happened('m.task_done_at')} THEN CASE m.task_kind WHEN 'call' THEN 'reached' ELSE 'sent' END END
      FROM seed_m m
     WHERE m.status = 'sent' AND m.task_kind IS NOT NULL`;
}

/** Answers as ResolutionService stored them: a refusal with its reason, next steps and the referral rights. */
function resolutionsSql(): string {
  const answer = (number: number, id: string, outcome: string, instant: string) =>
    `SELECT ${id}, p.id, ${number}, ${outcome}, ${['message', 'remedy', 'refusal', 'next', 'alternative', 'referral'].map((part) => answerPart(part, outcome)).join(', ')}, ${instant}
       FROM seed_p p JOIN seed_languages l ON l.lang = p.lang
      WHERE ${happened(instant)}`;
  return `INSERT INTO resolutions (id, complaint_id, number, outcome, customer_message, remedy, refusal_reason, next_steps, alternative_offered, referral_text, resolved_at)
    ${answer(1, 'p.resolution_id', 'p.outcome1', 'p.t_res')}
    UNION ALL ${answer(2, 'p.second_resolution_id', 'p.outcome2', 'p.t_res2')}`;
}

function feedbackSql(): string {
  return `INSERT INTO customer_feedback (complaint_id, resolution_id, csat, nps, comment, created_at)
    SELECT p.id, coalesce(p.second_resolution_id, p.resolution_id), ${CSAT}, ${NPS},
           CASE WHEN ${u(117, 'p.n')} < 0.15 THEN ${element('l.comments', u(118, 'p.n'))} END, p.t_fb
      FROM seed_p p JOIN seed_languages l ON l.lang = p.lang
     WHERE ${happened('p.t_fb')}`;
}

/** The wait in a handoff ends with the receiving team's first action: a note, an update or the answer. */
function handoffsSql(): string {
  const after = (instant: string) => `CASE WHEN ${instant} >= p.t_h AND ${happened(instant)} THEN ${instant} END`;
  return `INSERT INTO handoffs (complaint_id, from_department_id, to_department_id, to_assignee_id, reason, context_note, handed_off_at, first_action_at)
    SELECT p.id, ${department('p.d0')}, ${department('p.d1')}, p.assignee, ${HANDOFF_REASON}, ${HANDOFF_CONTEXT}, p.t_h,
           least(${after('p.t_note')}, ${after('p.t_upd')}, ${after('p.t_res')})
      FROM seed_p p CROSS JOIN seed_org o
     WHERE ${happened('p.t_h')}`;
}

function notesSql(): string {
  return `INSERT INTO complaint_notes (id, complaint_id, visibility, body, author_kind, author_id, created_at)
    SELECT p.note_id, p.id, 'internal', ${pickText(TEXT.INTERNAL_NOTES, 121)}, 'staff', p.note_author, p.t_note FROM seed_p p WHERE ${happened('p.t_note')}
    UNION ALL
    SELECT p.update_note_id, p.id, 'customer', ${SLOT_TEXT}, 'staff', p.update_author, p.t_upd
      FROM seed_p p JOIN seed_languages l ON l.lang = p.lang
     WHERE p.slot = 'note' AND ${happened('p.t_upd')}`;
}

function informationRequestsSql(): string {
  return `INSERT INTO information_requests (id, complaint_id, question, asked_at, answered_at, answer, paused_business_ms)
    SELECT p.question_id, p.id, ${SLOT_TEXT}, p.t_upd,
           CASE WHEN ${happened('p.t_reply')} THEN p.t_reply END, CASE WHEN ${happened('p.t_reply')} THEN l.answers[p.slot_variant] END,
           CASE WHEN ${happened('p.t_reply')} THEN round(p.paused * 1000)::bigint END
      FROM seed_p p JOIN seed_languages l ON l.lang = p.lang
     WHERE p.slot = 'question' AND ${happened('p.t_upd')}`;
}

/** What the sweeps, the customer's actions and the effectiveness checks told department heads, worded as the app words it. */
function staffNotificationsSql(): string {
  const readable = (instant: string) => `to_char(${instant} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'`;
  const team = (instant: string) => department(`CASE WHEN p.handed_off AND ${instant} >= p.t_h THEN p.d1 ELSE p.d0 END`);
  const complaint = `seed_p p CROSS JOIN seed_org o`;
  // The version the dispute was made on: every change before it (ComplaintTransitions.apply).
  const versionBeforeDispute = `(2 + (NOT p.first_contact)::int + p.handed_off::int + CASE p.slot WHEN 'delay' THEN 1 WHEN 'question' THEN 2 ELSE 0 END)`;
  return `INSERT INTO staff_notifications (complaint_id, prevention_action_id, department_id, kind, body, created_at, dedupe_key)
    SELECT p.id, NULL::uuid, ${team('p.risk_flag')}, 'at_risk',
           format('Complaint %s is at risk of missing its resolution deadline, %s. Resolve it before then, or tell the customer when they can expect an answer.',
                  p.reference, ${readable(`CASE WHEN p.slot = 'question' AND p.risk_flag >= p.t_reply THEN p.res_due_shift ELSE p.res_due0 END`)}),
           p.risk_flag, 'at_risk:' || p.id
      FROM ${complaint} WHERE ${happened('p.risk_flag')}
    UNION ALL
    SELECT p.id, NULL, ${team('p.res_breach')}, 'resolution_breached',
           format('Complaint %s passed its resolution deadline, %s, and is still open. Tell the customer where it stands and when they can expect an answer.',
                  p.reference, ${readable('p.res_due_eff')}),
           p.res_breach, 'resolution_breached:' || p.id
      FROM ${complaint} WHERE ${happened('p.res_breach')}
    UNION ALL
    SELECT p.id, NULL, ${department('p.d1')}, 'disputed', format('The customer disputed the answer on %s and it has been reopened: "%s"', p.reference, ${DISPUTE_REASON}),
           p.t_disp, 'disputed:' || p.id || ':' || ${versionBeforeDispute}
      FROM ${complaint} JOIN seed_languages l ON l.lang = p.lang WHERE ${happened('p.t_disp')}
    UNION ALL
    SELECT p.id, NULL, ${team('p.t_reply')}, 'customer_replied', format('The customer answered the question on %s; the clocks run again.', p.reference),
           p.t_reply, 'customer_replied:' || p.question_id
      FROM ${complaint} WHERE ${happened('p.t_reply')}
    UNION ALL
    SELECT NULL, a.id, a.owner_department_id, 'prevention_action_overdue',
           format('Prevention action "%s" passed its due date, %s, and is %s. Say what support is needed to finish it, or set a new due date.',
                  c.title, ${readable('a.due_at')},
                  CASE WHEN a.t_start IS NULL OR a.t_start > a.overdue_at THEN 'not started yet'
                       WHEN a.t_done IS NULL OR a.t_done > a.overdue_at THEN 'still in progress'
                       ELSE 'still waiting for a new plan after it was found not effective' END),
           a.overdue_at, 'prevention_action_overdue:' || a.id || ':' || ${iso('a.due_at')}
      FROM seed_action_state a JOIN seed_causes c ON c.code = a.cause
     -- An action found not effective after its due date is told so by the check's notice, not by an overdue one.
     WHERE a.overdue_at IS NOT NULL AND a.overdue_at IS DISTINCT FROM a.last_checked_at
    UNION ALL
    SELECT NULL, a.id, a.owner_department_id, 'prevention_action_not_effective',
           format('The effectiveness check of prevention action "%s" found it not effective yet: matching complaints %s (from %s to %s per 30 days), against a target of %s%% fewer. Plan the next step with a new due date; the figures stay with the action.',
                  c.title, CASE WHEN k.reduction_pct >= 0 THEN 'fell by ' || trim_scale(k.reduction_pct) || '%' ELSE 'rose by ' || trim_scale(-k.reduction_pct) || '%' END,
                  trim_scale(round(k.baseline_rate, 2)), trim_scale(round(k.after_rate, 2)), a.target),
           k.checked_at, 'prevention_action_not_effective:' || k.id
      FROM seed_action_state a JOIN seed_causes c ON c.code = a.cause JOIN seed_checks k ON k.id = a.last_check_id
     WHERE a.status = 'not_effective'`;
}

/** Minutes: most member departments attended (one at least), and one to three decisions, some creating an action. */
function meetingAttendeesSql(): string {
  return `INSERT INTO meeting_attendees (meeting_id, department_id)
    SELECT meeting_id, department_id FROM (
      SELECT m.id AS meeting_id, d.id AS department_id, ${u(200, 'm.idx * 100 + d.idx')} AS draw, row_number() OVER (PARTITION BY m.id ORDER BY d.idx) AS place
        FROM seed_meetings m JOIN committee_members cm ON cm.committee_id = m.committee_id JOIN seed_departments d ON d.id = cm.department_id
       WHERE m.recorded_at IS NOT NULL) x
     WHERE draw < 0.85 OR place = 1`;
}

function meetingDecisionsSql(): string {
  return `INSERT INTO meeting_decisions (meeting_id, position, text, prevention_action_id)
    SELECT m.id, k, ${element(`ARRAY[${TEXT.MEETING_DECISIONS.map(lit).join(', ')}]`, u(202, 'm.idx * 10 + k'))},
           CASE WHEN ${u(203, 'm.idx * 10 + k')} < 0.3 THEN a.id END
      FROM seed_meetings m
     CROSS JOIN generate_series(1, 3) AS k
      LEFT JOIN LATERAL (SELECT id FROM seed_actions a WHERE a.created_at < m.starts_at ORDER BY a.created_at DESC
                          OFFSET floor(5 * ${u(204, 'm.idx * 10 + k')})::int LIMIT 1) a ON true
     WHERE m.recorded_at IS NOT NULL AND k <= 1 + floor(3 * ${u(201, 'm.idx')})`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
