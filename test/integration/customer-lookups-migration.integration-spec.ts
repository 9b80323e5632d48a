import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AddCustomerLookups1796207000000 } from '../../migrations/1796207000000-AddCustomerLookups.js';
import { nameKeys } from '../../src/privacy/redaction.js';
import { logComplaint } from '../factories/complaints.js';
import { intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * complaints.customer_name_keys is what the redaction and the privacy check look customers up by: intake writes it,
 * and the migration that adds it fills it for the complaints already there.
 */
describe('customer name keys', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t?.close());

  const keysOf = async (id: string): Promise<string[]> => (await t.dataSource.query(`SELECT customer_name_keys AS keys FROM complaints WHERE id = $1`, [id]))[0].keys;

  it('are written at intake, with the forms of both scripts', async () => {
    const complaint = await logComplaint(t, org.tokens.agent, { customer: { ...intakeBody().customer, name: 'Тарас Шевченко' } });
    expect(await keysOf(complaint.id)).toEqual(nameKeys('Тарас Шевченко'));
    expect(await keysOf(complaint.id)).toEqual(expect.arrayContaining(['taras', 'sevcenko']));
  });

  it('are filled by the migration for every complaint written before it', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await logComplaint(t, org.tokens.agent, { customer: { ...intakeBody().customer, name: `Ilze Liepa ${i}` } })).id);
    const runner = t.dataSource.createQueryRunner();
    try {
      const migration = new AddCustomerLookups1796207000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    for (const [i, id] of ids.entries()) expect(await keysOf(id)).toEqual(nameKeys(`Ilze Liepa ${i}`));
    const [index] = await t.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_complaints_customer_name_keys'`);
    expect(index.indexdef).toContain('USING gin');
  });
});
