import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { logComplaint, withCustomer } from '../factories/complaints.js';

const PUBLIC_BASE_URL = 'http://redress.test';
const NEXT_STEPS = 'Our billing team is checking both payments and will refund the duplicate by Friday.';

/** The path of a status link, as the customer's browser would request it. */
const pathOf = (publicUrl: string) => {
  expect(publicUrl.startsWith(`${PUBLIC_BASE_URL}/public/complaints/`)).toBe(true);
  return publicUrl.slice(PUBLIC_BASE_URL.length);
};

describe('GET /public/complaints/:token (the customer status page)', () => {
  let t: TestApp;
  let org: Organisation;
  let mine: any;
  let theirs: any;
  let agentId: string;

  const statusPage = (path: string) => t.http().get(path).set('Accept', 'application/json');
  const acknowledge = async (id: string) => {
    const res = await t
      .http()
      .post(`/api/complaints/${id}/acknowledge`)
      .set(bearer(org.tokens.agent))
      .send({ message: 'I am sorry you were charged twice.', nextSteps: `  ${NEXT_STEPS}  `, expectedResolutionBy: '2026-11-27T15:00:00Z' });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    // The organisation's time zone, in which the HTML page writes its dates (two hours ahead of UTC in November).
    await t.dataSource.query(`UPDATE business_calendar SET time_zone = 'Europe/Riga' WHERE id = 1`);
    const [staff] = await t.dataSource.query(`SELECT id, name FROM staff WHERE email = 'agent@example.com'`);
    agentId = staff.id;
    // Acknowledged, so a staff member has acted on it and written to the customer.
    mine = await logComplaint(t, org.tokens.agent);
    await acknowledge(mine.id);
    theirs = await logComplaint(
      t,
      org.tokens.desk,
      withCustomer({ name: 'Janis Ozols', email: 'janis@example.com', phone: '+37129999999', contactInstructions: 'E-mail only, please' }),
    );
  });
  afterAll(() => t.close());

  it('answers without a token, with the reference, status, next step, expected date and owning team', async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    const res = await statusPage(pathOf(complaint.publicUrl));

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      reference: complaint.reference,
      status: 'received',
      statusText: expect.any(String),
      nextStep: expect.any(String),
      owningTeam: 'Billing',
    });
    expect(res.body).toHaveProperty('expectedResolutionBy');
    expect(res.body.statusText.length).toBeGreaterThan(0);
    expect(res.body.nextStep.length).toBeGreaterThan(0);
  });

  it("shows the staff member's next steps and expected date once the complaint is acknowledged", async () => {
    const complaint = await logComplaint(t, org.tokens.agent);
    await acknowledge(complaint.id);

    const res = await statusPage(pathOf(complaint.publicUrl));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      reference: complaint.reference,
      status: 'acknowledged',
      nextStep: NEXT_STEPS,
      expectedResolutionBy: '2026-11-27T15:00:00.000Z',
      owningTeam: 'Billing',
    });
  });

  it('never shows staff, contact details, the description or another complaint', async () => {
    const [staff] = await t.dataSource.query('SELECT name FROM staff WHERE id = $1', [agentId]);
    const res = await statusPage(pathOf(mine.publicUrl));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reference: mine.reference, status: 'acknowledged', nextStep: NEXT_STEPS });

    const page = JSON.stringify(res.body);
    const secrets = [
      staff.name,
      agentId,
      'anna@example.com',
      '+37120000000',
      'Call my mobile after 17:00, not the landline',
      mine.description,
      mine.id,
      theirs.reference,
      theirs.id,
      'Janis Ozols',
      'janis@example.com',
    ];
    const html = await t.http().get(pathOf(mine.publicUrl)).set('Accept', 'text/html');
    expect(html.text).toContain(mine.reference);
    for (const secret of secrets) {
      expect(page).not.toContain(secret);
      expect(html.text).not.toContain(secret);
    }
  });

  it("shows another complaint's link that complaint only", async () => {
    const res = await statusPage(pathOf(theirs.publicUrl));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reference: theirs.reference, status: 'received' });
    const page = JSON.stringify(res.body);
    for (const secret of [mine.reference, mine.id, NEXT_STEPS, 'janis@example.com', '+37129999999', 'E-mail only, please']) {
      expect(page).not.toContain(secret);
    }
  });

  it('answers an unknown link and a malformed one with the same 404', async () => {
    const unknownToken = 'A'.repeat(43); // the shape of a real token
    const unknown = await statusPage(`/public/complaints/${unknownToken}`);
    const malformed = await statusPage('/public/complaints/not-a-token');
    const truncated = await statusPage(pathOf(mine.publicUrl).slice(0, -1));

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(truncated.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(malformed.body).toEqual(unknown.body);
    expect(truncated.body).toEqual(unknown.body);
    expect(JSON.stringify(unknown.body)).not.toContain(mine.reference);
  });

  it('gives the same link on every read of the complaint', async () => {
    const read = await t.http().get(`/api/complaints/${mine.id}`).set(bearer(org.tokens.agent));
    expect(read.body.publicUrl).toBe(mine.publicUrl);
  });

  describe('content negotiation', () => {
    it('serves browsers, and clients that do not ask for JSON, the HTML page; never cached', async () => {
      const browser = await t
        .http()
        .get(pathOf(mine.publicUrl))
        .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
      const bare = await t.http().get(pathOf(mine.publicUrl));

      for (const res of [browser, bare]) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.vary).toMatch(/Accept/);
        expect(res.text).toMatch(/^<!doctype html>/);
        expect(res.text).toContain(`<h1>Your complaint <span class="ref">${mine.reference}</span></h1>`);
      }
      expect(bare.text).toBe(browser.text);
    });

    it('never lets a cache keep the JSON either, nor its 404', async () => {
      const res = await statusPage(pathOf(mine.publicUrl));
      const missing = await statusPage('/public/complaints/not-a-token');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/json/);
      expect(missing.headers['cache-control']).toBe('no-store');
    });

    it('answers a browser with an HTML 404 page for an unknown or malformed link, in its language', async () => {
      const unknown = await t.http().get(`/public/complaints/${'A'.repeat(43)}`).set('Accept', 'text/html').set('Accept-Language', 'lv-LV,lv;q=0.9');
      const malformed = await t.http().get('/public/complaints/not-a-token').set('Accept', 'text/html').set('Accept-Language', 'lv-LV,lv;q=0.9');

      for (const res of [unknown, malformed]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.text).toContain('<html lang="lv"');
        expect(res.text).toContain('Mēs nevarējām atrast šo statusa saiti');
        expect(res.text).not.toContain(mine.reference);
      }
      expect(malformed.text).toBe(unknown.text);
    });
  });

  describe('the public timeline, the question, the answer and the forms', () => {
    const INTERNAL_NOTE = 'Card processor confirms a retry fired twice; ledger team to reverse';
    const HANDOFF_REASON = 'Needs access to the payments ledger';
    const CONTEXT_NOTE = 'Customer was debited twice on 3 November and wants the second payment refunded';
    const OVERRIDE_JUSTIFICATION = 'Wording agreed with the legal team';
    const QUESTION = 'Which card ending did the second payment come from?';
    const UPDATE = 'We have found the second payment and asked the bank to return it.';
    const DELAY_REASON = 'The bank needs two more working days to return the payment';
    const RESOLUTION_MESSAGE = 'We have refunded the second payment of 42.00 EUR. We are sorry for the trouble.';
    const RESOLUTION_NEXT_STEPS = 'The refund shows on your card statement within five working days.';

    let complaint: any;
    let staff: { id: string; name: string }[];
    let secrets: string[];

    const insertEvent = (type: string, data: Record<string, unknown>, at: string, actor: { kind: string; id: string | null }) =>
      t.dataSource.query(
        'INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6)',
        [complaint.id, type, actor.kind, actor.id, at, JSON.stringify(data)],
      );
    const html = (path: string) => t.http().get(path).set('Accept', 'text/html');
    const bothBodies = async () => {
      const json = await statusPage(pathOf(complaint.publicUrl));
      const page = await html(pathOf(complaint.publicUrl));
      expect(json.status).toBe(200);
      expect(page.status).toBe(200);
      return { json: json.body, jsonText: JSON.stringify(json.body), page: page.text };
    };

    beforeAll(async () => {
      complaint = await logComplaint(t, org.tokens.agent);
      await acknowledge(complaint.id);
      staff = await t.dataSource.query('SELECT id, name FROM staff');
      const resolver = staff.find((s) => s.name === 'Test resolver')!;
      const [network] = await t.dataSource.query(`SELECT name FROM departments WHERE id = $1`, [org.otherDepartmentId]);
      // The workflow as the lead's services write it, seeded by SQL so this test does not depend on their endpoints.
      await t.dataSource.query(
        `INSERT INTO complaint_notes (complaint_id, visibility, body, author_kind, author_id, created_at) VALUES ($1, 'internal', $2, 'staff', $3, '2026-11-23T10:00:00Z')`,
        [complaint.id, INTERNAL_NOTE, resolver.id],
      );
      await insertEvent('note_added', { visibility: 'internal', body: INTERNAL_NOTE }, '2026-11-23T10:00:00Z', { kind: 'staff', id: resolver.id });
      await insertEvent(
        'handed_off',
        {
          fromDepartmentId: org.departmentId,
          toDepartmentId: org.otherDepartmentId,
          toDepartmentName: network.name,
          toAssigneeId: resolver.id,
          toAssigneeName: resolver.name,
          reason: HANDOFF_REASON,
          contextNote: CONTEXT_NOTE,
        },
        '2026-11-23T11:00:00Z',
        { kind: 'staff', id: resolver.id },
      );
      await t.dataSource.query(`UPDATE complaints SET status = 'in_resolution', owning_department_id = $2 WHERE id = $1`, [complaint.id, org.otherDepartmentId]);
      await insertEvent('guard_overridden', { purpose: 'update', justification: OVERRIDE_JUSTIFICATION, staffName: resolver.name }, '2026-11-23T11:30:00Z', {
        kind: 'staff',
        id: resolver.id,
      });
      await insertEvent('customer_updated', { noteId: resolver.id, message: UPDATE }, '2026-11-23T12:00:00Z', { kind: 'staff', id: resolver.id });
      await insertEvent('at_risk', { share: 0.75, dueAt: '2026-11-26T09:00:00Z' }, '2026-11-23T12:30:00Z', { kind: 'system', id: null });
      await insertEvent(
        'expected_date_changed',
        { from: '2026-11-27T15:00:00.000Z', to: '2026-12-01T15:00:00.000Z', later: true, customerReason: DELAY_REASON },
        '2026-11-23T13:00:00Z',
        { kind: 'staff', id: resolver.id },
      );
      await t.dataSource.query(`UPDATE complaints SET expected_resolution_by = '2026-12-01T15:00:00Z' WHERE id = $1`, [complaint.id]);
      await t.dataSource.query(
        `INSERT INTO information_requests (complaint_id, question, asked_at) VALUES ($1, $2, '2026-11-23T14:00:00Z')`,
        [complaint.id, QUESTION],
      );
      await insertEvent('information_requested', { informationRequestId: resolver.id, question: QUESTION }, '2026-11-23T14:00:00Z', { kind: 'staff', id: resolver.id });
      secrets = [
        ...staff.flatMap((s) => [s.name, s.id]),
        INTERNAL_NOTE,
        HANDOFF_REASON,
        CONTEXT_NOTE,
        OVERRIDE_JUSTIFICATION,
        complaint.id,
        complaint.description,
        'Anna Berzina',
        'anna@example.com',
        '+37120000000',
        'Call my mobile after 17:00, not the landline',
        org.departmentId,
        org.otherDepartmentId,
      ];
    });

    it('tells the customer what happened, in plain words, oldest first, public events only', async () => {
      const { json, page } = await bothBodies();

      expect(json.timeline.map((entry: any) => entry.type)).toEqual([
        'received',
        'acknowledged',
        'handed_off',
        'customer_updated',
        'expected_date_changed',
        'information_requested',
      ]);
      expect(json.timeline.map((entry: any) => entry.text)).toEqual([
        'We received your message',
        `We confirmed that we are looking into it. Next: ${NEXT_STEPS}`,
        'Your case was passed to our Network team',
        `We sent you an update: ${UPDATE}`,
        `We now expect to resolve it by Tuesday, 1 December 2026 at 17:00. Why: ${DELAY_REASON}`,
        `We asked you: ${QUESTION}`,
      ]);
      for (const entry of json.timeline) expect(Object.keys(entry).sort()).toEqual(['at', 'text', 'type']);
      expect(json.timeline.at(-1).at).toBe('2026-11-23T14:00:00.000Z');
      for (const text of json.timeline.map((entry: any) => entry.text)) expect(page).toContain(escapeForHtml(text));
      for (const internal of ['note_added', 'guard_overridden', 'at_risk']) {
        expect(JSON.stringify(json)).not.toContain(internal);
        expect(page).not.toContain(internal);
      }
    });

    it('shows the new owning team, the moved date in the organisation time zone, and the open question with a reply form', async () => {
      const { json, page } = await bothBodies();

      expect(json).toMatchObject({
        status: 'in_resolution',
        step: 3,
        owningTeam: 'Network',
        expectedResolutionBy: '2026-12-01T15:00:00.000Z',
        informationRequest: { question: QUESTION, askedAt: '2026-11-23T14:00:00.000Z' },
        resolution: null,
        canGiveFeedback: false,
        canDispute: false,
        language: 'en',
      });
      expect(page).toContain('Our Network team');
      expect(page).toContain('<time datetime="2026-12-01T15:00:00.000Z">Tuesday, 1 December 2026 at 17:00</time>');
      expect(page).toMatch(/<li class="current" aria-current="step">.*Being resolved/);
      expect(page).toContain(`data-endpoint="${pathOf(complaint.publicUrl)}/reply"`);
      expect(page).toContain('<label for="reply-message">Your answer</label>');
      expect(page).not.toContain('id="feedback-form"');
      expect(page).not.toContain('id="dispute-form"');
    });

    it('shows nothing internal in either body: staff, notes, handoff reason and context, contact data, ids', async () => {
      const { jsonText, page } = await bothBodies();
      for (const secret of secrets) {
        expect(jsonText).not.toContain(secret);
        expect(page).not.toContain(secret);
        expect(page).not.toContain(escapeForHtml(secret));
      }
    });

    describe('once answered', () => {
      let resolutionId: string;

      beforeAll(async () => {
        await t.dataSource.query(`UPDATE information_requests SET answered_at = '2026-11-24T09:00:00Z', answer = 'The Visa ending 1234' WHERE complaint_id = $1`, [
          complaint.id,
        ]);
        await insertEvent('customer_replied', { answer: 'The Visa ending 1234', pausedBusinessMs: 3_600_000 }, '2026-11-24T09:00:00Z', { kind: 'customer', id: null });
        [{ id: resolutionId }] = await t.dataSource.query(
          `INSERT INTO resolutions (complaint_id, number, outcome, customer_message, remedy, resolved_at)
           VALUES ($1, 1, 'upheld', $2, 'Refund of the second payment', '2026-11-25T12:00:00Z') RETURNING id`,
          [complaint.id, RESOLUTION_MESSAGE],
        );
        await insertEvent('resolved', { resolutionId, outcome: 'upheld', refusal: false }, '2026-11-25T12:00:00Z', { kind: 'staff', id: staff[0].id });
        // As the lead's resolve leaves it: the resolution's next steps replace the acknowledgement's.
        await t.dataSource.query(
          `UPDATE complaints SET status = 'resolved', outcome = 'upheld', resolved_at = '2026-11-25T12:00:00Z', customer_next_step = $2 WHERE id = $1`,
          [complaint.id, RESOLUTION_NEXT_STEPS],
        );
      });

      it('shows the answer and offers a labelled feedback form and a dispute form', async () => {
        const { json, jsonText, page } = await bothBodies();

        expect(json).toMatchObject({
          status: 'resolved',
          step: 4,
          nextStep: RESOLUTION_NEXT_STEPS,
          expectedResolutionBy: null,
          informationRequest: null,
          resolution: { outcome: 'upheld', outcomeText: 'We agree with your complaint', message: RESOLUTION_MESSAGE, resolvedAt: '2026-11-25T12:00:00.000Z' },
          canGiveFeedback: true,
          canDispute: true,
        });
        expect(json.timeline.slice(-2).map((entry: any) => entry.text)).toEqual(['You sent us your answer', 'We gave our answer: We agree with your complaint']);
        expect(page).toContain(RESOLUTION_MESSAGE);
        expect(page).not.toContain('id="reply-form"');
        expect(page).toContain(`data-endpoint="${pathOf(complaint.publicUrl)}/feedback"`);
        expect(page).toContain(`data-endpoint="${pathOf(complaint.publicUrl)}/dispute"`);
        expect(page).toContain('<label for="dispute-reason">');
        expect(page).toContain('<label for="feedback-comment">');
        // The customer's answer and the remedy's internal wording are not echoed back.
        for (const text of [jsonText, page]) {
          expect(text).not.toContain('The Visa ending 1234');
          expect(text).not.toContain('Refund of the second payment');
        }
        for (const secret of secrets) {
          expect(jsonText).not.toContain(secret);
          expect(page).not.toContain(secret);
        }
      });

      it('takes one rating per answer: once rated, only the dispute form remains', async () => {
        await t.dataSource.query(
          `INSERT INTO customer_feedback (complaint_id, resolution_id, csat, nps, comment, created_at) VALUES ($1, $2, 4, 9, 'Quick, thanks', '2026-11-25T13:00:00Z')`,
          [complaint.id, resolutionId],
        );
        await insertEvent('feedback_received', { resolutionId, csat: 4, nps: 9 }, '2026-11-25T13:00:00Z', { kind: 'customer', id: null });

        const { json, jsonText, page } = await bothBodies();
        expect(json).toMatchObject({ canGiveFeedback: false, canDispute: true });
        expect(json.timeline.at(-1)).toMatchObject({ type: 'feedback_received', text: 'You rated our answer. Thank you!' });
        expect(page).not.toContain('id="feedback-form"');
        expect(page).toContain('id="dispute-form"');
        expect(jsonText).not.toContain('Quick, thanks');
      });

      it('after a dispute, shows the case as being resolved again, without the disputed answer or the reasons given', async () => {
        const STAFF_REOPEN_REASON = 'Ledger shows the refund bounced; reopening for the payments team';
        await insertEvent('disputed', { reason: 'The refund never arrived', outcome: 'upheld' }, '2026-11-26T09:00:00Z', { kind: 'customer', id: null });
        await insertEvent('reopened', { reason: STAFF_REOPEN_REASON }, '2026-11-26T09:00:00Z', { kind: 'customer', id: null });
        await t.dataSource.query(`UPDATE complaints SET status = 'reopened', outcome = NULL, resolved_at = NULL WHERE id = $1`, [complaint.id]);

        const { json, jsonText, page } = await bothBodies();
        expect(json).toMatchObject({
          status: 'reopened',
          statusText: 'We are looking into it again',
          step: 3,
          // The resolution's next steps belonged to the disputed answer.
          nextStep: 'We will tell you the outcome',
          resolution: null,
          canGiveFeedback: false,
          canDispute: false,
        });
        expect(json.timeline.slice(-2).map((entry: any) => entry.text)).toEqual([
          'You told us that our answer did not settle the matter',
          'We reopened your case to look at it again',
        ]);
        expect(page).toMatch(/<li class="current" aria-current="step">.*Being resolved/);
        for (const text of [jsonText, page]) {
          expect(text).not.toContain(STAFF_REOPEN_REASON);
          expect(text).not.toContain('The refund never arrived');
          expect(text).not.toContain(RESOLUTION_NEXT_STEPS);
        }
        expect(page).not.toContain('<form');
      });
    });
  });

  describe("in the customer's language", () => {
    const LATVIAN_NEXT_STEPS = 'Mūsu norēķinu komanda pārbauda abus maksājumus un līdz piektdienai atmaksās lieko.';

    it('gives a Latvian customer Latvian words, dates and labels in both formats', async () => {
      const latvian = await logComplaint(t, org.tokens.agent, withCustomer({ language: 'lv' }));
      // Acknowledged by SQL: through the API the empathy guard would (rightly) want Latvian wording, not under test here.
      await t.dataSource.query(
        `UPDATE complaints SET status = 'acknowledged', customer_next_step = $2, expected_resolution_by = '2026-11-27T15:00:00Z' WHERE id = $1`,
        [latvian.id, LATVIAN_NEXT_STEPS],
      );
      await t.dataSource.query(
        `INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data) VALUES ($1, 'acknowledged', 'staff', $2, '2026-11-23T09:30:00Z', $3)`,
        [latvian.id, agentId, JSON.stringify({ nextSteps: LATVIAN_NEXT_STEPS, onTime: true })],
      );

      const json = await statusPage(pathOf(latvian.publicUrl));
      const page = await t.http().get(pathOf(latvian.publicUrl)).set('Accept', 'text/html');

      expect(json.body).toMatchObject({
        language: 'lv',
        statusText: 'Mēs to izskatām',
        nextStep: LATVIAN_NEXT_STEPS, // the staff member's own words, as written
      });
      expect(json.body.timeline.map((entry: any) => entry.text)).toEqual([
        'Esam saņēmuši jūsu ziņu',
        `Apstiprinājām, ka izskatām jūsu lietu. Tālāk: ${LATVIAN_NEXT_STEPS}`,
      ]);
      expect(page.text).toContain('<html lang="lv"');
      expect(page.text).toContain(`<h1>Jūsu sūdzība <span class="ref">${latvian.reference}</span></h1>`);
      for (const label of ['Kas notiks tālāk', 'Par lietu rūpējas', 'Mūsu komanda “Billing”', 'Kas līdz šim noticis', 'Pieņemta izskatīšanai']) {
        expect(page.text).toContain(label);
      }
      expect(page.text).toContain('piektdiena, 2026. gada 27. novembris 17:00');
      expect(page.text).not.toContain('What happens next');
    });

    it('falls back to English for a language without a translation', async () => {
      const german = await logComplaint(t, org.tokens.agent);
      // Intake accepts only the languages we speak; an older row or another writer may hold any code.
      await t.dataSource.query(`UPDATE complaints SET customer_language = 'de' WHERE id = $1`, [german.id]);
      const json = await statusPage(pathOf(german.publicUrl));
      const page = await t.http().get(pathOf(german.publicUrl));

      expect(json.body).toMatchObject({ language: 'en', statusText: 'We have received your message' });
      expect(page.text).toContain('<html lang="en"');
      expect(page.text).toContain('What happens next');
    });
  });
});

/** As the HTML page writes text: the characters that markup would change, escaped. */
function escapeForHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
