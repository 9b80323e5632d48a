import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR } from '../support/test-clock.js';
import { SlaSweepService, type SweepResult } from '../../src/sla/sla-sweep.service.js';
import { eventTypes, logComplaint } from '../factories/complaints.js';
import { KeepInformedRepository } from '../../src/notifications/keep-informed.repository.js';

// A Monday morning; the default business calendar is UTC, Mon-Fri 09:00-17:00.
const MONDAY_9 = '2026-11-23T09:00:00.000Z';
const AT_RISK_DUE = '2026-11-25T11:00:00.000Z';
const RESOLUTION_DUE = '2026-11-25T17:00:00.000Z';
const KEEP_INFORMED_DUE = '2026-11-30T09:00:00.000Z';
const DAY = 24 * HOUR;

const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs).toISOString();
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The columns the lead's services maintain, set here by SQL so each test controls every clock. */
interface Clocks {
  atRiskDueAt?: string | null;
  resolutionDueAt?: string | null;
  keepInformedDueAt?: string | null;
  pausedAt?: string | null;
  status?: string;
  owningDepartmentId?: string;
}

async function setClocks(t: TestApp, id: string, clocks: Clocks): Promise<void> {
  const columns: Record<keyof Clocks, string> = {
    atRiskDueAt: 'at_risk_due_at',
    resolutionDueAt: 'resolution_due_at',
    keepInformedDueAt: 'keep_informed_due_at',
    pausedAt: 'paused_at',
    status: 'status',
    owningDepartmentId: 'owning_department_id',
  };
  const entries = Object.entries(clocks) as [keyof Clocks, unknown][];
  const sets = entries.map(([key], i) => `${columns[key]} = $${i + 2}`);
  await t.dataSource.query(`UPDATE complaints SET ${sets.join(', ')} WHERE id = $1`, [id, ...entries.map(([, value]) => value)]);
}

async function eventsOf(t: TestApp, id: string, type: string): Promise<any[]> {
  return t.dataSource.query(
    'SELECT actor_kind, actor_id, occurred_at, data FROM complaint_events WHERE complaint_id = $1 AND type = $2 ORDER BY id',
    [id, type],
  );
}

async function notificationsOf(t: TestApp, id: string): Promise<any[]> {
  return t.dataSource.query(
    'SELECT department_id, kind, body, created_at, dedupe_key FROM staff_notifications WHERE complaint_id = $1 ORDER BY created_at, kind',
    [id],
  );
}

async function tasksOf(t: TestApp, id: string): Promise<any[]> {
  return t.dataSource.query('SELECT id, department_id, kind, created_at, done_at FROM staff_tasks WHERE complaint_id = $1 ORDER BY created_at', [
    id,
  ]);
}

async function flagsOf(t: TestApp, id: string) {
  const [row] = await t.dataSource.query(
    'SELECT at_risk_at, resolution_breached_at, first_response_breached_at FROM complaints WHERE id = $1',
    [id],
  );
  return { atRiskAt: iso(row.at_risk_at), resolutionBreachedAt: iso(row.resolution_breached_at), firstResponseBreachedAt: iso(row.first_response_breached_at) };
}

/** Everything the sweep could have written about one complaint, to compare before and after. */
async function traces(t: TestApp, id: string) {
  return { flags: await flagsOf(t, id), events: await eventTypes(t, id), notifications: await notificationsOf(t, id), tasks: await tasksOf(t, id) };
}

/** Contact data and staff names that seedOrganisation and intakeBody use; none may reach a staff notification. */
const PRIVATE_WORDS = ['Anna', 'Berzina', 'anna@example.com', '+37120000000', 'HD-1', 'mobile', 'Test agent', 'Test resolver', 'Test department_head'];

describe('the SLA sweep: at risk, resolution breaches and keeping the customer informed', () => {
  let t: TestApp;
  let org: Organisation;
  let sweep: () => Promise<SweepResult>;

  beforeEach(async () => {
    t = await startTestApp();
    t.clock.set(MONDAY_9);
    org = await seedOrganisation(t);
    const service = t.app.get(SlaSweepService);
    sweep = () => service.sweep();
  });
  afterEach(() => t.close());

  /** A complaint logged through the API, then with exactly these clocks: those not named are cleared. */
  async function logWithClocks(clocks: Clocks, overrides: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
    const complaint = await logComplaint(t, org.tokens.agent, overrides);
    const cleared = overrides.type === 'suggestion' ? { atRiskDueAt: null, keepInformedDueAt: null } : { atRiskDueAt: null, resolutionDueAt: null, keepInformedDueAt: null };
    await setClocks(t, complaint.id, { ...cleared, ...clocks });
    return { id: complaint.id, reference: complaint.reference };
  }

  describe('at risk', () => {
    it('is flagged at its moment, not before, exactly once, and tells the owning department in plain words', async () => {
      const complaint = await logWithClocks({ atRiskDueAt: AT_RISK_DUE, resolutionDueAt: RESOLUTION_DUE, owningDepartmentId: org.otherDepartmentId });
      const later = await logWithClocks({ atRiskDueAt: at(AT_RISK_DUE, DAY), resolutionDueAt: at(RESOLUTION_DUE, DAY) });

      t.clock.set(at(AT_RISK_DUE, -1));
      expect(await sweep()).toMatchObject({ skipped: false, atRisk: 0 });
      expect(await flagsOf(t, complaint.id)).toMatchObject({ atRiskAt: null });
      expect(await eventsOf(t, complaint.id, 'at_risk')).toEqual([]);
      expect(await notificationsOf(t, complaint.id)).toEqual([]);

      t.clock.set(AT_RISK_DUE);
      expect(await sweep()).toMatchObject({ skipped: false, atRisk: 1, resolutionBreaches: 0 });
      expect(await flagsOf(t, complaint.id)).toMatchObject({ atRiskAt: AT_RISK_DUE, resolutionBreachedAt: null });
      const [event, ...moreEvents] = await eventsOf(t, complaint.id, 'at_risk');
      expect(moreEvents).toEqual([]);
      expect({ ...event, occurred_at: iso(event.occurred_at) }).toEqual({
        actor_kind: 'system',
        actor_id: null,
        occurred_at: AT_RISK_DUE,
        // Spelled exactly as JavaScript writes instants, like every other instant on the timeline.
        data: { resolutionDueAt: RESOLUTION_DUE },
      });

      const [notification, ...moreNotifications] = await notificationsOf(t, complaint.id);
      expect(moreNotifications).toEqual([]);
      expect({ ...notification, created_at: iso(notification.created_at), body: undefined }).toEqual({
        // The department that owns the complaint now, not the category's owner.
        department_id: org.otherDepartmentId,
        kind: 'at_risk',
        body: undefined,
        created_at: AT_RISK_DUE,
        dedupe_key: `at_risk:${complaint.id}`,
      });
      expect(notification.body).toContain(complaint.reference);
      expect(notification.body).toContain('2026-11-25 17:00 UTC');
      expect(notification.body).toMatch(/at risk/);
      for (const word of PRIVATE_WORDS) expect(notification.body).not.toContain(word);

      expect(await flagsOf(t, later.id)).toMatchObject({ atRiskAt: null });
      expect(await notificationsOf(t, later.id)).toEqual([]);

      const before = await traces(t, complaint.id);
      for (let i = 0; i < 3; i++) {
        t.clock.advance(HOUR);
        expect(await sweep()).toMatchObject({ skipped: false, atRisk: 0 });
      }
      expect(await traces(t, complaint.id)).toEqual(before);
      expect(await eventsOf(t, complaint.id, 'at_risk')).toHaveLength(1);

      t.clock.set(at(AT_RISK_DUE, DAY));
      expect(await sweep()).toMatchObject({ atRisk: 1 });
      expect(await flagsOf(t, later.id)).toMatchObject({ atRiskAt: at(AT_RISK_DUE, DAY) });
      expect((await notificationsOf(t, later.id)).map((n) => [n.department_id, n.kind])).toEqual([[org.departmentId, 'at_risk']]);
    });

    it('uses the business calendar\'s time zone for the deadline the department head reads', async () => {
      await t.dataSource.query(`UPDATE business_calendar SET time_zone = 'Europe/Riga' WHERE id = 1`);
      const complaint = await logWithClocks({ atRiskDueAt: AT_RISK_DUE, resolutionDueAt: RESOLUTION_DUE });
      t.clock.set(AT_RISK_DUE);
      expect(await sweep()).toMatchObject({ atRisk: 1 });
      const [notification] = await notificationsOf(t, complaint.id);
      // 17:00Z is 19:00 in Riga in November (EET, +02:00); the timeline keeps UTC.
      expect(notification.body).toContain('2026-11-25 19:00 Europe/Riga');
      expect((await eventsOf(t, complaint.id, 'at_risk'))[0].data).toEqual({ resolutionDueAt: RESOLUTION_DUE });
    });
  });

  describe('resolution breaches', () => {
    it('are recorded once the deadline has passed, not at the deadline itself, exactly once', async () => {
      const complaint = await logWithClocks({ resolutionDueAt: RESOLUTION_DUE });

      t.clock.set(RESOLUTION_DUE);
      expect(await sweep()).toMatchObject({ skipped: false, resolutionBreaches: 0 });
      expect(await flagsOf(t, complaint.id)).toMatchObject({ resolutionBreachedAt: null });
      expect(await eventsOf(t, complaint.id, 'resolution_breached')).toEqual([]);

      const justAfter = at(RESOLUTION_DUE, 1);
      t.clock.set(justAfter);
      expect(await sweep()).toMatchObject({ skipped: false, resolutionBreaches: 1 });
      expect(await flagsOf(t, complaint.id)).toMatchObject({ resolutionBreachedAt: justAfter, atRiskAt: null });
      const events = await eventsOf(t, complaint.id, 'resolution_breached');
      expect(events.map((e) => ({ ...e, occurred_at: iso(e.occurred_at) }))).toEqual([
        { actor_kind: 'system', actor_id: null, occurred_at: justAfter, data: { dueAt: RESOLUTION_DUE } },
      ]);
      const notifications = await notificationsOf(t, complaint.id);
      expect(notifications.map((n) => ({ ...n, created_at: iso(n.created_at), body: undefined }))).toEqual([
        { department_id: org.departmentId, kind: 'resolution_breached', body: undefined, created_at: justAfter, dedupe_key: `resolution_breached:${complaint.id}` },
      ]);
      expect(notifications[0].body).toContain(complaint.reference);
      expect(notifications[0].body).toContain('2026-11-25 17:00 UTC');
      for (const word of PRIVATE_WORDS) expect(notifications[0].body).not.toContain(word);

      const before = await traces(t, complaint.id);
      for (let i = 0; i < 3; i++) {
        t.clock.advance(DAY);
        expect(await sweep()).toMatchObject({ skipped: false, resolutionBreaches: 0 });
      }
      expect(await traces(t, complaint.id)).toEqual(before);
    });

    it('a complaint found past both moments at once reads "at risk" then "breached", each told once', async () => {
      const complaint = await logWithClocks({ atRiskDueAt: AT_RISK_DUE, resolutionDueAt: RESOLUTION_DUE });
      t.clock.set(at(RESOLUTION_DUE, HOUR));
      expect(await sweep()).toMatchObject({ atRisk: 1, resolutionBreaches: 1 });
      expect((await eventTypes(t, complaint.id)).filter((type) => type === 'at_risk' || type === 'resolution_breached')).toEqual([
        'at_risk',
        'resolution_breached',
      ]);
      expect((await notificationsOf(t, complaint.id)).map((n) => n.dedupe_key).sort()).toEqual(
        [`at_risk:${complaint.id}`, `resolution_breached:${complaint.id}`].sort(),
      );
    });
  });

  describe('keeping the customer informed', () => {
    it('raises one open task once the clock has run out, and another only after the customer heard from us and it ran out again', async () => {
      const complaint = await logWithClocks({ keepInformedDueAt: KEEP_INFORMED_DUE, owningDepartmentId: org.otherDepartmentId });

      t.clock.set(KEEP_INFORMED_DUE);
      expect(await sweep()).toMatchObject({ skipped: false, keepInformedTasks: 0 });
      expect(await tasksOf(t, complaint.id)).toEqual([]);
      expect(await eventsOf(t, complaint.id, 'keep_informed_due')).toEqual([]);

      const raisedAt = at(KEEP_INFORMED_DUE, 1);
      t.clock.set(raisedAt);
      expect(await sweep()).toMatchObject({ skipped: false, keepInformedTasks: 1 });
      const [task, ...moreTasks] = await tasksOf(t, complaint.id);
      expect(moreTasks).toEqual([]);
      expect({ ...task, created_at: iso(task.created_at), id: undefined }).toEqual({
        id: undefined,
        department_id: org.otherDepartmentId,
        kind: 'keep_informed',
        created_at: raisedAt,
        done_at: null,
      });
      const events = await eventsOf(t, complaint.id, 'keep_informed_due');
      expect(events.map((e) => ({ ...e, occurred_at: iso(e.occurred_at) }))).toEqual([
        { actor_kind: 'system', actor_id: null, occurred_at: raisedAt, data: { dueAt: KEEP_INFORMED_DUE, taskId: task.id } },
      ]);

      // Marked, the complaint is out of the sweep's index until the customer hears from us.
      const [{ raised }] = await t.dataSource.query(`SELECT keep_informed_task_raised_at AS raised FROM complaints WHERE id = $1`, [complaint.id]);
      expect(iso(raised)).toBe(raisedAt);

      // While the task is open, sweeps add nothing.
      const before = await traces(t, complaint.id);
      for (let i = 0; i < 3; i++) {
        t.clock.advance(DAY);
        expect(await sweep()).toMatchObject({ keepInformedTasks: 0 });
      }
      expect(await traces(t, complaint.id)).toEqual(before);

      // The customer hears from us: the messenger closes the task and restarts the clock.
      const informedAt = t.clock.now().toISOString();
      const nextDue = at(informedAt, 7 * DAY);
      await t.app.get(KeepInformedRepository).restart(t.dataSource.manager, complaint.id, new Date(informedAt), new Date(nextDue));

      expect((await t.dataSource.query(`SELECT keep_informed_task_raised_at AS raised FROM complaints WHERE id = $1`, [complaint.id]))[0].raised).toBeNull();
      t.clock.set(nextDue);
      expect(await sweep()).toMatchObject({ keepInformedTasks: 0 });
      expect(await tasksOf(t, complaint.id)).toHaveLength(1);

      t.clock.set(at(nextDue, HOUR));
      expect(await sweep()).toMatchObject({ keepInformedTasks: 1 });
      const tasks = await tasksOf(t, complaint.id);
      expect(tasks.map((row) => [iso(row.created_at), iso(row.done_at)])).toEqual([
        [raisedAt, informedAt],
        [at(nextDue, HOUR), null],
      ]);
      expect((await eventsOf(t, complaint.id, 'keep_informed_due')).map((e) => e.data)).toEqual([
        { dueAt: KEEP_INFORMED_DUE, taskId: task.id },
        { dueAt: nextDue, taskId: tasks[1].id },
      ]);
    });

    it('raises nothing, and writes no event, for a complaint that already has an open task', async () => {
      const complaint = await logWithClocks({ keepInformedDueAt: KEEP_INFORMED_DUE });
      await t.dataSource.query(`INSERT INTO staff_tasks (complaint_id, department_id, kind, created_at) VALUES ($1, $2, 'keep_informed', $3)`, [
        complaint.id,
        org.departmentId,
        MONDAY_9,
      ]);
      t.clock.set(at(KEEP_INFORMED_DUE, DAY));
      expect(await sweep()).toMatchObject({ keepInformedTasks: 0 });
      expect(await tasksOf(t, complaint.id)).toHaveLength(1);
      expect(await eventsOf(t, complaint.id, 'keep_informed_due')).toEqual([]);
    });
  });

  it('never flags paused complaints, suggestions, or resolved and closed complaints, though their clocks ran out long ago', async () => {
    const everythingDue: Clocks = { atRiskDueAt: '2026-11-23T10:00:00.000Z', resolutionDueAt: '2026-11-23T11:00:00.000Z', keepInformedDueAt: '2026-11-23T11:00:00.000Z' };
    const control = await logWithClocks(everythingDue);
    const paused = await logWithClocks({ ...everythingDue, pausedAt: MONDAY_9 });
    const pausedLater = await logWithClocks({ ...everythingDue, pausedAt: MONDAY_9, status: 'in_resolution' });
    const suggestion = await logWithClocks(
      { atRiskDueAt: everythingDue.atRiskDueAt, keepInformedDueAt: everythingDue.keepInformedDueAt },
      { type: 'suggestion', summary: 'Add an e-invoice option' },
    );
    const resolved = await logWithClocks({ ...everythingDue, status: 'resolved' });
    const closed = await logWithClocks({ ...everythingDue, status: 'closed' });
    const never = [paused, pausedLater, suggestion, resolved, closed];
    const quiet = { flags: { atRiskAt: null, resolutionBreachedAt: null, firstResponseBreachedAt: null }, events: ['received'], notifications: [], tasks: [] };

    // A month later, with sweeps along the way.
    const totals = { atRisk: 0, resolutionBreaches: 0, keepInformedTasks: 0, firstResponseBreaches: 0 };
    for (let day = 0; day < 30; day++) {
      t.clock.advance(DAY);
      const result = await sweep();
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    }

    // The control, with the very same clocks, shows the sweep would have flagged them.
    expect(totals).toEqual({ atRisk: 1, resolutionBreaches: 1, keepInformedTasks: 1, firstResponseBreaches: 1 });
    expect((await eventTypes(t, control.id)).sort()).toEqual(
      ['received', 'first_response_breached', 'at_risk', 'resolution_breached', 'keep_informed_due'].sort(),
    );
    for (const complaint of never) expect(await traces(t, complaint.id)).toEqual(quiet);

    // The customer answers: the clocks run again, and what ran out is flagged on the next sweep.
    await setClocks(t, paused.id, { pausedAt: null });
    expect(await sweep()).toMatchObject({ atRisk: 1, resolutionBreaches: 1, keepInformedTasks: 1, firstResponseBreaches: 1 });
    expect(await eventTypes(t, paused.id)).toEqual(['received', 'first_response_breached', 'at_risk', 'resolution_breached', 'keep_informed_due']);
    for (const complaint of [pausedLater, suggestion, resolved, closed]) expect(await traces(t, complaint.id)).toEqual(quiet);
  });

  describe('GET /api/staff-tasks', () => {
    const T1 = at(KEEP_INFORMED_DUE, HOUR);
    const T2 = at(KEEP_INFORMED_DUE, 2 * HOUR);
    let billing: string[];
    let network: string;
    let newest: string;
    let doneTask: string;

    beforeEach(async () => {
      const complaints = [];
      for (let i = 0; i < 3; i++) complaints.push(await logWithClocks({ keepInformedDueAt: KEEP_INFORMED_DUE }));
      const inNetwork = await logWithClocks({ keepInformedDueAt: KEEP_INFORMED_DUE, owningDepartmentId: org.otherDepartmentId });
      const dueLater = await logWithClocks({ keepInformedDueAt: at(T1, 1) });
      t.clock.set(T1);
      expect(await sweep()).toMatchObject({ keepInformedTasks: 4 });
      t.clock.set(T2);
      expect(await sweep()).toMatchObject({ keepInformedTasks: 1 });
      const taskOf = async (complaintId: string) => (await tasksOf(t, complaintId))[0].id as string;
      // Three raised in one sweep share created_at: the order falls back to the id.
      billing = await Promise.all(complaints.map((c) => taskOf(c.id)));
      network = await taskOf(inNetwork.id);
      newest = await taskOf(dueLater.id);
      doneTask = billing[1];
      await t.dataSource.query('UPDATE staff_tasks SET done_at = $2 WHERE id = $1', [doneTask, T2]);
    });

    const list = (query: string, token = org.tokens.resolver) => t.http().get(`/api/staff-tasks${query}`).set(bearer(token));
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);
    const idDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

    it('lists a department\'s tasks newest first with the complaint reference, filtered by open or done', async () => {
      const res = await list(`?departmentId=${org.departmentId}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([newest, ...[...billing].sort(idDesc)]);
      expect(res.body.nextCursor).toBeNull();

      const [reference] = await t.dataSource.query(
        'SELECT c.id, c.reference FROM complaints c JOIN staff_tasks t ON t.complaint_id = c.id WHERE t.id = $1',
        [doneTask],
      );
      expect(res.body.items.find((item: { id: string }) => item.id === doneTask)).toEqual({
        id: doneTask,
        complaintId: reference.id,
        reference: reference.reference,
        kind: 'keep_informed',
        departmentId: org.departmentId,
        purpose: null,
        address: null,
        contactInstructions: null,
        message: null,
        language: null,
        attempt: 1,
        dueAt: null,
        createdAt: T1,
        doneAt: T2,
        outcome: null,
      });
      expect(res.body.items[0]).toMatchObject({ id: newest, createdAt: T2, doneAt: null, reference: expect.stringMatching(/^CMP-\d{4}-\d{6}$/) });

      const open = await list(`?departmentId=${org.departmentId}&open=true`);
      expect(ids(open)).toEqual([newest, ...billing.filter((id) => id !== doneTask).sort(idDesc)]);
      const done = await list(`?departmentId=${org.departmentId}&open=false`);
      expect(ids(done)).toEqual([doneTask]);

      expect(ids(await list(`?departmentId=${org.otherDepartmentId}`, org.tokens.department_head))).toEqual([network]);
      expect((await list('', org.tokens.admin)).body.items).toHaveLength(5);
    });

    it('pages with a cursor, across tasks raised at the same instant, without gaps or repeats', async () => {
      const all = ids(await list(`?departmentId=${org.departmentId}`));
      const first = await list(`?departmentId=${org.departmentId}&limit=2`);
      expect(first.status).toBe(200);
      expect(ids(first)).toEqual(all.slice(0, 2));
      expect(typeof first.body.nextCursor).toBe('string');
      const second = await list(`?departmentId=${org.departmentId}&limit=2&cursor=${first.body.nextCursor}`);
      expect(ids(second)).toEqual(all.slice(2, 4));
      expect(second.body.nextCursor).toBeNull();

      const one = await list(`?departmentId=${org.departmentId}&limit=3`);
      const rest = await list(`?departmentId=${org.departmentId}&limit=3&cursor=${one.body.nextCursor}`);
      expect([...ids(one), ...ids(rest)]).toEqual(all);
    });

    it('refuses roles that do not work on complaints, and bad queries with a 400', async () => {
      // First-line staff make calls, and so may the support desk (an API client with the agent role).
      for (const token of [org.tokens.agent, org.tokens.desk, org.tokens.resolver, org.tokens.department_head, org.tokens.admin]) expect((await list('', token)).status).toBe(200);
      for (const token of [org.tokens.chair]) {
        const res = await list('', token);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
      expect((await t.http().get('/api/staff-tasks')).status).toBe(401);

      for (const [query, code] of [
        ['?open=maybe', 'VALIDATION_FAILED'],
        ['?departmentId=billing', 'VALIDATION_FAILED'],
        ['?limit=0', 'VALIDATION_FAILED'],
        ['?limit=201', 'VALIDATION_FAILED'],
        ['?cursor=not-a-cursor', 'INVALID_CURSOR'],
        ['?colour=red', 'VALIDATION_FAILED'],
      ]) {
        const res = await list(query);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code });
      }
    });
  });

  describe('GET /api/staff-notifications', () => {
    let billingAtRisk: { id: string; reference: string };
    let billingBreached: { id: string; reference: string };
    let networkAtRisk: { id: string; reference: string };

    beforeEach(async () => {
      billingAtRisk = await logWithClocks({ atRiskDueAt: AT_RISK_DUE, resolutionDueAt: RESOLUTION_DUE });
      networkAtRisk = await logWithClocks({ atRiskDueAt: AT_RISK_DUE, resolutionDueAt: RESOLUTION_DUE, owningDepartmentId: org.otherDepartmentId });
      billingBreached = await logWithClocks({ resolutionDueAt: at(AT_RISK_DUE, HOUR / 2) });
      t.clock.set(AT_RISK_DUE);
      expect(await sweep()).toMatchObject({ atRisk: 2, resolutionBreaches: 0 });
      // The breach, an hour later, is the newest.
      t.clock.advance(HOUR);
      expect(await sweep()).toMatchObject({ atRisk: 0, resolutionBreaches: 1 });
    });

    const list = (query: string, token = org.tokens.department_head) => t.http().get(`/api/staff-notifications${query}`).set(bearer(token));

    it('lists what a department head was told, newest first, by department, in pages', async () => {
      const res = await list(`?departmentId=${org.departmentId}`);
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const items = res.body.items as any[];
      expect(items.map((n) => [n.complaintId, n.kind])).toEqual([
        [billingBreached.id, 'resolution_breached'],
        [billingAtRisk.id, 'at_risk'],
      ]);
      expect(items[0]).toMatchObject({ createdAt: at(AT_RISK_DUE, HOUR), reference: billingBreached.reference });
      const atRisk = items[1];
      expect(Object.keys(atRisk).sort()).toEqual(['body', 'complaintId', 'createdAt', 'departmentId', 'id', 'kind', 'reference']);
      expect(atRisk).toMatchObject({
        complaintId: billingAtRisk.id,
        reference: billingAtRisk.reference,
        departmentId: org.departmentId,
        createdAt: AT_RISK_DUE,
        body: expect.stringContaining(billingAtRisk.reference),
      });

      const network = await list(`?departmentId=${org.otherDepartmentId}`, org.tokens.admin);
      expect(network.body.items.map((n: { complaintId: string }) => n.complaintId)).toEqual([networkAtRisk.id]);

      const all = (await list('')).body.items as { id: string }[];
      expect(all).toHaveLength(3);
      const first = await list('?limit=2');
      const second = await list(`?limit=2&cursor=${first.body.nextCursor}`);
      expect(first.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      expect([...first.body.items, ...second.body.items].map((n: { id: string }) => n.id)).toEqual(all.map((n) => n.id));
    });

    it('is for department heads and admins only', async () => {
      for (const token of [org.tokens.department_head, org.tokens.admin]) expect((await list('', token)).status).toBe(200);
      for (const token of [org.tokens.resolver, org.tokens.agent, org.tokens.chair, org.tokens.desk]) {
        const res = await list('', token);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      }
      expect((await t.http().get('/api/staff-notifications')).status).toBe(401);
      expect((await list('?departmentId=42')).status).toBe(400);
    });
  });

  it('run by two instances on one database at the same moment, records each flag and task exactly once', async () => {
    const second = await startTestApp({ database: t.database, clock: t.clock });
    try {
      const sweepers = [t.app.get(SlaSweepService), second.app.get(SlaSweepService)];
      // Three groups whose clocks run out at three different moments, so several rounds each find new work.
      const moments = ['2026-11-24T12:00:00.000Z', '2026-11-26T12:00:00.000Z', '2026-11-30T12:00:00.000Z'];
      const complaints: { id: string; group: number }[] = [];
      for (let i = 0; i < 24; i++) {
        const group = i % moments.length;
        const moment = moments[group];
        const c = await logWithClocks({
          atRiskDueAt: at(moment, -3 * HOUR),
          resolutionDueAt: at(moment, -2 * HOUR),
          keepInformedDueAt: at(moment, -HOUR),
        });
        complaints.push({ id: c.id, group });
      }
      const perComplaint = async (sql: string) => {
        const rows: { complaint_id: string; n: number }[] = await t.dataSource.query(sql);
        return new Map(rows.map((r) => [r.complaint_id, r.n]));
      };
      const counts = async () => ({
        atRisk: await perComplaint(`SELECT complaint_id, count(*)::int AS n FROM complaint_events WHERE type = 'at_risk' GROUP BY 1`),
        resolutionBreaches: await perComplaint(`SELECT complaint_id, count(*)::int AS n FROM complaint_events WHERE type = 'resolution_breached' GROUP BY 1`),
        keepInformedTasks: await perComplaint(`SELECT complaint_id, count(*)::int AS n FROM staff_tasks WHERE kind = 'keep_informed' GROUP BY 1`),
        keepInformedEvents: await perComplaint(`SELECT complaint_id, count(*)::int AS n FROM complaint_events WHERE type = 'keep_informed_due' GROUP BY 1`),
        notifications: await perComplaint(`SELECT complaint_id, count(*)::int AS n FROM staff_notifications GROUP BY 1`),
      });

      const reported = { atRisk: 0, resolutionBreaches: 0, keepInformedTasks: 0 };
      for (const [i, moment] of moments.entries()) {
        t.clock.set(moment);
        for (let round = 0; round < 3; round++) {
          const results = await Promise.all([...sweepers, ...sweepers].map((s) => s.sweep()));
          for (const r of results) {
            reported.atRisk += r.atRisk;
            reported.resolutionBreaches += r.resolutionBreaches;
            reported.keepInformedTasks += r.keepInformedTasks;
          }
        }
        const due = complaints.filter((c) => c.group <= i).map((c) => c.id).sort();
        const now = await counts();
        for (const [kind, perId] of Object.entries(now)) {
          const expected = kind === 'notifications' ? 2 : 1;
          expect({ kind, ids: [...perId.keys()].sort(), each: [...new Set(perId.values())] }).toEqual({ kind, ids: due, each: [expected] });
        }
        expect(reported).toEqual({ atRisk: due.length, resolutionBreaches: due.length, keepInformedTasks: due.length });
      }
    } finally {
      await second.close();
    }
  });
});
