import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildAgenda } from '../../src/agenda/agenda-builder.js';
import { AGENDA_LIMITS, AgendaSectionsRepository, type AgendaSectionsData, type AgendaSectionsQuery } from '../../src/agenda/agenda-sections.repository.js';
import { KnownPeopleRepository } from '../../src/privacy/known-people.repository.js';
import { PrivacyService } from '../../src/privacy/privacy.service.js';
import { PLACEHOLDERS, stringsIn } from '../../src/privacy/redaction.js';
import { renderHtml } from '../../src/agenda/render-html.js';
import { renderMarkdown } from '../../src/agenda/render-markdown.js';
import { SimilarComplaintsRepository } from '../../src/similar-complaints/similar-complaints.repository.js';
import { leaksIn } from '../factories/agenda.js';
import { createStaff, publicTokenOf, REFUSAL_TEXTS, UPHELD } from '../factories/complaints.js';
import { asAdmin, bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The agenda's SQL (sections 2-7) against a real database, on a small dataset with known figures. The complaints,
 * handoffs, notes, refusals, disputes, ratings and prevention actions go through the HTTP API with the clock moved to
 * each moment; what the API cannot set directly (root causes without the root-cause step, breach instants, an older
 * effectiveness verdict, staff names planted in texts) is written with SQL.
 *
 * The period is October 2026, [1 Oct, 1 Nov) UTC, compared with the 31 days before it, [31 Aug, 1 Oct).
 */

const FROM = new Date('2026-10-01T00:00:00Z');
const TO = new Date('2026-11-01T00:00:00Z');
const QUERY: AgendaSectionsQuery = { from: FROM, to: TO, now: new Date('2026-11-02T09:00:00Z'), dueBefore: new Date('2026-11-15T00:00:00Z') };

/** The texts alone: each resolution below says its own outcome. */
const REFUSAL = REFUSAL_TEXTS;

describe('agenda sections (SQL)', () => {
  let t: TestApp;
  let org: Organisation;
  let repository: AgendaSectionsRepository;
  let sections: AgendaSectionsData;
  /** Complaint references by the names used below. */
  const ref: Record<string, string> = {};
  const id: Record<string, string> = {};
  const action: Record<string, string> = {};
  let networkResolver: string;

  const at = (when: string | Date) => t.clock.set(new Date(when));

  async function intake(name: string, receivedAt: string, overrides: Record<string, unknown> = {}): Promise<any> {
    at(receivedAt);
    const res = await t.http().post('/api/complaints').set(bearer(org.tokens.agent)).send(intakeBody({ receivedAt, ...overrides }));
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    ref[name] = res.body.reference;
    id[name] = res.body.id;
    return res.body;
  }

  async function ok(request: Promise<any>, status = 200): Promise<any> {
    const res = await request;
    expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
    return res.body;
  }

  const handOff = (name: string, when: string, toDepartmentId: string, token = org.tokens.agent) => {
    at(when);
    return ok(
      t.http().post(`/api/complaints/${id[name]}/handoffs`).set(bearer(token)).send({
        toDepartmentId,
        reason: 'The other team owns this part of the process',
        contextNote: 'Checked the account history; the customer wants a call back on the mobile after 17:00.',
      }),
    );
  };
  /** An internal note: the first action of the note writer's department, which ends a handoff's wait. */
  const note = (name: string, when: string, token: string) => {
    at(when);
    return ok(t.http().post(`/api/complaints/${id[name]}/notes`).set(bearer(token)).send({ body: 'Looked into it.', visibility: 'internal' }), 201);
  };
  const resolve = (name: string, when: string, body: object, token: string) => {
    at(when);
    return ok(t.http().post(`/api/complaints/${id[name]}/resolution`).set(bearer(token)).send(body));
  };
  const createAction = async (name: string, when: string, body: Record<string, unknown>) => {
    at(when);
    const created = await ok(
      t.http().post('/api/prevention-actions').set(bearer(org.tokens.chair)).send({
        description: 'Change the process so that this does not happen again.',
        successCriterion: { targetReductionPct: 50, windowDays: 30 },
        ...body,
      }),
      201,
    );
    action[name] = created.id;
  };
  const patchAction = (name: string, when: string, status: string) => {
    at(when);
    return ok(t.http().patch(`/api/prevention-actions/${action[name]}`).set(bearer(org.tokens.department_head)).send({ status }));
  };

  beforeAll(async () => {
    t = await startTestApp();
    at('2026-07-01T09:00:00Z');
    org = await seedOrganisation(t);
    await ok(t.http().post('/api/categories').set(asAdmin).send({ code: 'network-outage', name: 'Network outage', ownerDepartmentId: org.otherDepartmentId }), 201);
    networkResolver = (await createStaff(t, 'resolver', org.otherDepartmentId, 'resolver-network@example.com')).token;
    await ok(t.http().post('/api/staff').set(asAdmin).send({ name: 'Dana Ozola', email: 'dana.ozola@example.com', role: 'resolver', departmentId: org.departmentId }), 201);
    repository = new AgendaSectionsRepository(t.app.get(SimilarComplaintsRepository));
    const network = { categoryCode: 'network-outage' };

    // Before both periods, and after the period: counted nowhere.
    await intake('X2', '2026-08-01T09:00:00Z');
    await createAction('PA4', '2026-08-20T09:00:00Z', { title: 'Capacity alerts on the core links', causeCode: 'capacity', categoryCode: 'network-outage', ownerDepartmentId: org.otherDepartmentId, dueAt: '2026-08-25T09:00:00Z' });

    // The previous period, [31 Aug, 1 Oct).
    await intake('N0a', '2026-09-10T09:00:00Z', network);
    await intake('N0b', '2026-09-11T09:00:00Z', network);
    await intake('N0c', '2026-09-12T09:00:00Z', network);
    await intake('A0', '2026-09-15T09:00:00Z');
    await handOff('A0', '2026-09-16T10:00:00Z', org.otherDepartmentId); // H0: outside the period
    await intake('S0', '2026-09-20T09:00:00Z', { type: 'suggestion' });
    await note('A0', '2026-09-20T10:00:00Z', networkResolver);
    await resolve('A0', '2026-09-21T10:00:00Z', { outcome: 'not_upheld', ...REFUSAL }, networkResolver); // R4: outside

    // October.
    await createAction('PA1', '2026-10-01T09:00:00Z', { title: 'Idempotent gateway retries', causeCode: 'tooling', categoryCode: 'billing-error', ownerDepartmentId: org.departmentId, dueAt: '2026-10-15T09:00:00Z' });
    await createAction('PA2', '2026-10-01T09:01:00Z', { title: 'Capacity plan for peak weeks', causeCode: 'capacity', ownerDepartmentId: org.otherDepartmentId, dueAt: '2026-10-20T09:00:00Z' });
    await createAction('PA3', '2026-10-01T09:02:00Z', { title: 'Refund step in the checklist', causeCode: 'process_gap', categoryCode: 'billing-error', ownerDepartmentId: org.departmentId, dueAt: '2026-11-10T09:00:00Z' });
    await patchAction('PA1', '2026-10-01T10:00:00Z', 'in_progress');
    await patchAction('PA3', '2026-10-01T10:00:00Z', 'in_progress');
    await createAction('PA5', '2026-10-02T09:00:00Z', { title: 'Alert billing on a second debit', causeCode: 'tooling', categoryCode: 'billing-error', ownerDepartmentId: org.departmentId, dueAt: '2026-12-31T09:00:00Z' });
    await intake('S1', '2026-10-03T09:00:00Z', { type: 'suggestion' });
    await intake('A1', '2026-10-05T09:00:00Z');
    await intake('A2', '2026-10-06T09:00:00Z');
    await handOff('A2', '2026-10-06T10:00:00Z', org.otherDepartmentId); // H1: 2 h
    await note('A2', '2026-10-06T12:00:00Z', networkResolver);
    await patchAction('PA1', '2026-10-06T12:00:00Z', 'done');
    await intake('A3', '2026-10-07T09:00:00Z');
    await handOff('A3', '2026-10-07T10:00:00Z', org.otherDepartmentId); // H2: 4 h
    await note('A3', '2026-10-07T14:00:00Z', networkResolver);
    await handOff('A3', '2026-10-07T15:00:00Z', org.departmentId, networkResolver); // H3: 1 h, back to Billing
    await note('A3', '2026-10-07T16:00:00Z', org.tokens.resolver);
    await intake('B1', '2026-10-08T09:00:00Z');
    await handOff('B1', '2026-10-08T10:00:00Z', org.otherDepartmentId); // H4: 10 h
    await note('B1', '2026-10-08T20:00:00Z', networkResolver);
    await intake('B2', '2026-10-09T09:00:00Z');
    await handOff('B2', '2026-10-09T10:00:00Z', org.otherDepartmentId); // H5: never acted on
    const n1 = await intake('N1', '2026-10-10T09:00:00Z', network);
    await intake('P1', '2026-10-12T09:00:00Z');
    await resolve('A1', '2026-10-15T10:00:00Z', { outcome: 'not_upheld', ...REFUSAL }, org.tokens.resolver); // R1
    const b1 = await t.http().get(`/api/complaints/${id.B1}`).set(bearer(org.tokens.agent));
    await resolve('B1', '2026-10-16T10:00:00Z', { outcome: 'partially_upheld', ...REFUSAL, alternativeOffered: 'A credit of 10 EUR on the next invoice.' }, networkResolver); // R2
    at('2026-10-17T10:00:00Z');
    await ok(t.http().post(`/public/complaints/${publicTokenOf(b1.body)}/dispute`).send({ reason: 'The money is still missing from my account.' }));
    await resolve('B1', '2026-10-20T10:00:00Z', UPHELD, networkResolver); // upheld: no refusal
    await intake('S2', '2026-10-20T09:00:00Z', { type: 'suggestion', ...network });
    await intake('S3', '2026-10-21T09:00:00Z', { type: 'suggestion' });
    await resolve('N1', '2026-10-25T10:00:00Z', { outcome: 'not_upheld', ...REFUSAL }, networkResolver); // R3
    at('2026-10-26T10:00:00Z');
    await ok(t.http().post(`/public/complaints/${publicTokenOf(n1)}/feedback`).send({ csat: 4 }), 201);
    await handOff('P1', '2026-10-31T20:00:00Z', org.otherDepartmentId); // H6: acted on only after the period
    await note('P1', '2026-11-01T02:00:00Z', networkResolver);
    await intake('X1', '2026-11-02T08:00:00Z');
    at(QUERY.now);

    // Root causes, as the root-cause step would record them ("no systemic cause" needs no action).
    const cause = (names: string[], code: string) =>
      t.dataSource.query(
        `UPDATE complaints SET root_cause_code = $2, no_systemic_cause_justification = 'Seeded by the test', root_cause_recorded_at = received_at WHERE id = ANY($1::uuid[])`,
        [names.map((n) => id[n]), code],
      );
    await cause(['A0', 'A1', 'A2', 'A3', 'X1', 'X2'], 'tooling');
    await cause(['N0a', 'N0b', 'N0c', 'N1'], 'capacity');
    await cause(['P1'], 'process_gap');

    // Breaches at known instants, whatever the API recorded on the way.
    await t.dataSource.query(`UPDATE complaints SET first_response_breached_at = NULL, resolution_breached_at = NULL`);
    const breach = (name: string, column: string, when: string) => t.dataSource.query(`UPDATE complaints SET ${column} = $2 WHERE id = $1`, [id[name], when]);
    await breach('A1', 'first_response_breached_at', '2026-10-05T18:00:00Z'); // no handoff: Billing
    await breach('A2', 'first_response_breached_at', '2026-10-06T09:30:00Z'); // before its handoff: Billing
    await breach('A2', 'resolution_breached_at', '2026-10-09T09:00:00Z'); // after Billing → Network: Network
    await breach('A3', 'resolution_breached_at', '2026-10-08T09:00:00Z'); // after Network → Billing: Billing
    await breach('N0a', 'first_response_breached_at', '2026-09-30T23:59:59Z'); // before the period
    await breach('B2', 'resolution_breached_at', '2026-11-01T00:00:00Z'); // at its end: the next period's

    // An older verdict: PA4 done before the period, checked twice, effective.
    await t.dataSource.query(`UPDATE prevention_actions SET status = 'effective', done_at = '2026-09-01T00:00:00Z' WHERE id = $1`, [action.PA4]);
    const check = (when: string, verdict: string, reduction: number | null) =>
      t.dataSource.query(
        `INSERT INTO effectiveness_checks (prevention_action_id, checked_at, baseline_from, baseline_to, baseline_count, after_from, after_to, after_count, target_reduction_pct, reduction_pct, verdict)
         VALUES ($1, $2, '2026-07-21', '2026-08-20', 3, '2026-09-01', '2026-10-01', 1, 50, $3, $4)`,
        [action.PA4, when, reduction, verdict],
      );
    await check('2026-09-15T00:00:00Z', 'insufficient_data', null);
    await check('2026-10-02T00:00:00Z', 'effective', 60);

    sections = await repository.loadSections(t.dataSource.manager, QUERY);
  });
  afterAll(() => t?.close());

  it('counts themes for the period against the one before: top by count, rising by growth', () => {
    const theme = (categoryCode: string, causeCode: string | null, count: number, previousCount: number) => ({
      categoryCode,
      categoryName: categoryCode === 'billing-error' ? 'Billing error' : 'Network outage',
      causeCode,
      causeName: { tooling: 'Tooling', capacity: 'Capacity', process_gap: 'Process gap' }[causeCode ?? ''] ?? null,
      count,
      previousCount,
      change: count - previousCount,
    });
    expect(sections.themes.top).toEqual([
      theme('billing-error', 'tooling', 3, 1),
      theme('billing-error', null, 2, 0),
      theme('billing-error', 'process_gap', 1, 0),
      theme('network-outage', 'capacity', 1, 3),
    ]);
    expect(sections.themes.rising).toEqual([theme('billing-error', 'tooling', 3, 1), theme('billing-error', null, 2, 0), theme('billing-error', 'process_gap', 1, 0)]);
  });

  it('finds recurring problems with their prevention actions, latest verdicts and complaints after done', () => {
    expect(sections.recurringProblems).toEqual([
      {
        categoryCode: 'billing-error',
        categoryName: 'Billing error',
        causeCode: 'tooling',
        causeName: 'Tooling',
        count: 3,
        previousCount: 1,
        actions: [
          {
            id: action.PA5,
            title: 'Alert billing on a second debit',
            status: 'planned',
            ownerDepartment: 'Billing',
            allCategories: false,
            dueAt: new Date('2026-12-31T09:00:00Z'),
            doneAt: null,
            targetReductionPct: 50,
            lastCheck: null,
            complaintsAfterDone: null,
          },
          {
            id: action.PA1,
            title: 'Idempotent gateway retries',
            status: 'verifying',
            ownerDepartment: 'Billing',
            allCategories: false,
            dueAt: new Date('2026-10-15T09:00:00Z'),
            doneAt: new Date('2026-10-06T12:00:00Z'),
            targetReductionPct: 50,
            lastCheck: null,
            // A3, received on 7 Oct; A1 and A2 came before it was done.
            complaintsAfterDone: 1,
          },
        ],
      },
      {
        categoryCode: 'network-outage',
        categoryName: 'Network outage',
        causeCode: 'capacity',
        causeName: 'Capacity',
        count: 1,
        previousCount: 3,
        actions: [
          expect.objectContaining({ id: action.PA2, status: 'planned', ownerDepartment: 'Network', allCategories: true, doneAt: null, complaintsAfterDone: null }),
          expect.objectContaining({
            id: action.PA4,
            status: 'effective',
            ownerDepartment: 'Network',
            allCategories: false,
            doneAt: new Date('2026-09-01T00:00:00Z'),
            lastCheck: { verdict: 'effective', reductionPct: 60, checkedAt: new Date('2026-10-02T00:00:00Z') },
            // N1, in the period; the September ones are outside it.
            complaintsAfterDone: 1,
          }),
        ],
      },
    ]);
  });

  it('lists prevention actions overdue, due before the next meeting, and awaiting verification, with totals', () => {
    expect(sections.preventionActions.totals).toEqual({ overdue: 1, due: 1, awaitingVerification: 1 });
    expect(sections.preventionActions.items.map((item) => [item.state, item.id, item.ownerDepartment, item.status])).toEqual([
      ['overdue', action.PA2, 'Network', 'planned'],
      ['due', action.PA3, 'Billing', 'in_progress'],
      ['awaiting_verification', action.PA1, 'Billing', 'verifying'],
    ]);
    expect(sections.preventionActions.items[0]).toMatchObject({ categoryName: null, causeCode: 'capacity', causeName: 'Capacity', dueAt: new Date('2026-10-20T09:00:00Z'), lastCheck: null });
    expect(sections.preventionActions.items[2]).toMatchObject({
      categoryName: 'Billing error',
      doneAt: new Date('2026-10-06T12:00:00Z'),
      verificationDueAt: new Date('2026-11-05T12:00:00Z'),
    });
  });

  it('counts SLA breaches by stage and by the department that held the complaint when the deadline passed', () => {
    expect(sections.slaBreaches).toEqual([
      { stage: 'first_response', department: 'Billing', breaches: 2, stageTotal: 2 },
      { stage: 'resolution', department: 'Billing', breaches: 1, stageTotal: 2 },
      { stage: 'resolution', department: 'Network', breaches: 1, stageTotal: 2 },
    ]);
  });

  it('measures waits in handoffs by route: median and p90 of the waits that ended in the period, and those still waiting', () => {
    expect(sections.handoffWaits).toEqual({
      // Waits 2, 4, 1 and 10 hours; B2's and P1's had not ended by 1 Nov.
      overall: { handoffs: 6, stillWaiting: 2, medianHours: 3, p90Hours: 8.2 },
      routes: [
        { fromDepartment: 'Billing', toDepartment: 'Network', handoffs: 5, stillWaiting: 2, medianHours: 4, p90Hours: 8.8 },
        { fromDepartment: 'Network', toDepartment: 'Billing', handoffs: 1, stillWaiting: 0, medianHours: 1, p90Hours: 1 },
      ],
    });
  });

  it('samples the refusals of the period with their wording, dispute and rating', () => {
    expect(sections.refusals.total).toBe(3);
    const customer = { name: 'Anna Berzina', email: 'anna@example.com', phone: '+37120000000' };
    expect(sections.refusals.sample).toEqual([
      { reference: ref.A1, categoryName: 'Billing error', outcome: 'not_upheld', resolvedAt: new Date('2026-10-15T10:00:00Z'), summary: 'Charged twice for October', ...REFUSAL, alternativeOffered: null, disputed: false, csat: null, customer },
      {
        reference: ref.B1,
        categoryName: 'Billing error',
        outcome: 'partially_upheld',
        resolvedAt: new Date('2026-10-16T10:00:00Z'),
        summary: 'Charged twice for October',
        ...REFUSAL,
        alternativeOffered: 'A credit of 10 EUR on the next invoice.',
        disputed: true,
        csat: null,
        customer,
      },
      { reference: ref.N1, categoryName: 'Network outage', outcome: 'not_upheld', resolvedAt: new Date('2026-10-25T10:00:00Z'), summary: 'Charged twice for October', ...REFUSAL, alternativeOffered: null, disputed: false, csat: 4, customer },
    ]);
  });

  it('lists the suggestions of the period, by category', () => {
    expect(sections.suggestions.total).toBe(3);
    expect(sections.suggestions.byCategory).toEqual([
      { categoryName: 'Billing error', count: 2 },
      { categoryName: 'Network outage', count: 1 },
    ]);
    expect(sections.suggestions.items.map((s) => [s.reference, s.categoryName, s.receivedAt, s.status])).toEqual([
      [ref.S1, 'Billing error', new Date('2026-10-03T09:00:00Z'), 'received'],
      [ref.S2, 'Network outage', new Date('2026-10-20T09:00:00Z'), 'received'],
      [ref.S3, 'Billing error', new Date('2026-10-21T09:00:00Z'), 'received'],
    ]);
  });

  it('reads the same inside a caller’s transaction, and refuses an empty period', async () => {
    const inside = await t.dataSource.transaction('REPEATABLE READ', (manager) => repository.loadSections(manager, QUERY));
    expect(inside).toEqual(sections);
    await expect(repository.loadSections(t.dataSource.manager, { ...QUERY, to: FROM })).rejects.toThrow(RangeError);
  });

  it('never selects a staff name or id: staff names planted in every quoted text are gone from every format', async () => {
    const staffNames = (await t.app.get(KnownPeopleRepository).staff(t.dataSource.manager)).names;
    // The bootstrap admin is staff too.
    expect(staffNames).toEqual(['Administrator', 'Dana Ozola', 'Test agent', 'Test chair', 'Test department_head', 'Test resolver']);
    const planted = 'Dana Ozola (dana.ozola@example.com) spoke to Anna Berzina on +371 2000 0000 and anna@example.com; Ozola agreed.';
    await t.dataSource.query(`UPDATE complaints SET summary = $1 || ' ' || summary, description = $1 || ' ' || description WHERE id = ANY($2::uuid[])`, [
      planted,
      [id.A1, id.S1],
    ]);
    await t.dataSource.query(
      `UPDATE resolutions SET refusal_reason = $1 || ' ' || refusal_reason, next_steps = $1 || ' ' || next_steps, customer_message = $1 || ' You failed to cancel in time.'
        WHERE complaint_id = $2`,
      [planted, id.A1],
    );
    // Texts of no complaint cannot know a customer's name: they get staff names and contact data any text may hold.
    const plantedStaff = 'Dana Ozola (dana.ozola@example.com) called +371 2000 0000 and anna@example.com; Ozola agreed.';
    await t.dataSource.query(`UPDATE prevention_actions SET title = $1 || ' ' || title, description = $1 || ' ' || description`, [plantedStaff]);
    const staffIds: string[] = (await t.dataSource.query(`SELECT id FROM staff`)).map((row: { id: string }) => row.id);

    const data = await repository.loadSections(t.dataSource.manager, QUERY);
    const content = buildAgenda({
      committee: { id: '00000000-0000-4000-8000-00000000c0de', name: 'Customer committee', timeZone: 'Europe/Riga', memberDepartments: ['Billing', 'Network'] },
      meeting: { id: '00000000-0000-4000-8000-00000000beef', startsAt: new Date('2026-11-05T12:00:00Z') },
      period: { from: FROM, to: TO },
      kpis: [],
      sections: data,
      followUps: [{ text: `${plantedStaff} Billing checks the refund form.`, preventionAction: { title: `${plantedStaff} Refund form`, status: 'planned', ownerDepartment: 'Billing' } }],
      people: { staffNames },
      now: QUERY.now,
    });
    for (const text of [JSON.stringify(content), renderMarkdown(content), renderHtml(content)]) {
      expect(leaksIn(text, ['Dana', 'Ozola', 'dana.ozola@example.com', 'Anna', 'Berzina', 'anna@example.com', '2000 0000', ...staffIds])).toEqual([]);
    }
    expect(content.refusalReview.sample[0].refusalReason).toBe(
      `${PLACEHOLDERS.staff} (${PLACEHOLDERS.email}) spoke to ${PLACEHOLDERS.customer} on ${PLACEHOLDERS.phone} and ${PLACEHOLDERS.email}; ${PLACEHOLDERS.staff} agreed. ${REFUSAL.refusalReason}`,
    );
    expect(content.flags).toEqual([{ section: 'refusalReview', itemRef: ref.A1, field: 'customerMessage', rule: 'blames_customer', words: 'You failed to' }]);
  });

  it('finds every class of leak found on first use, looking customers of other complaints up in SQL, and keeps ordinary words', async () => {
    await ok(t.http().post('/api/staff').set(asAdmin).send({ name: 'Olena Kovalenko', email: 'olena@corp.example', role: 'resolver', departmentId: org.departmentId }), 201);
    await ok(t.http().post('/api/staff').set(asAdmin).send({ name: 'Дмитро Соколов', email: 'dmytro@corp.example', role: 'resolver', departmentId: org.departmentId }), 201);
    await ok(t.http().post('/api/staff').set(asAdmin).send({ name: 'Anna Hill', email: 'anna.hill@corp.example', role: 'agent', departmentId: org.departmentId }), 201);
    const [olena] = await t.dataSource.query(`SELECT id FROM staff WHERE name = 'Olena Kovalenko'`);
    // Customers of other complaints of the period, stored as intake stores them (with their name keys).
    at('2026-10-18T09:00:00Z');
    for (const name of ['Ilze Liepa', 'Тарас Шевченко']) {
      await ok(t.http().post('/api/complaints').set(bearer(org.tokens.agent)).send(intakeBody({ receivedAt: '2026-10-18T09:00:00Z', customer: { ...intakeBody().customer, name, email: null, phone: '+37129990000', preferredChannel: 'phone' } })), 201);
    }
    at(QUERY.now);
    const planted =
      `olena and OLENA KOVALENKO asked Дмитро Соколов (Dmytro Sokolov, id ${olena.id}) about Ilze Liepa; call tel:+37120001234, phone:5551234 or 20-00-00-00, ` +
      'write to Liepai and to Шевченка. The van went up the hill to Rose Hill Road.';
    await t.dataSource.query(`UPDATE prevention_actions SET title = $1, description = $1`, [planted]);
    await t.dataSource.query(`UPDATE resolutions SET refusal_reason = $1 WHERE complaint_id = $2`, [`Taras Shevchenko had the same issue. ${REFUSAL.refusalReason}`, id.A1]);
    // Set-up names written before they were checked at the door.
    await t.dataSource.query(`UPDATE categories SET name = 'Billing error (Olena Kovalenko)' WHERE code = 'billing-error'`);
    await t.dataSource.query(`UPDATE root_causes SET name = 'Tooling of Dmytro Sokolov' WHERE code = 'tooling'`);
    await t.dataSource.query(`UPDATE departments SET name = 'Network, ask olena@corp.example' WHERE id = $1`, [org.otherDepartmentId]);

    const data = await repository.loadSections(t.dataSource.manager, QUERY);
    const committee = { id: '00000000-0000-4000-8000-00000000c0de', name: 'Committee of Олена Коваленко', timeZone: 'Europe/Riga', memberDepartments: ['Billing', 'Network, ask olena@corp.example'] };
    const followUps = [{ text: `${planted} Billing checks the form.`, preventionAction: null }];
    const people = await t.app.get(PrivacyService).peopleFor(t.dataSource.manager, stringsIn([data, followUps, committee]), { from: FROM, to: TO });
    const content = buildAgenda({
      committee,
      meeting: { id: '00000000-0000-4000-8000-00000000beef', startsAt: new Date('2026-11-05T12:00:00Z') },
      period: { from: FROM, to: TO },
      kpis: [],
      sections: data,
      followUps,
      people,
      now: QUERY.now,
    });
    const PLANTED = ['Olena', 'Kovalenko', 'Олена', 'Коваленко', 'Дмитро', 'Соколов', 'Dmytro', 'Sokolov', olena.id, '37120001234', '5551234', '20-00-00-00', 'olena@corp.example', 'Ilze', 'Liepa', 'Liepai', 'Taras', 'Shevchenko', 'Шевченка'];
    for (const text of [JSON.stringify(content), renderMarkdown(content), renderHtml(content)]) {
      expect(leaksIn(text, PLANTED)).toEqual([]);
      expect(text).toContain('up the hill to Rose Hill Road');
    }
    expect(content.committee.name).toBe(`Committee of ${PLACEHOLDERS.staff}`);
    expect(content.refusalReview.sample.find((r) => r.ref === ref.A1)?.refusalReason).toMatch(/^\[customer\] had the same issue/);
  });

  // Last: it adds refusals to the shared dataset.
  it('samples at most AGENDA_LIMITS.refusalSample refusals, the same ones every time, spread by a hash rather than by date', async () => {
    const complaints = [];
    for (let i = 0; i < 12; i++) complaints.push(await intake(`Old${i}`, '2026-08-02T09:00:00Z'));
    await t.dataSource.query(
      `INSERT INTO resolutions (complaint_id, outcome, customer_message, refusal_reason, next_steps, resolved_at, number)
       SELECT c.id, 'not_upheld', 'Thank you.', 'The reason.', 'The next steps.', TIMESTAMPTZ '2026-10-01' + (n * INTERVAL '1 day'), 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [complaints.map((c) => c.id)],
    );
    const first = await repository.refusals(t.dataSource.manager, QUERY);
    const again = await repository.refusals(t.dataSource.manager, QUERY);
    expect(first.total).toBe(15);
    expect(first.sample).toHaveLength(AGENDA_LIMITS.refusalSample);
    expect(again).toEqual(first);
    const times = first.sample.map((r) => r.resolvedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
