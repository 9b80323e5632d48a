import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';
import { SlaSweepService } from '../../src/sla/sla-sweep.service.js';
import { eventTypes, handOff, logComplaint, resolve, UPHELD } from '../factories/complaints.js';

// A Monday morning (UTC, Mon-Fri 09:00-17:00). Default targets: critical 1h, high 4h, medium 8h, low 16h of business time.
const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const HIGH_DUE = '2026-11-23T13:00:00.000Z';
/** Events of the later clocks (at risk, resolution, keep informed), which run on after the first response. */
const RESOLUTION_CLOCK_EVENTS = ['at_risk', 'resolution_breached', 'keep_informed_due'];

async function breachEventsPerComplaint(t: TestApp): Promise<Map<string, number>> {
  const rows: { complaint_id: string; n: number }[] = await t.dataSource.query(
    `SELECT complaint_id, count(*)::int AS n FROM complaint_events WHERE type = 'first_response_breached' GROUP BY complaint_id`,
  );
  return new Map(rows.map((r) => [r.complaint_id, r.n]));
}

async function breachedAt(t: TestApp, id: string): Promise<string | null> {
  const [row] = await t.dataSource.query('SELECT first_response_breached_at AS at FROM complaints WHERE id = $1', [id]);
  return row.at ? new Date(row.at).toISOString() : null;
}

describe('the SLA sweep', () => {
  let t: TestApp;
  let org: Organisation;
  let sweep: () => ReturnType<SlaSweepService['sweep']>;

  beforeEach(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    const service = t.app.get(SlaSweepService);
    sweep = () => service.sweep();
  });
  afterEach(() => t.close());

  const queue = async (query: string) => {
    const res = await t.http().get(`/api/complaints?${query}`).set(bearer(org.tokens.agent));
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((c) => c.id).sort();
  };

  it('records nothing before the deadline, nor at the deadline itself (answering then is still on time)', async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    expect(complaint.firstResponseDueAt).toBe(HIGH_DUE);

    t.clock.set('2026-11-23T12:59:59.999Z');
    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 0 });
    t.clock.set(HIGH_DUE);
    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 0 });

    expect(await eventTypes(t, complaint.id)).toEqual(['received']);
    expect(await breachedAt(t, complaint.id)).toBeNull();
    expect(await queue('breached=true')).toEqual([]);
  });

  it('after the deadline records exactly one breach per unanswered complaint, which the queue filter finds; a second sweep adds nothing', async () => {
    const overdue = [await logComplaint(t, org.tokens.agent), await logComplaint(t, org.tokens.desk, { severity: 'critical' })];
    const notYetDue = await logComplaint(t, org.tokens.agent, { severity: 'low' }); // due Tuesday 17:00
    t.clock.set('2026-11-23T13:30:00.000Z');

    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 2 });

    for (const c of overdue) {
      expect(await eventTypes(t, c.id)).toEqual(['received', 'first_response_breached']);
      expect(await breachedAt(t, c.id)).toBe('2026-11-23T13:30:00.000Z');
    }
    const [event] = await t.dataSource.query(
      `SELECT actor_kind, actor_id, occurred_at, data FROM complaint_events WHERE complaint_id = $1 AND type = 'first_response_breached'`,
      [overdue[0].id],
    );
    expect(event).toMatchObject({ actor_kind: 'system', actor_id: null });
    // The instant, not its spelling: SQL writes the offset as +00:00 where JavaScript writes Z.
    expect(new Date(event.data.dueAt).toISOString()).toBe(HIGH_DUE);
    expect(new Date(event.occurred_at).toISOString()).toBe('2026-11-23T13:30:00.000Z');
    expect(await eventTypes(t, notYetDue.id)).toEqual(['received']);
    expect(await queue('breached=true')).toEqual(overdue.map((c) => c.id).sort());
    expect(await queue('breached=false')).toEqual([notYetDue.id]);

    t.clock.advance(HOUR);
    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 0 });
    for (const c of overdue) {
      expect(await eventTypes(t, c.id)).toEqual(['received', 'first_response_breached']);
      expect(await breachedAt(t, c.id)).toBe('2026-11-23T13:30:00.000Z');
    }
  });

  it('does not bump the version: a staff member holding ETag "1" can still acknowledge', async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    t.clock.set('2026-11-23T14:00:00.000Z');
    expect((await sweep()).firstResponseBreaches).toBe(1);

    const read = await t.http().get(`/api/complaints/${complaint.id}`).set(bearer(org.tokens.agent));
    expect(read.headers.etag).toBe('"1"');
    const res = await t
      .http()
      .post(`/api/complaints/${complaint.id}/acknowledge`)
      .set(bearer(org.tokens.agent))
      .set('If-Match', '"1"')
      .send({ message: 'We are sorry for the wait.', nextSteps: 'Billing checks both payments.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstResponseOnTime: false, firstResponseBreachedAt: '2026-11-23T14:00:00.000Z' });
  });

  it('never flags acknowledged complaints or suggestions', async () => {
    const answered = await logComplaint(t, org.tokens.agent, { severity: 'critical' });
    const suggestion = await logComplaint(t, org.tokens.agent, { type: 'suggestion', summary: 'Add an e-invoice option' });
    expect(suggestion.firstResponseDueAt).toBeNull();
    t.clock.set('2026-11-23T09:30:00.000Z');
    const ack = await t
      .http()
      .post(`/api/complaints/${answered.id}/acknowledge`)
      .set(bearer(org.tokens.agent))
      .send({ message: 'We are sorry.', nextSteps: 'Billing checks both payments.' });
    expect(ack.status).toBe(200);

    // A month later, with sweeps along the way.
    for (let day = 0; day < 30; day++) {
      t.clock.advance(24 * HOUR);
      expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 0 });
    }

    // The resolution clocks run on for the acknowledged complaint (sla-risk-and-keep-informed.integration-spec.ts); here only the first response matters.
    expect((await eventTypes(t, answered.id)).filter((type) => !RESOLUTION_CLOCK_EVENTS.includes(type))).toEqual(['received', 'acknowledged']);
    expect(await eventTypes(t, suggestion.id)).toEqual(['received']);
    expect(await breachedAt(t, answered.id)).toBeNull();
    expect(await breachedAt(t, suggestion.id)).toBeNull();
    expect(await queue('breached=true')).toEqual([]);
  });

  it('records the breach of a complaint handed off before anybody answered: it is in resolution, still owing its first response', async () => {
    const handedOff = await logComplaint(t, org.tokens.agent);
    expect((await handOff(t, org.tokens.agent, handedOff.id, org.otherDepartmentId)).status).toBe('in_resolution');
    t.clock.set('2026-11-23T13:30:00.000Z');

    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 1 });
    expect(await breachedAt(t, handedOff.id)).toBe('2026-11-23T13:30:00.000Z');
    expect(await queue('breached=true')).toEqual([handedOff.id]);

    // The late answer is the first response; the breach stays the one the sweep recorded, once.
    t.clock.set('2026-11-23T15:00:00.000Z');
    const answered = await resolve(t, org.tokens.resolver, handedOff.id, UPHELD);
    expect(answered).toMatchObject({ firstRespondedAt: '2026-11-23T15:00:00.000Z', firstResponseOnTime: false, firstResponseBreachedAt: '2026-11-23T13:30:00.000Z' });
    expect(await sweep()).toMatchObject({ skipped: false, firstResponseBreaches: 0 });
    expect((await breachEventsPerComplaint(t)).get(handedOff.id)).toBe(1);
  });

  it('run by two instances on one database at the same moment, records each breach exactly once', async () => {
    const second = await startTestApp({ database: t.database, clock: t.clock });
    try {
      const sweepers = [t.app.get(SlaSweepService), second.app.get(SlaSweepService)];
      // 30 complaints whose deadlines fall at four different moments, so several rounds each find new breaches.
      const severities = ['critical', 'high', 'medium', 'low'];
      const complaints: { id: string; severity: string }[] = [];
      for (let i = 0; i < 30; i++) {
        const severity = severities[i % severities.length];
        const c = await logComplaint(t, i % 2 ? org.tokens.desk : org.tokens.agent, { severity });
        complaints.push({ id: c.id, severity });
      }

      const moments = ['2026-11-23T10:30:00.000Z', '2026-11-23T13:30:00.000Z', '2026-11-23T17:30:00.000Z', '2026-11-24T17:30:00.000Z'];
      const dueBy = (moment: number) => complaints.filter((c) => severities.indexOf(c.severity) <= moment).length;
      let reported = 0;
      for (const [i, moment] of moments.entries()) {
        t.clock.set(moment);
        // Several simultaneous sweeps from both instances, a few times over.
        for (let round = 0; round < 3; round++) {
          const results = await Promise.all([...sweepers, ...sweepers].map((s) => s.sweep()));
          reported += results.reduce((sum, r) => sum + r.firstResponseBreaches, 0);
        }
        const counts = await breachEventsPerComplaint(t);
        expect(counts.size).toBe(dueBy(i));
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
        expect(reported).toBe(dueBy(i));
      }

      const counts = await breachEventsPerComplaint(t);
      expect(complaints.map((c) => counts.get(c.id) ?? 0)).toEqual(Array(30).fill(1));
      const [{ flagged }] = await t.dataSource.query(`SELECT count(*)::int AS flagged FROM complaints WHERE first_response_breached_at IS NOT NULL`);
      expect(flagged).toBe(30);
    } finally {
      await second.close();
    }
  });
});
