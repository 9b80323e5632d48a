import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AGENDA_SECTIONS } from '../../src/agenda/agenda-content.js';
import { escapeHtml } from '../../src/agenda/render-html.js';
import { CommitteeSchedulerService } from '../../src/committees/committee-scheduler.service.js';
import { MeetingsRepository } from '../../src/committees/meetings.repository.js';
import { acknowledge, expectError, logComplaint, resolve } from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';

/*
 * The committee agenda over HTTP against a real database (issue 5): versions published on demand and by the
 * scheduler (once, however many instances sweep), each format with its content type, ETag and the eight sections,
 * no staff name or customer contact data in any format, the member departments notified once per version (their inbox
 * and an e-mail to each of their heads through the outbox), the
 * versions table immutable, and the roles and error answers.
 */

const RIGA = 'Europe/Riga';
/** Monday 10:00 in Riga: from 13 Oct 2026 the committee's first meetings are 19 Oct (EEST) and 26 Oct (EET). */
const MONDAYS = { cadence: '0 10 * * 1', agendaLeadDays: 7 };
/** Thursday 10:00 with a day's lead: the first meeting is 15 Oct, its agenda due 14 Oct 07:00 UTC, after the start. */
const THURSDAYS = { cadence: '0 10 * * 4', agendaLeadDays: 1 };
const START = '2026-10-13T09:00:00.000Z';

/** Staff whose names are planted in free text; neither name may reach an agenda, in any spelling. */
const STAFF = [
  { name: 'Dana Ozola', role: 'agent', email: 'dana.ozola@example.com' },
  { name: 'Jānis Bērziņš', role: 'resolver', email: 'janis.berzins@example.com' },
];
const STAFF_WORDS = ['Dana', 'Ozola', 'Jānis', 'Janis', 'Bērziņš', 'Berzins'];
const CUSTOMER = { name: 'Anna Kalniņa', email: 'anna.kalnina@example.com', phone: '+37120001234' };
const CONTACT_WORDS = ['Anna', 'Kalniņa', 'Kalnina', 'anna.kalnina@example.com', 'ANNA.KALNINA', '+371 2000 1234', '2000 1234', '37120001234', '20001234'];

const customer = { ...CUSTOMER, externalRef: 'HD-7', preferredChannel: 'email', language: 'en', contactInstructions: 'E-mail only, please' };
/** A complaint's texts naming staff and the customer, as people write them. */
const COMPLAINT = {
  customer,
  summary: 'Dana Ozola promised Anna Kalniņa a refund that never came',
  description: 'Anna Kalniņa (anna.kalnina@example.com, +371 2000 1234) says OZOLA told her on the phone that Janis Berzins would call back.',
};
const REFUSAL = {
  outcome: 'not_upheld',
  customerMessage: 'Thank you for your patience, Anna, while Jānis Bērziņš and I checked this; I am sorry for the worry it caused.',
  refusalReason: 'Jānis Bērziņš checked with the bank: the second debit was a pre-authorisation the bank released on 5 November.',
  nextSteps: 'If the amount is still missing, send Dana Ozola your bank statement at anna.kalnina@example.com and we will review it within two days.',
};
const SUGGESTION = {
  type: 'suggestion',
  severity: 'low',
  customer,
  summary: 'Please let Dana Ozola text me on 2000 1234 before a visit',
  description: 'Kalniņa here: an SMS from Bērziņam or Dana the day before would help.',
};
/** Decisions naming staff are refused by the minutes' no-blame guard, so this one is planted in the table directly. */
const DECISION = 'Dana Ozola and Jānis Bērziņš bring the refund checklist; questions to anna.kalnina@example.com or +371 2000 1234.';

const NOT_PUBLISHERS = ['agent', 'resolver', 'department_head', 'desk'] as const;
const NOT_READERS = ['agent', 'resolver', 'desk'] as const;

/** Accents dropped and lower case, so "Berzins" finds "Bērziņš" and the reverse. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The planted words found in `text` as whole words (a name inside another word is not a leak). */
function leaks(text: string, words: readonly string[]): string[] {
  const folded = fold(text);
  return words.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(word))}(?![\\p{L}\\p{N}])`, 'u').test(folded));
}

let serial = 0;

describe('the committee agenda', () => {
  let t: TestApp;
  let org: Organisation;
  let staffIds: string[];
  /** Committee A, Mondays: its meetings get agendas on demand. */
  let committeeA: string;
  let a1: string;
  let a2: string;
  /** Committee B, Thursdays: its first meeting's agenda is left to the scheduler. */
  let committeeB: string;
  let b1: string;

  const post = (meetingId: string, token = org.tokens.chair) => t.http().post(`/api/meetings/${meetingId}/agenda`).set(bearer(token));
  const get = (meetingId: string, query = '', token = org.tokens.chair) => t.http().get(`/api/meetings/${meetingId}/agenda${query}`).set(bearer(token));
  const versionsOf = (meetingId: string): Promise<{ id: string; version: number; contentHash: string; trigger: string }[]> =>
    t.dataSource.query(`SELECT id, version, content_hash AS "contentHash", "trigger" FROM agenda_versions WHERE meeting_id = $1 ORDER BY version`, [meetingId]);
  const noticesOf = (versionId: string): Promise<{ departmentId: string; body: string }[]> =>
    t.dataSource.query(
      `SELECT department_id AS "departmentId", body FROM staff_notifications WHERE agenda_version_id = $1 AND kind = 'agenda_published' ORDER BY department_id`,
      [versionId],
    );

  /** The e-mails queued in the outbox for a version: one per head of a member department. */
  const emailsOf = (versionId: string): Promise<{ departmentId: string; complaintId: null; channel: string; address: string; body: string }[]> =>
    t.dataSource.query(
      `SELECT department_id AS "departmentId", complaint_id AS "complaintId", channel, address, body FROM outbox_messages
        WHERE purpose = 'agenda_published' AND dedupe_key LIKE 'agenda_published:' || $1 || ':%' ORDER BY address`,
      [versionId],
    );
  const agendaEmailCount = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE purpose = 'agenda_published'`))[0].n;

  async function createCommittee(departmentIds: string[], schedule: { cadence: string; agendaLeadDays: number }): Promise<{ id: string; meetings: string[] }> {
    const res = await t
      .http()
      .post('/api/committees')
      .set(bearer(org.tokens.chair))
      .send({ name: `Customer committee ${++serial}`, memberDepartmentIds: departmentIds, timeZone: RIGA, durationMinutes: 90, ...schedule });
    expect(res.status).toBe(201);
    const meetings = await t.http().get(`/api/committees/${res.body.id}/meetings`).set(bearer(org.tokens.chair));
    expect(meetings.status).toBe(200);
    return { id: res.body.id, meetings: meetings.body.items.map((m: { id: string }) => m.id) };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: new TestClock(new Date(START)) });
    org = await seedOrganisation(t);
    const tokens: string[] = [];
    for (const [i, person] of STAFF.entries()) {
      const res = await t
        .http()
        .post('/api/staff')
        .set(asAdmin)
        .send({ ...person, departmentId: i === 0 ? org.departmentId : org.otherDepartmentId });
      expect(res.status).toBe(201);
      tokens.push(res.body.token);
    }
    // Network's head, so both member departments of A have one to e-mail.
    const networkHead = await t
      .http()
      .post('/api/staff')
      .set(asAdmin)
      .send({ name: 'Network head', email: 'network.head@example.com', role: 'department_head', departmentId: org.otherDepartmentId });
    expect(networkHead.status).toBe(201);
    staffIds = (await t.dataSource.query('SELECT id FROM staff')).map((row: { id: string }) => row.id);

    ({ id: committeeA, meetings: [a1, a2] } = await createCommittee([org.departmentId, org.otherDepartmentId], MONDAYS));
    ({ id: committeeB, meetings: [b1] } = await createCommittee([org.otherDepartmentId], THURSDAYS));

    // The period of A's first meeting is 12 Oct 10:00 to 19 Oct 10:00 Riga time: these are all in it. Dana Ozola logs
    // them, so her id is on their events too.
    const refused = await logComplaint(t, tokens[0], COMPLAINT);
    await acknowledge(t, org.tokens.resolver, refused.id);
    await resolve(t, org.tokens.resolver, refused.id, REFUSAL);
    await logComplaint(t, tokens[0], COMPLAINT);
    await logComplaint(t, org.tokens.desk, SUGGESTION);
  });
  afterAll(() => t.close());

  describe('POST /api/meetings/:id/agenda', () => {
    it('publishes version 1, stored with its hash, and tells each member department once', async () => {
      const res = await post(a1);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), generatedAt: START });
      const [v1] = await versionsOf(a1);
      expect(v1).toMatchObject({ version: 1, contentHash: res.body.contentHash, trigger: 'on_demand' });
      const notices = await noticesOf(v1.id);
      expect(notices.map((n) => n.departmentId).sort()).toEqual([org.departmentId, org.otherDepartmentId].sort());
      expect(notices[0].body).toContain(`http://redress.test/api/meetings/${a1}/agenda?format=html&version=1`);
      expect(await emailsOf(v1.id)).toEqual([
        { departmentId: org.departmentId, complaintId: null, channel: 'email', address: 'department_head@example.com', body: notices[0].body },
        { departmentId: org.otherDepartmentId, complaintId: null, channel: 'email', address: 'network.head@example.com', body: notices[0].body },
      ]);
      // So the scheduler does not publish another at the due date.
      const [meeting] = await t.dataSource.query('SELECT agenda_published_at AS "publishedAt" FROM meetings WHERE id = $1', [a1]);
      expect(meeting.publishedAt.toISOString()).toBe(START);
    });

    it('regenerated after a new complaint, publishes version 2 with its own hash; unchanged figures give the same hash again', async () => {
      await logComplaint(t, org.tokens.agent);
      const v2 = await post(a1);
      expect(v2.status).toBe(201);
      const v3 = await post(a1);
      expect(v3.status).toBe(201);
      const versions = await versionsOf(a1);
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
      expect(v2.body.version).toBe(2);
      expect(v2.body.contentHash).not.toBe(versions[0].contentHash);
      // The hash leaves generatedAt out: the same figures are the same agenda.
      expect(v3.body).toMatchObject({ version: 3, contentHash: v2.body.contentHash });
      for (const version of versions) expect(await noticesOf(version.id)).toHaveLength(2);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM staff_notifications WHERE kind = 'agenda_published'`);
      expect(n).toBe(2 * versions.length);
      for (const version of versions) expect(await emailsOf(version.id)).toHaveLength(2);
      expect(await agendaEmailCount()).toBe(2 * versions.length);
    });

    it("shows in the member departments' heads' notifications, naming the meeting and version", async () => {
      const res = await t.http().get(`/api/staff-notifications?departmentId=${org.departmentId}`).set(bearer(org.tokens.department_head));
      expect(res.status).toBe(200);
      const agendaItems = res.body.items.filter((item: { kind: string }) => item.kind === 'agenda_published');
      expect(agendaItems.map((item: { agenda: { version: number } }) => item.agenda.version).sort()).toEqual([1, 2, 3]);
      expect(agendaItems[0]).toMatchObject({ agenda: { meetingId: a1 }, departmentId: org.departmentId });
      expect(agendaItems[0]).not.toHaveProperty('complaintId');
    });

    it('lets an admin publish too', async () => {
      const res = await post(a1, org.tokens.admin);
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(4);
    });

    it('publishes all or nothing: a failure after the version is written leaves no version, notice or e-mail', async () => {
      const before = { versions: await versionsOf(a1), emails: await agendaEmailCount() };
      const [{ notices }] = await t.dataSource.query(`SELECT count(*)::int AS notices FROM staff_notifications`);
      // The last step of the transaction, after the version, the inbox notices and the e-mails are written.
      const failing = jest.spyOn(MeetingsRepository.prototype, 'markAgendaPublished').mockRejectedValueOnce(new Error('the disk is full'));
      try {
        expect((await post(a1)).status).toBe(500);
      } finally {
        failing.mockRestore();
      }
      expect(await versionsOf(a1)).toEqual(before.versions);
      expect(await agendaEmailCount()).toBe(before.emails);
      expect((await t.dataSource.query(`SELECT count(*)::int AS notices FROM staff_notifications`))[0].notices).toBe(notices);
    });

    it.each(NOT_PUBLISHERS)('refuses %s with 403, publishing nothing', async (caller) => {
      const before = await versionsOf(a1);
      expectError(await post(a1, org.tokens[caller]), 403, 'FORBIDDEN');
      expect(await versionsOf(a1)).toEqual(before);
    });

    it('takes no body: a field sent with it answers 400 naming it, anything but {} 400 too, publishing nothing', async () => {
      const before = { versions: await versionsOf(a1), emails: await agendaEmailCount() };
      expectError(await post(a1).send({ format: 'html', version: 7 }), 400, 'VALIDATION_FAILED', ['format', 'version']);
      expectError(await post(a1).send('null').set('content-type', 'application/json'), 400, 'VALIDATION_FAILED', ['body']);
      expect(await versionsOf(a1)).toEqual(before.versions);
      expect(await agendaEmailCount()).toBe(before.emails);
    });

    it('answers 401 without a token, 404 for an unknown meeting and 400 for an id that is no UUID', async () => {
      expectError(await t.http().post(`/api/meetings/${a1}/agenda`), 401, 'UNAUTHENTICATED');
      expectError(await post(randomUUID()), 404, 'MEETING_NOT_FOUND');
      expectError(await post('not-a-uuid'), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('GET /api/meetings/:id/agenda', () => {
    it('answers the latest version as JSON by default, with the content hash as ETag', async () => {
      const res = await get(a1);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const [latest] = (await versionsOf(a1)).slice(-1);
      expect(res.headers.etag).toBe(`W/"${latest.contentHash}"`);
      expect(res.headers['x-agenda-version']).toBe(String(latest.version));
      expect(res.body).toMatchObject({
        meetingId: a1,
        version: latest.version,
        contentHash: latest.contentHash,
        trigger: 'on_demand',
        period: { from: '2026-10-12T07:00:00.000Z', to: '2026-10-19T07:00:00.000Z' },
      });
      const content = res.body.content;
      expect(Object.keys(content)).toEqual(['formatVersion', 'committee', 'meeting', 'period', 'generatedAt', ...AGENDA_SECTIONS.map((s) => s.key), 'flags']);
      expect(content.committee).toMatchObject({ id: committeeA, timeZone: RIGA, memberDepartments: ['Billing', 'Network'] });
      // Every KPI figure of checks 1-5, plus volume and NPS, each over six periods ending with the agenda's.
      expect([...new Set(content.kpis.map((k: { check: number | null }) => k.check))]).toEqual([1, 2, 3, 4, 5, null]);
      for (const kpi of content.kpis) {
        expect(kpi.series).toHaveLength(6);
        expect(kpi.series.at(-1)).toMatchObject({ periodFrom: '2026-10-12T07:00:00.000Z', periodTo: '2026-10-19T07:00:00.000Z' });
      }
      expect(content.kpis.find((k: { key: string }) => k.key === 'volume.complaints')).toMatchObject({ current: 3, previous: 0 });
      expect(content.kpis.find((k: { key: string }) => k.key === 'refusals.share')).toMatchObject({ unit: 'percent', current: 100 });
      // The planted texts are quoted, redacted: the sections are not merely empty.
      expect(content.refusalReview.total).toBe(1);
      expect(content.refusalReview.sample[0].refusalReason).toContain('[staff member]');
      expect(content.refusalReview.sample[0].nextSteps).toContain('[e-mail]');
      expect(content.suggestions.items[0].summary).toContain('[phone]');
    });

    it('answers a given version, and 304 when If-None-Match holds its ETag', async () => {
      const [v1] = await versionsOf(a1);
      const res = await get(a1, '?version=1');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 1, contentHash: v1.contentHash });
      expect(res.headers.etag).toBe(`W/"${v1.contentHash}"`);
      const again = await get(a1, '?version=1&format=html').set('If-None-Match', res.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    });

    it('answers Markdown with each of the eight sections', async () => {
      const res = await get(a1, '?format=md');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      for (const [i, section] of AGENDA_SECTIONS.entries()) expect(res.text).toContain(`## ${i + 1}. ${section.title}`);
      expect(res.text).toContain('\\[staff member\\]');
    });

    it('answers a printable HTML page with each of the eight sections and inline SVG charts, that the CSP lets render', async () => {
      const res = await get(a1, '?format=html', org.tokens.department_head);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      for (const [i, section] of AGENDA_SECTIONS.entries()) {
        expect(res.text).toContain(`<section id="section-${section.key}" class="agenda-section"><h2>${i + 1}. ${escapeHtml(section.title)}</h2>`);
      }
      expect(res.text).toContain('<svg');
      // Nothing to fetch: no script, no external stylesheet, image or font; only an inline style block, which the
      // app's CSP (helmet) allows.
      expect(res.text).not.toMatch(/<script|<link|<img|\ssrc=|url\(|@import/i);
      expect(res.text).not.toMatch(/href="(?!#)/);
      expect(res.text).toContain('<style>');
      expect(res.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
      expect(res.text).toContain('[staff member]');
    });

    it('names no staff member and no customer contact data in any format of any version, nor any staff id', async () => {
      const versions = await versionsOf(a1);
      for (const { version } of versions) {
        for (const format of ['json', 'md', 'html']) {
          const res = await get(a1, `?format=${format}&version=${version}`);
          expect(res.status).toBe(200);
          const body = format === 'json' ? JSON.stringify(res.body) : res.text;
          expect({ version, format, leaks: leaks(body, [...STAFF_WORDS, ...CONTACT_WORDS]) }).toEqual({ version, format, leaks: [] });
          expect(staffIds.filter((id) => body.includes(id))).toEqual([]);
        }
      }
    });

    it.each(NOT_READERS)('refuses %s with 403', async (caller) => {
      expectError(await get(a1, '', org.tokens[caller]), 403, 'FORBIDDEN');
    });

    it.each([
      ['an unknown format', '?format=pdf', ['format']],
      ['version 0', '?version=0', ['version']],
      ['a version that is no number', '?version=latest', ['version']],
      ['a fractional version', '?version=1.5', ['version']],
      ['an unknown parameter', '?lang=lv', ['lang']],
    ])('answers 400 for %s', async (_case, query, fields) => {
      expectError(await get(a1, query), 400, 'VALIDATION_FAILED', fields);
    });

    it('answers 404 for an unknown meeting, a meeting without an agenda, and a version that does not exist', async () => {
      expectError(await get(randomUUID()), 404, 'MEETING_NOT_FOUND');
      expectError(await get(a2), 404, 'AGENDA_NOT_FOUND');
      expectError(await get(a1, '?version=99'), 404, 'AGENDA_NOT_FOUND');
      expectError(await get(a1, '?version=2147483647&format=md'), 404, 'AGENDA_NOT_FOUND');
    });
  });

  describe('two instances on one database', () => {
    let second: TestApp;
    beforeAll(async () => {
      second = await startTestApp({ database: t.database, clock: t.clock });
    });
    afterAll(() => second.close());

    it('the scheduler publishes a due agenda exactly once when both sweep at the same moment', async () => {
      // B's first meeting (15 Oct) is due 14 Oct 07:00 UTC; A's first already has an agenda, its second is due later.
      t.clock.set('2026-10-14T08:00:00Z');
      const sweepers = [t.app.get(CommitteeSchedulerService), second.app.get(CommitteeSchedulerService)];
      const results = await Promise.all([...sweepers, ...sweepers].map((s) => s.sweep()));
      expect(results.reduce((sum, r) => sum + r.agendasPublished, 0)).toBe(1);
      expect(results.reduce((sum, r) => sum + r.agendaFailures, 0)).toBe(0);
      const versions = await versionsOf(b1);
      expect(versions).toEqual([expect.objectContaining({ version: 1, trigger: 'scheduled' })]);
      expect((await noticesOf(versions[0].id)).map((n) => n.departmentId)).toEqual([org.otherDepartmentId]);
      expect((await emailsOf(versions[0].id)).map((e) => e.address)).toEqual(['network.head@example.com']);

      const again = await Promise.all(sweepers.map((s) => s.sweep()));
      expect(again.reduce((sum, r) => sum + r.agendasPublished, 0)).toBe(0);
      expect(await versionsOf(b1)).toHaveLength(1);
      expect(await versionsOf(a2)).toEqual([]);

      const res = await get(b1, '?format=json');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 1, trigger: 'scheduled', content: { committee: { id: committeeB, memberDepartments: ['Network'] } } });
    });

    it('two publications requested at once, one per instance, make one new version each', async () => {
      const before = (await versionsOf(a1)).length;
      const [one, two] = await Promise.all([
        t.http().post(`/api/meetings/${a1}/agenda`).set(bearer(org.tokens.chair)),
        second.http().post(`/api/meetings/${a1}/agenda`).set(bearer(org.tokens.chair)),
      ]);
      expect([one.status, two.status]).toEqual([201, 201]);
      expect([one.body.version, two.body.version].sort()).toEqual([before + 1, before + 2]);
      const versions = await versionsOf(a1);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: before + 2 }, (_, i) => i + 1));
      for (const version of versions) {
        expect(await noticesOf(version.id)).toHaveLength(2);
        expect(await emailsOf(version.id)).toHaveLength(2);
      }
    });
  });

  describe("follow-ups on the last meeting's decisions", () => {
    it("lists A's first meeting's decisions in its second agenda, redacted", async () => {
      t.clock.set('2026-10-19T09:00:00Z');
      const minutes = await t
        .http()
        .post(`/api/meetings/${a1}/minutes`)
        .set(bearer(org.tokens.chair))
        .send({ attendeeDepartmentIds: [org.departmentId], decisions: [{ text: 'Billing drafts one refund checklist for all teams.' }] });
      expect(minutes.status).toBe(201);
      await t.dataSource.query('INSERT INTO meeting_decisions (meeting_id, position, text) VALUES ($1, 2, $2)', [a1, DECISION]);

      const res = await post(a2);
      expect(res.status).toBe(201);
      const agenda = await get(a2);
      expect(agenda.body.period).toEqual({ from: '2026-10-19T07:00:00.000Z', to: '2026-10-26T08:00:00.000Z' });
      const followUps = agenda.body.content.followUps;
      expect(followUps.map((f: { ref: string }) => f.ref)).toEqual(['decision-1', 'decision-2']);
      expect(followUps[1].text).toContain('[staff member]');
      for (const format of ['json', 'md', 'html']) {
        const rendered = await get(a2, `?format=${format}`);
        const body = format === 'json' ? JSON.stringify(rendered.body) : rendered.text;
        expect({ format, leaks: leaks(body, [...STAFF_WORDS, ...CONTACT_WORDS]) }).toEqual({ format, leaks: [] });
      }
      const html = (await get(a2, '?format=html')).text;
      expect(html).toContain('Billing drafts one refund checklist for all teams.');
    });
  });

  describe('the versions table', () => {
    const refusal = async (sql: string, parameters: unknown[] = []) => {
      const error = await t.dataSource.query(sql, parameters).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryFailedError);
      return error as QueryFailedError & { driverError: { code: string } };
    };

    it('refuses UPDATE, DELETE and TRUNCATE, leaving the versions as they were', async () => {
      const before = await t.dataSource.query('SELECT * FROM agenda_versions ORDER BY id');
      expect(before.length).toBeGreaterThan(0);
      const update = await refusal(`UPDATE agenda_versions SET content_hash = repeat('0', 64) WHERE meeting_id = $1`, [a1]);
      expect(update.message).toMatch(/agenda_versions is immutable: UPDATE is not allowed/);
      expect(update.driverError.code).toBe('42501');
      expect((await refusal('DELETE FROM agenda_versions WHERE meeting_id = $1', [a1])).message).toMatch(/immutable: DELETE/);
      expect((await refusal('TRUNCATE agenda_versions CASCADE')).message).toMatch(/immutable: TRUNCATE/);
      expect(await t.dataSource.query('SELECT * FROM agenda_versions ORDER BY id')).toEqual(before);
    });
  });
});
