import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACK, changesNothing, expectError, logComplaint } from '../factories/complaints.js';
import { asAdmin, bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';

/*
 * The privacy rules over HTTP (issue 10): names that reach the committee's outputs are checked at the door; a message
 * to one customer may not carry another customer's data or a staff id; the invite and the themes are redacted.
 */

const START = '2026-10-13T09:00:00.000Z';

const customer = (name: string, email: string, phone: string) => ({
  externalRef: `HD-${email}`,
  name,
  email,
  phone,
  preferredChannel: 'email',
  language: 'en',
});

describe('privacy at the door and in what leaves the team', () => {
  let t: TestApp;
  let org: Organisation;
  let olenaId: string;
  /** The complaint messages are written to; the others' customers may not appear in them. */
  let own: { id: string };

  const count = async (table: string): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ clock: new TestClock(new Date(START)) });
    org = await seedOrganisation(t);
    const olena = await t.http().post('/api/staff').set(asAdmin).send({ name: 'Olena Kovalenko', email: 'olena@corp.example', role: 'resolver', departmentId: org.departmentId });
    expect(olena.status).toBe(201);
    olenaId = olena.body.id;
    own = await logComplaint(t, org.tokens.agent, { customer: customer('Marta Kļava', 'marta@example.lv', '+37129990001') });
    await logComplaint(t, org.tokens.agent, { customer: customer('Ilze Liepa', 'ilze.liepa@example.lv', '+37129990002') });
    await logComplaint(t, org.tokens.agent, { customer: customer('Тарас Шевченко', 'taras@example.ua', '+380501112233') });
  });
  afterAll(() => t?.close());

  describe('set-up names', () => {
    const CASES: Array<[string, string, () => Record<string, unknown>, string]> = [
      ['departments', '/api/departments', () => ({ code: 'kov', name: 'Team of Olena Kovalenko' }), 'departments'],
      ['departments', '/api/departments', () => ({ code: 'mail', name: 'Desk (desk-lead@corp.example)' }), 'departments'],
      ['categories', '/api/categories', () => ({ code: 'olena', name: 'Calls for olena', ownerDepartmentId: org.departmentId }), 'categories'],
      ['categories', '/api/categories', () => ({ code: 'phone', name: 'Callbacks on tel:+37120001234', ownerDepartmentId: org.departmentId }), 'categories'],
      ['root causes', '/api/root-causes', () => ({ code: 'kovalenko_queue', name: 'Queue', description: 'The queue has no owner at night, so calls wait.' }), 'root_causes'],
      ['root causes', '/api/root-causes', () => ({ code: 'night_queue', name: 'Коваленко queue', description: 'The queue has no owner at night, so calls wait.' }), 'root_causes'],
    ];

    it.each(CASES)('%s: refuses a name holding a staff name, in any case or script, or contact data, with 422 and writes nothing (%#)', async (_what, path, body, table) => {
      const before = await count(table);
      const res = await t.http().post(path).set(asAdmin).send(body());
      expectError(res, 422, 'PERSONAL_DATA_IN_NAME');
      expect(res.body.details[0].field).toMatch(/^(name|code)$/);
      expect(await count(table)).toBe(before);
    });

    it('refuses a committee named after a staff member, writing no committee and no meeting', async () => {
      const before = { committees: await count('committees'), meetings: await count('meetings') };
      const res = await t
        .http()
        .post('/api/committees')
        .set(bearer(org.tokens.chair))
        .send({ name: 'Olena Kovalenko’s committee', memberDepartmentIds: [org.departmentId], timeZone: 'Europe/Riga', durationMinutes: 60, cadence: '0 10 * * 1', agendaLeadDays: 3 });
      expectError(res, 422, 'PERSONAL_DATA_IN_NAME', ['name']);
      expect({ committees: await count('committees'), meetings: await count('meetings') }).toEqual(before);
    });

    it('takes names whose words are ordinary even where a staff surname is one', async () => {
      await t.http().post('/api/staff').set(asAdmin).send({ name: 'Anna Hill', email: 'anna.hill@corp.example', role: 'agent', departmentId: org.departmentId }).expect(201);
      expect((await t.http().post('/api/departments').set(asAdmin).send({ code: 'rose-hill', name: 'Rose Hill Road depot' })).status).toBe(201);
      expect((await t.http().post('/api/departments').set(asAdmin).send({ code: 'uphill', name: 'Field service up the hill' })).status).toBe(201);
    });
  });

  describe('messages to a customer', () => {
    const acknowledgeWith = (message: string) => t.http().post(`/api/complaints/${own.id}/acknowledge`).set(bearer(org.tokens.resolver)).send({ ...ACK, message });

    it.each([
      ["another customer's e-mail address", `${ACK.message} Ilze (ILZE.LIEPA@example.lv) had the same problem.`, 'ILZE.LIEPA@example.lv'],
      ["another customer's phone number", `${ACK.message} The last caller, on +371 2999 0002, too.`, '+371 2999 0002'],
      ["another customer's full name, in the other script", `${ACK.message} Taras Shevchenko had the same issue.`, 'Taras Shevchenko'],
      ["another customer's surname, declined", `${ACK.message} Мы уже ответили Шевченку.`, 'Шевченку'],
      ['a staff id', `${ACK.message} Your case is with ${'{id}'}.`, '{id}'],
    ])('refuses a message holding %s with 422, changing nothing and sending nothing', async (_what, template, words) => {
      const message = template.replace('{id}', olenaId);
      const outbox = await count('outbox_messages');
      const res = await changesNothing(t, own.id, () => acknowledgeWith(message));
      expectError(res, 422, 'OTHER_PERSONS_DATA', ['message']);
      expect(res.body.details[0].problem).toContain(words.replace('{id}', olenaId));
      expect(await count('outbox_messages')).toBe(outbox);
    });

    it("sends a message holding the customer's own name and contact data, and the agent's first name as a signature", async () => {
      const res = await acknowledgeWith(`Dear Marta Kļava, ${ACK.message} We will write to marta@example.lv or call +371 2999 0001. Kind regards, Ilze`);
      expect(res.status).toBe(200);
    });
  });

  describe('committee outputs', () => {
    it("redacts the committee's name in the invite's SUMMARY and description, and category names in the themes", async () => {
      const created = await t
        .http()
        .post('/api/committees')
        .set(bearer(org.tokens.chair))
        .send({ name: 'Customer committee', memberDepartmentIds: [org.departmentId], timeZone: 'Europe/Riga', durationMinutes: 60, cadence: '0 10 * * 1', agendaLeadDays: 3 });
      expect(created.status).toBe(201);
      // Written before names were checked at the door.
      await t.dataSource.query(`UPDATE committees SET name = 'Committee of Олена Коваленко' WHERE id = $1`, [created.body.id]);
      await t.dataSource.query(`UPDATE categories SET name = 'Billing error for Ilze Liepa' WHERE code = 'billing-error'`);
      const meetings = await t.http().get(`/api/committees/${created.body.id}/meetings`).set(bearer(org.tokens.chair));
      const invite = await t.http().get(`/api/meetings/${meetings.body.items[0].id}/invite.ics`).set(bearer(org.tokens.chair));
      expect(invite.status).toBe(200);
      expect(invite.text).toContain('SUMMARY:Committee of [staff member] meeting');
      expect(invite.text).not.toMatch(/Олена|Коваленко/);

      const themes = await t.http().get('/api/themes?from=2026-10-01&to=2026-11-01').set(bearer(org.tokens.chair));
      expect(themes.status).toBe(200);
      expect(themes.body.items.map((item: { categoryName: string }) => item.categoryName)).toEqual(['Billing error for [customer]']);
    });
  });
});
