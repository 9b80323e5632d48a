import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Response } from 'supertest';
import { ADVISORY_LOCKS } from '../../src/common/advisory-locks.js';
import { AgendaPublisher } from '../../src/committees/agenda-publisher.js';
import { CommitteeSchedulerService } from '../../src/committees/committee-scheduler.service.js';
import { MeetingsRepository } from '../../src/committees/meetings.repository.js';
import { MinutesService } from '../../src/committees/minutes.service.js';
import { expectError } from '../factories/complaints.js';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR, TestClock } from '../support/test-clock.js';

/*
 * Committees and their meetings over HTTP against a real database: creating a committee (validation, roles), the
 * meetings its cadence schedules in its time zone (across a daylight-saving change, by two instances at once),
 * meetings added by hand, the iCalendar invite parsed back, and the minutes with the prevention actions their
 * decisions create and the follow-ups the next agenda lists.
 */

const RIGA = 'Europe/Riga';
const DAY = 24 * HOUR;
/** Callers that are not the chair or an admin; the desk is an API client with role agent. */
const NOT_MANAGERS = ['agent', 'resolver', 'department_head', 'desk'] as const;
const READERS = ['agent', 'resolver', 'department_head', 'chair', 'admin', 'desk'] as const;

let serial = 0;

function committeeBody(org: Organisation, overrides: Record<string, unknown> = {}) {
  return {
    name: `Customer committee ${++serial}`,
    memberDepartmentIds: [org.departmentId, org.otherDepartmentId],
    cadence: '0 10 * * 1',
    timeZone: RIGA,
    durationMinutes: 90,
    agendaLeadDays: 7,
    ...overrides,
  };
}

function preventionAction(org: Organisation, overrides: Record<string, unknown> = {}) {
  return {
    title: 'One retry rule for the card gateway',
    description: 'Retries carry the payment reference so that the bank refuses a second debit.',
    causeCode: 'tooling',
    ownerDepartmentId: org.departmentId,
    dueAt: '2027-03-31T17:00:00Z',
    successCriterion: { targetReductionPct: 50, windowDays: 90 },
    ...overrides,
  };
}

/** Local wall time in Riga, as the committee reads it. */
const rigaTime = (at: string | Date) => DateTime.fromJSDate(new Date(at), { zone: RIGA }).toFormat("ccc yyyy-MM-dd HH:mm 'UTC'ZZ");

async function createCommittee(t: TestApp, org: Organisation, overrides: Record<string, unknown> = {}, token = org.tokens.chair) {
  const res = await t.http().post('/api/committees').set(bearer(token)).send(committeeBody(org, overrides));
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string };
}

async function meetingsOf(t: TestApp, org: Organisation, committeeId: string, query = ''): Promise<any[]> {
  const res = await t.http().get(`/api/committees/${committeeId}/meetings${query}`).set(bearer(org.tokens.chair));
  expect(res.status).toBe(200);
  return res.body.items;
}

const countRows = async (t: TestApp, table: string): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('committees', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp({ clock: new TestClock(new Date('2026-10-13T09:00:00Z')) });
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  describe('POST /api/committees', () => {
    it('creates a committee of departments, in the canonical time zone, with its next two meetings at once', async () => {
      const res = await t
        .http()
        .post('/api/committees')
        .set(bearer(org.tokens.chair))
        .send(committeeBody(org, { name: '  Customer committee  ', cadence: ' 0  10 * * 1 ', timeZone: 'europe/riga' }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Customer committee',
        memberDepartments: [
          { id: org.departmentId, code: 'billing', name: 'Billing' },
          { id: org.otherDepartmentId, code: 'network', name: 'Network' },
        ],
        cadence: '0 10 * * 1',
        timeZone: RIGA,
        durationMinutes: 90,
        agendaLeadDays: 7,
        createdAt: '2026-10-13T09:00:00.000Z',
      });
      const meetings = await meetingsOf(t, org, res.body.id);
      expect(meetings.map((m) => [m.startsAt, m.source])).toEqual([
        ['2026-10-19T07:00:00.000Z', 'scheduled'],
        ['2026-10-26T08:00:00.000Z', 'scheduled'],
      ]);
      expect(meetings.map((m) => rigaTime(m.startsAt))).toEqual(['Mon 2026-10-19 10:00 UTC+03:00', 'Mon 2026-10-26 10:00 UTC+02:00']);
    });

    it('lets an admin create one too', async () => {
      await createCommittee(t, org, {}, org.tokens.admin);
    });

    it.each(NOT_MANAGERS)('refuses %s with 403, creating nothing', async (caller) => {
      const before = await countRows(t, 'committees');
      const res = await t.http().post('/api/committees').set(bearer(org.tokens[caller])).send(committeeBody(org));
      expectError(res, 403, 'FORBIDDEN');
      expect(await countRows(t, 'committees')).toBe(before);
    });

    it('refuses a request without a token with 401', async () => {
      expectError(await t.http().post('/api/committees').send(committeeBody(org)), 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['no name', { name: undefined }, 'name'],
      ['a blank name', { name: '     ' }, 'name'],
      ['no member departments', { memberDepartmentIds: [] }, 'memberDepartmentIds'],
      ['a member that is no UUID', { memberDepartmentIds: ['billing'] }, 'memberDepartmentIds'],
      ['a member listed twice', { memberDepartmentIds: [randomUUID(), '00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'] }, 'memberDepartmentIds'],
      ['a preset instead of 5 fields', { cadence: '@weekly' }, 'cadence'],
      ['a cadence with seconds', { cadence: '0 0 10 * * 1' }, 'cadence'],
      ['an hour out of range', { cadence: '0 25 * * 1' }, 'cadence'],
      ['a cadence that is no string', { cadence: 5 }, 'cadence'],
      ['an offset instead of a time zone', { timeZone: '+02:00' }, 'timeZone'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes'],
      ['a duration over a day', { durationMinutes: 1441 }, 'durationMinutes'],
      ['a duration as a string', { durationMinutes: '90' }, 'durationMinutes'],
      ['a negative lead', { agendaLeadDays: -1 }, 'agendaLeadDays'],
      ['a lead over 60 days', { agendaLeadDays: 61 }, 'agendaLeadDays'],
      ['a fractional lead', { agendaLeadDays: 1.5 }, 'agendaLeadDays'],
      ['an unknown field', { chairName: 'Dana' }, 'chairName'],
    ])('answers 400 naming the field for %s', async (_case, overrides, field) => {
      const before = await countRows(t, 'committees');
      const res = await t.http().post('/api/committees').set(bearer(org.tokens.chair)).send(committeeBody(org, overrides));
      expectError(res, 400, 'VALIDATION_FAILED', [field]);
      expect(await countRows(t, 'committees')).toBe(before);
    });

    it('explains what a cadence must look like', async () => {
      const res = await t.http().post('/api/committees').set(bearer(org.tokens.chair)).send(committeeBody(org, { cadence: '0 10 * *' }));
      expect(res.body.details[0].problem).toMatch(/5 fields \(minute hour day-of-month month day-of-week\)/);
    });

    it('names every bad field at once', async () => {
      const res = await t
        .http()
        .post('/api/committees')
        .set(bearer(org.tokens.chair))
        .send(committeeBody(org, { cadence: 'weekly', timeZone: 'Riga', durationMinutes: 0, agendaLeadDays: 99 }));
      expectError(res, 400, 'VALIDATION_FAILED', ['cadence', 'timeZone', 'durationMinutes', 'agendaLeadDays']);
    });

    it.each([
      ['a date that never comes', { cadence: '0 10 30 2 *' }, /^never occurs/],
      ['meetings that would overlap', { cadence: '0 * * * *', durationMinutes: 90 }, /repeats after 60 minute\(s\), sooner than a meeting lasts/],
    ])('answers 400 for a cadence with %s', async (_case, overrides, problem) => {
      const res = await t.http().post('/api/committees').set(bearer(org.tokens.chair)).send(committeeBody(org, overrides));
      expectError(res, 400, 'VALIDATION_FAILED', ['cadence']);
      expect(res.body.details[0].problem).toMatch(problem);
    });

    it('answers 422 naming an unknown member department, writing nothing', async () => {
      const before = await Promise.all(['committees', 'committee_members', 'meetings'].map((table) => countRows(t, table)));
      const res = await t
        .http()
        .post('/api/committees')
        .set(bearer(org.tokens.chair))
        .send(committeeBody(org, { memberDepartmentIds: [org.departmentId, randomUUID()] }));
      expectError(res, 422, 'DEPARTMENT_NOT_FOUND', ['memberDepartmentIds.1']);
      expect(await Promise.all(['committees', 'committee_members', 'meetings'].map((table) => countRows(t, table)))).toEqual(before);
    });

    it('answers 409 for a name another committee has', async () => {
      const first = await createCommittee(t, org);
      const res = await t.http().post('/api/committees').set(bearer(org.tokens.chair)).send(committeeBody(org, { name: first.name }));
      expectError(res, 409, 'COMMITTEE_NAME_TAKEN', ['name']);
    });
  });

  describe('GET /api/committees', () => {
    it('lists committees newest first, page by page', async () => {
      // Later than every committee made so far, so the two newest are these.
      t.clock.advance(1000);
      const a = await createCommittee(t, org);
      t.clock.advance(1000);
      const b = await createCommittee(t, org);
      const first = await t.http().get('/api/committees?limit=1').set(bearer(org.tokens.agent));
      expect(first.status).toBe(200);
      expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([b.id]);
      const second = await t.http().get(`/api/committees?limit=1&cursor=${first.body.nextCursor}`).set(bearer(org.tokens.agent));
      expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
      const all = await t.http().get('/api/committees?limit=200').set(bearer(org.tokens.agent));
      expect(all.body.nextCursor).toBeNull();
      const createdAt = all.body.items.map((c: { createdAt: string }) => c.createdAt);
      expect([...createdAt].sort().reverse()).toEqual(createdAt);
    });

    it.each(READERS)('%s may read committees and one committee', async (caller) => {
      const committee = await createCommittee(t, org);
      expect((await t.http().get('/api/committees').set(bearer(org.tokens[caller]))).status).toBe(200);
      const one = await t.http().get(`/api/committees/${committee.id}`).set(bearer(org.tokens[caller]));
      expect(one.status).toBe(200);
      expect(one.body.id).toBe(committee.id);
    });

    it('answers 404 for an unknown committee, 400 for an id that is no UUID, 400 for a bad cursor', async () => {
      expectError(await t.http().get(`/api/committees/${randomUUID()}`).set(bearer(org.tokens.chair)), 404, 'COMMITTEE_NOT_FOUND');
      expectError(await t.http().get('/api/committees/customer').set(bearer(org.tokens.chair)), 400, 'VALIDATION_FAILED', ['id']);
      expectError(await t.http().get('/api/committees?cursor=nope').set(bearer(org.tokens.chair)), 400, 'INVALID_CURSOR', ['cursor']);
    });
  });

  describe('meetings added by hand', () => {
    let committeeId: string;
    const schedule = (startsAt: unknown, token = org.tokens.chair, id = committeeId) =>
      t.http().post(`/api/committees/${id}/meetings`).set(bearer(token)).send({ startsAt });

    beforeAll(async () => {
      t.clock.set('2026-10-13T09:00:00Z');
      committeeId = (await createCommittee(t, org)).id;
    });

    it('adds a meeting lasting the committee duration, its agenda due 7 local days before', async () => {
      const res = await schedule('2026-10-29T14:00:00+02:00');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        committeeId,
        startsAt: '2026-10-29T12:00:00.000Z',
        endsAt: '2026-10-29T13:30:00.000Z',
        source: 'manual',
        // Thursday 22 October 14:00 in Riga was still summer time (UTC+3).
        agendaDueAt: '2026-10-22T11:00:00.000Z',
        agendaPublishedAt: null,
        minutesRecordedAt: null,
      });
    });

    it('answers 409 for a start the committee already has, however the instant is written', async () => {
      expectError(await schedule('2026-10-29T12:00Z'), 409, 'MEETING_ALREADY_SCHEDULED', ['startsAt']);
      // The scheduled Monday meeting of 26 October, 10:00 in Riga.
      expectError(await schedule('2026-10-26T10:00:00+02:00'), 409, 'MEETING_ALREADY_SCHEDULED', ['startsAt']);
    });

    it('lets an admin add one', async () => {
      expect((await schedule('2026-11-05T12:00:00Z', org.tokens.admin)).status).toBe(201);
    });

    it.each(NOT_MANAGERS)('refuses %s with 403', async (caller) => {
      expectError(await schedule('2026-11-06T12:00:00Z', org.tokens[caller]), 403, 'FORBIDDEN');
    });

    it('answers 422 for a start that has passed', async () => {
      expectError(await schedule('2026-10-13T08:59:00Z'), 422, 'MEETING_IN_PAST', ['startsAt']);
    });

    it.each([
      ['no offset', '2026-11-06T12:00:00'],
      ['seconds', '2026-11-06T12:00:30Z'],
      ['a date only', '2026-11-06'],
      ['no date', 'next Friday'],
      ['a number', 1793000000000],
    ])('answers 400 for a start with %s', async (_case, startsAt) => {
      expectError(await schedule(startsAt), 400, 'VALIDATION_FAILED', ['startsAt']);
    });

    it('answers 404 for an unknown committee', async () => {
      expectError(await schedule('2026-11-06T12:00:00Z', org.tokens.chair, randomUUID()), 404, 'COMMITTEE_NOT_FOUND');
    });
  });

  describe('GET /api/committees/:id/meetings', () => {
    let committeeId: string;

    beforeAll(async () => {
      t.clock.set('2026-10-13T09:00:00Z');
      committeeId = (await createCommittee(t, org)).id;
      // Scheduled: 19 and 26 October; by hand: 15 and 21 October.
      for (const startsAt of ['2026-10-15T09:00:00Z', '2026-10-21T09:00:00Z']) {
        expect((await t.http().post(`/api/committees/${committeeId}/meetings`).set(bearer(org.tokens.chair)).send({ startsAt })).status).toBe(201);
      }
      // Now the 15 October meeting has ended and the 19 October one is under way.
      t.clock.set('2026-10-19T07:30:00Z');
    });

    const starts = (items: { startsAt: string }[]) => items.map((m) => m.startsAt.slice(0, 10));

    it('lists all meetings earliest first', async () => {
      expect(starts(await meetingsOf(t, org, committeeId))).toEqual(['2026-10-15', '2026-10-19', '2026-10-21', '2026-10-26']);
    });

    it('lists upcoming meetings (not ended yet) soonest first, and past ones latest first', async () => {
      expect(starts(await meetingsOf(t, org, committeeId, '?when=upcoming'))).toEqual(['2026-10-19', '2026-10-21', '2026-10-26']);
      expect(starts(await meetingsOf(t, org, committeeId, '?when=past'))).toEqual(['2026-10-15']);
    });

    it('filters by source', async () => {
      expect(starts(await meetingsOf(t, org, committeeId, '?source=manual'))).toEqual(['2026-10-15', '2026-10-21']);
      expect(starts(await meetingsOf(t, org, committeeId, '?when=upcoming&source=scheduled'))).toEqual(['2026-10-19', '2026-10-26']);
    });

    it.each([
      ['', ['2026-10-15', '2026-10-19', '2026-10-21', '2026-10-26']],
      ['&when=upcoming', ['2026-10-19', '2026-10-21', '2026-10-26']],
      ['&when=past', ['2026-10-15']],
    ])('pages with nextCursor (%s)', async (filter, expected) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t
          .http()
          .get(`/api/committees/${committeeId}/meetings?limit=1${filter}${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(org.tokens.department_head));
        expect(res.status).toBe(200);
        seen.push(...starts(res.body.items));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    });

    it('answers 400 for an unknown filter and 404 for an unknown committee', async () => {
      expectError(await t.http().get(`/api/committees/${committeeId}/meetings?when=soon`).set(bearer(org.tokens.chair)), 400, 'VALIDATION_FAILED', ['when']);
      expectError(await t.http().get(`/api/committees/${committeeId}/meetings?source=robot`).set(bearer(org.tokens.chair)), 400, 'VALIDATION_FAILED', ['source']);
      expectError(await t.http().get(`/api/committees/${randomUUID()}/meetings`).set(bearer(org.tokens.chair)), 404, 'COMMITTEE_NOT_FOUND');
    });

    it.each(READERS)('%s may list meetings', async (caller) => {
      expect((await t.http().get(`/api/committees/${committeeId}/meetings`).set(bearer(org.tokens[caller]))).status).toBe(200);
    });
  });

  describe('GET /api/meetings/:id/invite.ics', () => {
    let meetingId: string;

    beforeAll(async () => {
      t.clock.set('2026-10-13T09:00:00Z');
      const committee = await createCommittee(t, org, { name: 'Klientu komiteja; Rīga, "Ā" \\ 😀 — a long name that must fold over 75 octets' });
      [{ id: meetingId }] = await meetingsOf(t, org, committee.id);
    });

    it('answers a valid iCalendar event with the agenda link, that parses back', async () => {
      const res = await t.http().get(`/api/meetings/${meetingId}/invite.ics`).set(bearer(org.tokens.chair)).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="meeting-${meetingId}.ics"`);
      const bytes = res.body as Buffer;
      const text = bytes.toString('utf8');
      // Octets as sent: CRLF only, no physical line over 75 octets, valid UTF-8 throughout.
      expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(text).toMatch(/\r\n /);

      const agendaUrl = `http://redress.test/api/meetings/${meetingId}/agenda?format=html`;
      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Redress/);
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      const event = new ICAL.Event(vevent);
      expect(event.uid).toBe(`meeting-${meetingId}@redress`);
      expect(event.summary).toBe('Klientu komiteja; Rīga, "Ā" \\ 😀 — a long name that must fold over 75 octets meeting');
      expect(event.startDate.toJSDate()).toEqual(new Date('2026-10-19T07:00:00Z'));
      expect(event.endDate.toJSDate()).toEqual(new Date('2026-10-19T08:30:00Z'));
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(event.description).toContain('Monday 19 October 2026, 10:00 (Europe/Riga)');
      expect(event.description).toContain(`Agenda: ${agendaUrl}`);
      expect(vevent.getFirstPropertyValue('url')).toBe(agendaUrl);
      expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()).toEqual(new Date('2026-10-13T09:00:00Z'));
    });

    it('keeps the UID from one download to the next', async () => {
      const uid = async () => {
        const res = await t.http().get(`/api/meetings/${meetingId}/invite.ics`).set(bearer(org.tokens.agent));
        return new ICAL.Event(new ICAL.Component(ICAL.parse(res.text)).getFirstSubcomponent('vevent')!).uid;
      };
      const first = await uid();
      t.clock.advance(DAY);
      expect(await uid()).toBe(first);
    });

    it.each(READERS)('%s may download it', async (caller) => {
      expect((await t.http().get(`/api/meetings/${meetingId}/invite.ics`).set(bearer(org.tokens[caller]))).status).toBe(200);
    });

    it('answers 404 for an unknown meeting and 401 without a token', async () => {
      expectError(await t.http().get(`/api/meetings/${randomUUID()}/invite.ics`).set(bearer(org.tokens.chair)), 404, 'MEETING_NOT_FOUND');
      expectError(await t.http().get(`/api/meetings/${meetingId}/invite.ics`), 401, 'UNAUTHENTICATED');
    });
  });
});

describe('the committee scheduler', () => {
  let a: TestApp;
  let b: TestApp;
  let org: Organisation;
  const published: string[] = [];

  beforeAll(async () => {
    a = await startTestApp({ clock: new TestClock(new Date('2026-10-13T09:00:00Z')) });
    // A second instance on the same database, with its own clock kept in step.
    b = await startTestApp({ database: a.database, clock: new TestClock(new Date('2026-10-13T09:00:00Z')) });
    org = await seedOrganisation(a);
    for (const app of [a, b]) {
      jest.spyOn(app.app.get(AgendaPublisher), 'publishFor').mockImplementation(async (manager, meetingId) => {
        // Seen inside the scheduler's transaction: the meeting is still without an agenda there.
        const [row] = await manager.query('SELECT agenda_published_at FROM meetings WHERE id = $1', [meetingId]);
        expect(row.agenda_published_at).toBeNull();
        published.push(meetingId);
      });
    }
  });
  afterEach(() => {
    published.length = 0;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const setClocks = (at: string) => {
    a.clock.set(at);
    b.clock.set(at);
  };
  const sweep = (app: TestApp) => app.app.get(CommitteeSchedulerService).sweep();
  const meetingRows = (committeeId: string): Promise<{ id: string; startsAt: Date; agendaDueAt: Date; agendaPublishedAt: Date | null }[]> =>
    a.dataSource.query(
      `SELECT id, starts_at AS "startsAt", agenda_due_at AS "agendaDueAt", agenda_published_at AS "agendaPublishedAt"
         FROM meetings WHERE committee_id = $1 ORDER BY starts_at`,
      [committeeId],
    );

  it('creates meetings from the cadence at 10:00 Riga time across the autumn clock change, and publishes due agendas once', async () => {
    setClocks('2026-10-13T09:00:00Z');
    const committee = await createCommittee(a, org, { cadence: '0 10 * * 1', agendaLeadDays: 7 });
    // Other committees' meetings are made by the same sweep: only this committee's are looked at below.
    await sweep(a);
    let rows = await meetingRows(committee.id);
    expect(rows.map((m) => m.startsAt.toISOString())).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    // 19 October's agenda was due on 12 October, before the committee existed: published at the first sweep.
    expect(published).toEqual([rows[0].id]);
    expect(rows[0].agendaPublishedAt).toEqual(new Date('2026-10-13T09:00:00Z'));

    setClocks('2026-10-20T09:00:00Z');
    published.length = 0;
    const result = await sweep(a);
    expect(result).toEqual({ skipped: false, meetingsCreated: 1, agendasPublished: 1, agendaFailures: 0 });
    rows = await meetingRows(committee.id);
    expect(rows.map((m) => rigaTime(m.startsAt))).toEqual(['Mon 2026-10-19 10:00 UTC+03:00', 'Mon 2026-10-26 10:00 UTC+02:00', 'Mon 2026-11-02 10:00 UTC+02:00']);
    // 26 October's agenda: a week before at 10:00 local, which was still summer time.
    expect(rows[1].agendaDueAt).toEqual(new Date('2026-10-19T07:00:00Z'));
    expect(published).toEqual([rows[1].id]);

    // Nothing new at the same moment: both halves are idempotent.
    published.length = 0;
    expect(await sweep(b)).toEqual({ skipped: false, meetingsCreated: 0, agendasPublished: 0, agendaFailures: 0 });
    expect(published).toEqual([]);
  });

  it('across the spring change too', async () => {
    setClocks('2027-03-20T09:00:00Z');
    const committee = await createCommittee(a, org, { cadence: '30 9 * * 5', agendaLeadDays: 2 });
    setClocks('2027-03-27T09:00:00Z');
    await sweep(a);
    expect((await meetingRows(committee.id)).map((m) => rigaTime(m.startsAt))).toEqual([
      'Fri 2027-03-26 09:30 UTC+02:00',
      'Fri 2027-04-02 09:30 UTC+03:00',
      'Fri 2027-04-09 09:30 UTC+03:00',
    ]);
  });

  it('two instances sweeping at once create each meeting once and publish each agenda once', async () => {
    setClocks('2027-06-01T09:00:00Z');
    const committees = [];
    for (const cadence of ['0 10 * * 1', '0 14 * * 3', '30 8 * * 5', '0 9 1 * *']) committees.push(await createCommittee(a, org, { cadence, agendaLeadDays: 3 }));
    const ids = committees.map((c) => c.id);
    // The sweeps schedule every committee of the database (earlier tests' too): counted over all meetings.
    const countMeetings = async () => (await a.dataSource.query('SELECT count(*)::int AS n, count(DISTINCT (committee_id, starts_at))::int AS distinct FROM meetings'))[0];
    const before = await countMeetings();
    let created = 0;
    let agendas = 0;
    for (let week = 1; week <= 6; week++) {
      setClocks(new Date(new Date('2027-06-01T09:00:00Z').getTime() + week * 7 * DAY).toISOString());
      const results = await Promise.all([sweep(a), sweep(b)]);
      expect(results.some((r) => !r.skipped)).toBe(true);
      for (const r of results) expect(r.agendaFailures).toBe(0);
      created += results.reduce((sum, r) => sum + r.meetingsCreated, 0);
      agendas += results.reduce((sum, r) => sum + r.agendasPublished, 0);
    }
    const after = await countMeetings();
    expect(after.n).toBe(after.distinct);
    expect(after.n - before.n).toBe(created);
    expect(new Set(published).size).toBe(published.length);
    expect(published.length).toBe(agendas);
    // Every agenda due by the last sweep is published, exactly those.
    const [due] = await a.dataSource.query(
      `SELECT count(*) FILTER (WHERE agenda_due_at <= $2)::int AS due, count(*) FILTER (WHERE agenda_published_at IS NOT NULL)::int AS published
         FROM meetings WHERE committee_id = ANY($1)`,
      [ids, a.clock.now()],
    );
    expect(due.published).toBe(due.due);
    // Each committee keeps its next two meetings ahead of the clock.
    for (const id of ids) {
      const ahead = (await meetingRows(id)).filter((m) => m.startsAt.getTime() > a.clock.now().getTime());
      expect(ahead.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('makes one meeting of the same occurrence inserted by two transactions at once, even without the lock', async () => {
    setClocks('2027-09-01T09:00:00Z');
    const committee = await createCommittee(a, org);
    const meeting = { committeeId: committee.id, startsAt: new Date('2027-12-06T08:00:00Z'), endsAt: new Date('2027-12-06T09:30:00Z'), agendaDueAt: new Date('2027-11-29T08:00:00Z') };
    const insert = (app: TestApp, holdMs: number) =>
      app.dataSource.transaction(async (manager) => {
        const created = await app.app.get(MeetingsRepository).insertScheduled(manager, [meeting]);
        await manager.query('SELECT pg_sleep($1)', [holdMs / 1000]);
        return created;
      });
    const counts = await Promise.all([insert(a, 300), insert(b, 0)]);
    expect(counts.sort()).toEqual([0, 1]);
    const [{ n }] = await a.dataSource.query('SELECT count(*)::int AS n FROM meetings WHERE committee_id = $1 AND starts_at = $2', [committee.id, meeting.startsAt]);
    expect(n).toBe(1);
  });

  it('does nothing while another instance holds the lock', async () => {
    setClocks('2028-01-10T09:00:00Z');
    await a.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.committeeScheduler]);
      expect(await sweep(b)).toEqual({ skipped: true, meetingsCreated: 0, agendasPublished: 0, agendaFailures: 0 });
    });
    expect(published).toEqual([]);
    expect((await sweep(b)).skipped).toBe(false);
  });

  it('leaves a meeting whose agenda failed due, goes on with the others, and retries it next time', async () => {
    setClocks('2028-03-01T09:00:00Z');
    await sweep(a);
    const first = await createCommittee(a, org, { cadence: '0 10 * * 1', agendaLeadDays: 14 });
    const second = await createCommittee(a, org, { cadence: '0 10 * * 2', agendaLeadDays: 14 });
    const [failing] = await meetingRows(first.id);
    const [fine] = await meetingRows(second.id);
    const spy = jest.spyOn(a.app.get(AgendaPublisher), 'publishFor');
    const normal = spy.getMockImplementation()!;
    spy.mockImplementation(async (manager, meetingId) => {
      if (meetingId === failing.id) {
        // Written before the failure: rolled back with it.
        await manager.query('UPDATE meetings SET ends_at = ends_at + interval \'1 hour\' WHERE id = $1', [meetingId]);
        throw new Error('the agenda builder failed');
      }
      return normal(manager, meetingId);
    });
    const result = await sweep(a);
    expect(result.agendaFailures).toBe(1);
    expect(published).toContain(fine.id);
    expect(published).not.toContain(failing.id);
    const [stillDue] = await meetingRows(first.id);
    expect(stillDue.agendaPublishedAt).toBeNull();
    const [{ endsAt }] = await a.dataSource.query('SELECT ends_at AS "endsAt" FROM meetings WHERE id = $1', [failing.id]);
    expect(endsAt).toEqual(new Date(failing.startsAt.getTime() + 90 * 60_000));

    spy.mockImplementation(normal);
    published.length = 0;
    expect(await sweep(a)).toEqual({ skipped: false, meetingsCreated: 0, agendasPublished: 1, agendaFailures: 0 });
    expect(published).toEqual([failing.id]);
  });
});

describe('minutes', () => {
  let t: TestApp;
  let org: Organisation;
  let committeeId: string;
  /** The committee's meetings, earliest first: 19 Oct, 26 Oct and 2 Nov 2026. */
  let meetings: string[];

  const record = (meetingId: string, body: unknown, token = org.tokens.chair) =>
    t.http().post(`/api/meetings/${meetingId}/minutes`).set(bearer(token)).send(body as object);
  const minutesBody = (overrides: Record<string, unknown> = {}) => ({
    attendeeDepartmentIds: [org.departmentId, org.otherDepartmentId],
    decisions: [{ text: 'Billing and Network agree one retry rule for the card gateway.' }],
    ...overrides,
  });
  const writes = () => Promise.all(['meeting_minutes', 'meeting_attendees', 'meeting_decisions', 'prevention_actions'].map((table) => countRows(t, table)));

  beforeAll(async () => {
    t = await startTestApp({ clock: new TestClock(new Date('2026-10-13T09:00:00Z')) });
    org = await seedOrganisation(t);
    committeeId = (await createCommittee(t, org)).id;
    t.clock.set('2026-10-20T09:00:00Z');
    await t.app.get(CommitteeSchedulerService).sweep();
    meetings = (await meetingsOf(t, org, committeeId)).map((m) => m.id);
    expect(meetings).toHaveLength(3);
  });
  afterAll(() => t.close());

  it('waits until the meeting has started', async () => {
    const before = await writes();
    expectError(await record(meetings[1], minutesBody()), 409, 'MEETING_NOT_STARTED');
    expect(await writes()).toEqual(before);
  });

  it('answers 422 for an unknown attending department, writing nothing', async () => {
    const before = await writes();
    expectError(await record(meetings[0], minutesBody({ attendeeDepartmentIds: [org.departmentId, randomUUID()] })), 422, 'DEPARTMENT_NOT_FOUND', ['attendeeDepartmentIds.1']);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ['a blaming decision', [{ text: 'Human error on the refund.' }], ['decisions.0.text']],
    ['a decision naming staff', [{ text: 'Ask Test agent to check refunds twice.' }], ['decisions.0.text']],
    [
      'a prevention action naming staff',
      () => [{ text: 'Plan coaching on refunds.' }, { text: 'One retry rule.', preventionAction: preventionAction(org, { title: 'Coach Test resolver on refunds' }) }],
      ['decisions.1.preventionAction.title'],
    ],
  ])('answers 422 BLAMING_DESCRIPTION for %s, writing nothing', async (_case, decisions, fields) => {
    const before = await writes();
    const res = await record(meetings[0], minutesBody({ decisions: typeof decisions === 'function' ? decisions() : decisions }));
    expectError(res, 422, 'BLAMING_DESCRIPTION', fields);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ['an unknown root cause', { causeCode: 'human_error' }, 'UNKNOWN_ROOT_CAUSE', 'decisions.1.preventionAction.causeCode'],
    ['an unknown owner department', { ownerDepartmentId: randomUUID() }, 'DEPARTMENT_NOT_FOUND', 'decisions.1.preventionAction.ownerDepartmentId'],
    ['a due date that has passed', { dueAt: '2026-10-01T17:00:00Z' }, 'DUE_DATE_IN_PAST', 'decisions.1.preventionAction.dueAt'],
  ])('answers 422 for a prevention action with %s, writing nothing (not even the decisions before it)', async (_case, overrides, code, field) => {
    const before = await writes();
    const res = await record(
      meetings[0],
      minutesBody({
        decisions: [
          { text: 'A first decision, with an action.', preventionAction: preventionAction(org) },
          { text: 'A second decision.', preventionAction: preventionAction(org, overrides) },
        ],
      }),
    );
    expectError(res, 422, code, [field]);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ['no attending department', { attendeeDepartmentIds: [] }, ['attendeeDepartmentIds']],
    ['no decisions field', { decisions: undefined }, ['decisions']],
    ['a blank decision', { decisions: [{ text: '   ' }] }, ['decisions.0.text']],
    ['a decision that is no object', { decisions: ['Do better'] }, ['decisions.0']],
    ['an incomplete prevention action', { decisions: [{ text: 'One retry rule.', preventionAction: { title: 'Retry rule' } }] }, null],
    ['an unknown field', { agenda: 'none' }, ['agenda']],
  ])('answers 400 for %s', async (_case, overrides, fields) => {
    const res = await record(meetings[0], minutesBody(overrides));
    expectError(res, 400, 'VALIDATION_FAILED', fields ?? undefined);
    if (!fields) {
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['decisions.0.preventionAction.description', 'decisions.0.preventionAction.causeCode', 'decisions.0.preventionAction.ownerDepartmentId']),
      );
    }
  });

  it.each(NOT_MANAGERS)('refuses %s with 403', async (caller) => {
    expectError(await record(meetings[0], minutesBody(), org.tokens[caller]), 403, 'FORBIDDEN');
  });

  it('answers 404 for an unknown meeting', async () => {
    expectError(await record(randomUUID(), minutesBody()), 404, 'MEETING_NOT_FOUND');
  });

  it('records the minutes once, a decision creating a prevention action in the same transaction', async () => {
    const res = await record(
      meetings[0],
      minutesBody({
        decisions: [
          { text: 'Billing and Network agree one retry rule for the card gateway.' },
          { text: 'The refund form gets a duplicate-debit check.', preventionAction: preventionAction(org, { title: 'Duplicate-debit check on the refund form' }) },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      meetingId: meetings[0],
      recordedAt: '2026-10-20T09:00:00.000Z',
      attendeeDepartments: [
        { id: org.departmentId, code: 'billing', name: 'Billing' },
        { id: org.otherDepartmentId, code: 'network', name: 'Network' },
      ],
      decisions: [
        { id: expect.any(String), position: 1, text: 'Billing and Network agree one retry rule for the card gateway.', preventionAction: null },
        {
          id: expect.any(String),
          position: 2,
          text: 'The refund form gets a duplicate-debit check.',
          preventionAction: { id: expect.any(String), title: 'Duplicate-debit check on the refund form', status: 'planned' },
        },
      ],
    });
    const action = await t.http().get(`/api/prevention-actions/${res.body.decisions[1].preventionAction.id}`).set(bearer(org.tokens.agent));
    expect(action.status).toBe(200);
    expect(action.body).toMatchObject({ causeCode: 'tooling', ownerDepartment: { id: org.departmentId }, status: 'planned' });

    const meeting = await t.http().get(`/api/meetings/${meetings[0]}`).set(bearer(org.tokens.department_head));
    expect(meeting.status).toBe(200);
    expect(meeting.body).toMatchObject({ id: meetings[0], committeeId, minutesRecordedAt: '2026-10-20T09:00:00.000Z', timeZone: RIGA });
    expect(meeting.body.minutes).toEqual(res.body);

    const before = await writes();
    expectError(await record(meetings[0], minutesBody()), 409, 'MINUTES_ALREADY_RECORDED');
    expect(await writes()).toEqual(before);
  });

  it('two recordings at once: one is recorded, the other answers 409', async () => {
    t.clock.set('2026-10-26T12:00:00Z');
    const results = await Promise.all([record(meetings[1], minutesBody()), record(meetings[1], minutesBody())]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM meeting_decisions WHERE meeting_id = $1', [meetings[1]]);
    expect(n).toBe(1);
  });

  describe('follow-ups for the next agenda', () => {
    const followUps = (meetingId: string) => t.app.get(MinutesService).followUpsFor(t.dataSource.manager, meetingId);

    it('the first meeting has none', async () => {
      expect(await followUps(meetings[0])).toEqual({ previousMeeting: null, decisions: [] });
    });

    it("are the previous meeting's decisions, with their prevention actions' current status", async () => {
      // 26 October's follow-ups come from 19 October.
      const { previousMeeting, decisions } = await followUps(meetings[1]);
      expect(previousMeeting).toEqual({ id: meetings[0], startsAt: new Date('2026-10-19T07:00:00Z') });
      expect(decisions.map((d) => [d.position, d.text, d.preventionAction?.status ?? null])).toEqual([
        [1, 'Billing and Network agree one retry rule for the card gateway.', null],
        [2, 'The refund form gets a duplicate-debit check.', 'planned'],
      ]);
      expect(decisions[1].preventionAction).toEqual({
        id: expect.any(String),
        title: 'Duplicate-debit check on the refund form',
        status: 'planned',
        dueAt: new Date('2027-03-31T17:00:00Z'),
        ownerDepartment: { id: org.departmentId, name: 'Billing' },
      });
      // The owning head starts the work: the follow-up shows it.
      const patch = await t
        .http()
        .patch(`/api/prevention-actions/${decisions[1].preventionAction!.id}`)
        .set(bearer(org.tokens.department_head))
        .send({ status: 'in_progress' });
      expect(patch.status).toBe(200);
      expect((await followUps(meetings[1])).decisions[1].preventionAction?.status).toBe('in_progress');
    });

    it('skip back over a meeting without minutes to the last one with them', async () => {
      // 26 October has minutes (from the concurrent test); a meeting added on 29 October without minutes sits
      // between it and 2 November.
      const extra = await t.http().post(`/api/committees/${committeeId}/meetings`).set(bearer(org.tokens.chair)).send({ startsAt: '2026-10-29T12:00:00Z' });
      expect(extra.status).toBe(201);
      const { previousMeeting, decisions } = await followUps(meetings[2]);
      expect(previousMeeting?.id).toBe(meetings[1]);
      expect(decisions.map((d) => d.text)).toEqual(['Billing and Network agree one retry rule for the card gateway.']);
    });
  });
});
