import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import type { Period } from '../../src/kpis/kpi-periods.js';
import { precedingPeriods } from '../../src/kpis/kpi-periods.js';
import { KpisRepository } from '../../src/kpis/kpis.repository.js';
import { oracleSeries } from '../support/kpis-oracle.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/*
 * The KPIs read from the aggregates (KpisRepository) against the statements that compute them from the tables
 * (test/support/kpis-oracle.ts, the repository before AddKpiAggregates), on a year of complaints written by the
 * benchmark seed: the same figures for periods whose bounds fall anywhere in an hour or a day, after kpi_rebuild,
 * after changes of every kind the triggers count, and after the deltas are folded.
 */

const SEEDED = 3_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A deterministic sequence in [0, 1): the same periods on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('the KPI aggregates', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const repository = new KpisRepository();
  const now = new Date();

  beforeAll(async () => {
    database = await createTestDatabase();
    await promisify(execFile)('npx', ['tsx', 'bench/seed.ts', '--complaints', String(SEEDED)], {
      env: { ...process.env, DATABASE_URL: database.url },
      maxBuffer: 16 * 1024 * 1024,
    });
    dataSource = new DataSource(dataSourceOptions(database.url, 2));
    await dataSource.initialize();
  }, 240_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Series of every shape: a quarter against the one before, six months, periods inside one hour or across two. */
  function series(): { name: string; periods: Period[]; asOf: Date }[] {
    const next = random(11);
    const instant = (before: number) => new Date(now.getTime() - Math.floor(next() * before));
    const quarter = 91 * DAY;
    const odd = instant(quarter);
    const shapes = [
      { name: 'two quarters ending now', periods: [{ from: new Date(+now - 2 * quarter), to: new Date(+now - quarter) }, { from: new Date(+now - quarter), to: now }] },
      { name: 'six months of odd bounds', periods: precedingPeriods(new Date(+odd - 30 * DAY - 1234), odd, 6) },
      { name: 'whole UTC days', periods: precedingPeriods(new Date(Math.floor(+odd / DAY) * DAY - 30 * DAY), new Date(Math.floor(+odd / DAY) * DAY), 3) },
      { name: 'whole hours', periods: [{ from: new Date(Math.floor(+odd / HOUR) * HOUR - 100 * HOUR), to: new Date(Math.floor(+odd / HOUR) * HOUR) }] },
      { name: 'inside one hour', periods: [{ from: new Date(Math.floor(+odd / HOUR) * HOUR + 60_000), to: new Date(Math.floor(+odd / HOUR) * HOUR + 3_000_000) }] },
      { name: 'across one hour boundary', periods: [{ from: new Date(Math.floor(+odd / HOUR) * HOUR - 1_000_000), to: new Date(Math.floor(+odd / HOUR) * HOUR + 1_000_000) }] },
      { name: 'the whole year', periods: [{ from: new Date(+now - 366 * DAY), to: now }] },
    ];
    for (let i = 0; i < 6; i++) {
      const to = instant(365 * DAY);
      shapes.push({ name: `random ${i + 1}`, periods: precedingPeriods(new Date(+to - Math.floor(next() * 60 * DAY) - 1), to, 1 + Math.floor(next() * 4)) });
    }
    return shapes.flatMap((shape) => [
      { ...shape, asOf: now },
      // The moment asked decides which unanswered complaints are late.
      { ...shape, name: `${shape.name}, as of ten days ago`, asOf: new Date(+now - 10 * DAY) },
    ]);
  }

  async function expectSameAsOracle(): Promise<void> {
    for (const { name, periods, asOf } of series()) {
      const [fromAggregates, fromTables] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
        await repository.series(manager, periods, asOf),
        await oracleSeries(manager, periods, asOf),
      ]);
      expect({ name, kpis: fromAggregates }).toEqual({ name, kpis: fromTables });
    }
  }

  const rowsPerHour = async () =>
    (await dataSource.query(`SELECT count(*)::int AS rows, count(DISTINCT hour)::int AS hours FROM kpi_hours`))[0] as { rows: number; hours: number };

  it('give the figures the tables give, once kpi_rebuild has counted the seed', async () => {
    const [{ complaints }] = await dataSource.query(`SELECT sum(complaints + suggestions)::int AS complaints FROM kpi_hours`);
    expect(complaints).toBe(SEEDED);
    await expectSameAsOracle();
  });

  it('stay the same as the tables through changes of every kind the triggers count', async () => {
    const some = (share: number, salt: string) => `abs(hashtext(c.id::text || '${salt}')) % ${share} = 0`;
    await dataSource.transaction(async (manager) => {
      // Acknowledgements with a next step and a date: the event before the complaint's update for some, after for
      // others, and two in one statement for a few (the statement's own events are what the trigger takes away).
      const unanswered = `SELECT c.id FROM complaints c WHERE c.type = 'complaint' AND c.first_responded_at IS NULL`;
      const ack = (ids: string) =>
        `INSERT INTO complaint_events (complaint_id, type, actor_kind, occurred_at, data)
         SELECT id, 'acknowledged', 'system', now(), jsonb_build_object('nextSteps', 'We will call you', 'expectedResolutionBy', now()) FROM (${ids}) x`;
      await manager.query(ack(`${unanswered} AND ${some(2, 'a')}`));
      await manager.query(`${ack(`${unanswered} AND ${some(3, 'b')}`)} UNION ALL SELECT id, 'acknowledged', 'system', now(), '{}' FROM (${unanswered} AND ${some(3, 'b')}) y`);
      await manager.query(
        `UPDATE complaints c SET first_responded_at = c.received_at + interval '5 hours', first_response_on_time = ${some(2, 'c')}, status = 'acknowledged'
          WHERE c.type = 'complaint' AND c.first_responded_at IS NULL AND (${some(4, 'd')} OR EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'acknowledged'))`,
      );
      await manager.query(ack(`SELECT c.id FROM complaints c WHERE c.type = 'complaint' AND c.status = 'acknowledged' AND ${some(5, 'e')}`));
      // Answers at first contact, delays (announced or not) and disputes.
      await manager.query(
        `INSERT INTO complaint_events (complaint_id, type, actor_kind, occurred_at, data)
         SELECT c.id, t.type, 'system', now(), t.data FROM complaints c
           JOIN (VALUES ('resolved', '{"atFirstContact": true}'::jsonb), ('expected_date_changed', '{"later": true, "announcedBeforeDeadline": false}'),
                        ('expected_date_changed', '{"later": true, "announcedBeforeDeadline": true}'), ('disputed', '{"outcome": "not_upheld"}')) t(type, data)
             ON ${some(7, 'f')}`,
      );
      // Breaches, closing with and without a cause, categories moved (recurrence by category), a suggestion.
      await manager.query(`UPDATE complaints c SET resolution_breached_at = now() WHERE c.resolution_breached_at IS NULL AND ${some(6, 'g')}`);
      await manager.query(
        `UPDATE complaints c SET status = 'closed', root_cause_code = (SELECT code FROM root_causes ORDER BY code LIMIT 1),
                no_systemic_cause_justification = 'A one-off outage, fixed the same day.', prevention_action_id = NULL
          WHERE c.type = 'complaint' AND c.status = 'resolved' AND ${some(2, 'h')}`,
      );
      await manager.query(
        `UPDATE complaints c SET category_id = (SELECT id FROM categories ORDER BY id OFFSET 3 LIMIT 1) WHERE c.root_cause_code IS NOT NULL AND ${some(9, 'i')}`,
      );
      // Messages with findings, their findings changed; answers; ratings added, changed and taken back.
      await manager.query(
        `INSERT INTO outbox_messages (complaint_id, purpose, channel, address, language, body, available_at, dedupe_key, guard_findings)
         SELECT c.id, 'update', 'email', 'customer@example.com', 'en', 'Hello', now(), 'kpi-test-' || c.id,
                '[{"severity": "warn"}, {"severity": "block"}, {"override": "asked for it"}]'::jsonb
           FROM complaints c WHERE ${some(8, 'j')}`,
      );
      await manager.query(`UPDATE outbox_messages SET guard_findings = '[]' WHERE dedupe_key LIKE 'kpi-test-%' AND abs(hashtext(id::text)) % 2 = 0`);
      await manager.query(
        `INSERT INTO resolutions (complaint_id, outcome, customer_message, refusal_reason, next_steps, resolved_at, number)
         SELECT c.id, 'not_upheld', 'Our answer', 'The terms', CASE WHEN ${some(2, 'k')} THEN 'Write to the ombudsman' ELSE ' ' END, now(), 100
           FROM complaints c WHERE ${some(10, 'l')}`,
      );
      await manager.query(
        `INSERT INTO customer_feedback (complaint_id, resolution_id, csat, nps, created_at)
         SELECT r.complaint_id, r.id, 1 + abs(hashtext(r.id::text)) % 5, NULL, now() FROM resolutions r WHERE r.number = 100`,
      );
      await manager.query(`UPDATE customer_feedback SET nps = 9, csat = NULL WHERE abs(hashtext(id::text)) % 3 = 0`);
      await manager.query(`DELETE FROM customer_feedback WHERE abs(hashtext(id::text)) % 5 = 0`);
    });
    expect((await rowsPerHour()).rows).toBeGreaterThan((await rowsPerHour()).hours);
    await expectSameAsOracle();
  });

  it('read the same once the deltas are folded into one row per hour', async () => {
    await dataSource.transaction((manager) => repository.compact(manager, 100_000));
    const { rows, hours } = await rowsPerHour();
    expect(rows).toBe(hours);
    await expectSameAsOracle();
  });

  it('refuse a change that would take back a first-response time, which the percentiles cannot forget', async () => {
    const [answered] = await dataSource.query(`SELECT id FROM complaints WHERE first_responded_at IS NOT NULL AND type = 'complaint' LIMIT 1`);
    await expect(dataSource.query(`UPDATE complaints SET first_responded_at = first_responded_at + interval '1 hour' WHERE id = $1`, [answered.id])).rejects.toThrow(
      /recorded once/,
    );
  });
});
