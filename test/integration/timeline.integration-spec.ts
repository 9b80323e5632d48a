import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryFailedError, type QueryRunner } from 'typeorm';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { logComplaint } from '../factories/complaints.js';

/** The database's answer to `sql`, which must be a refusal. */
async function refusal(t: TestApp, sql: string, parameters: unknown[] = []): Promise<QueryFailedError & { driverError: { code: string } }> {
  const error = await t.dataSource.query(sql, parameters).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QueryFailedError);
  return error as QueryFailedError & { driverError: { code: string } };
}

describe('the timeline (complaint_events)', () => {
  let t: TestApp;
  let org: Organisation;
  let complaintId: string;

  const events = () => t.dataSource.query('SELECT * FROM complaint_events WHERE complaint_id = $1 ORDER BY id', [complaintId]);

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    complaintId = (await logComplaint(t, org.tokens.agent)).id;
    const ack = await t
      .http()
      .post(`/api/complaints/${complaintId}/acknowledge`)
      .set(bearer(org.tokens.agent))
      .send({ message: 'We are sorry you were charged twice.', nextSteps: 'Billing checks both payments.' });
    expect(ack.status).toBe(200);
  });
  afterAll(() => t.close());

  it('takes new events and serves them oldest first', async () => {
    const res = await t.http().get(`/api/complaints/${complaintId}/timeline`).set(bearer(org.tokens.agent));
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged']);
  });

  describe('is append-only, enforced by the database', () => {
    it('refuses UPDATE and leaves the row as it was', async () => {
      const before = await events();
      const error = await refusal(t, `UPDATE complaint_events SET type = 'tampered', data = '{}' WHERE id = $1`, [before[0].id]);
      expect(error.message).toMatch(/complaint_events is append-only: UPDATE is not allowed/);
      expect(error.driverError.code).toBe('42501');
      expect(await events()).toEqual(before);
    });

    it('refuses DELETE and leaves the rows as they were', async () => {
      const before = await events();
      const error = await refusal(t, 'DELETE FROM complaint_events WHERE complaint_id = $1', [complaintId]);
      expect(error.message).toMatch(/complaint_events is append-only: DELETE is not allowed/);
      expect(error.driverError.code).toBe('42501');
      expect(await events()).toEqual(before);
    });

    it('refuses TRUNCATE and leaves the rows as they were', async () => {
      const before = await events();
      const error = await refusal(t, 'TRUNCATE complaint_events');
      expect(error.message).toMatch(/complaint_events is append-only: TRUNCATE is not allowed/);
      expect(error.driverError.code).toBe('42501');
      expect(await events()).toEqual(before);
      expect(before).toHaveLength(2);
    });

    it('refuses a change made inside a transaction too, rolling back what came with it', async () => {
      const before = await events();
      const [{ version }] = await t.dataSource.query('SELECT version FROM complaints WHERE id = $1', [complaintId]);
      await expect(
        t.dataSource.transaction(async (manager) => {
          await manager.query('UPDATE complaints SET version = version + 1 WHERE id = $1', [complaintId]);
          await manager.query(`UPDATE complaint_events SET type = 'tampered' WHERE complaint_id = $1`, [complaintId]);
        }),
      ).rejects.toThrow(/append-only/);
      expect(await events()).toEqual(before);
      const [after] = await t.dataSource.query('SELECT version FROM complaints WHERE id = $1', [complaintId]);
      expect(after.version).toBe(version);
    });
  });

  describe('entities and migrations', () => {
    it('have no migration left to run', async () => {
      expect(await t.dataSource.showMigrations()).toBe(false);
    });

    // CI relies on this: an entity change without its migration (or the reverse) fails here, printing the SQL
    // that would bring the database in line with the entities.
    it('agree: the schema builder finds nothing to change', async () => {
      const sql = await t.dataSource.driver.createSchemaBuilder().log();
      const pending = sql.upQueries.map((q) => q.query);
      if (pending.length > 0) {
        throw new Error(`The entities and the migrations disagree; a migration needs:\n${pending.map((q) => `  ${q};`).join('\n')}`);
      }
      expect(pending).toEqual([]);
    });

    // The schema builder compares an index's columns but not its WHERE: a partial index whose condition changed in
    // the entity alone would pass above. PostgreSQL itself spells each entity's condition here (an index built from
    // it, then rolled back), so the two are compared in one normal form.
    it('agree on the condition of every partial index too', async () => {
      const partial = t.dataSource.entityMetadatas.flatMap((m) => m.indices.filter((i) => i.where).map((i) => ({ table: m.tableName, index: i })));
      expect(partial.length).toBeGreaterThan(0);
      const predicate = (runner: QueryRunner, name: string): Promise<{ predicate: string }[]> =>
        runner.query(`SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`, [name]);
      const runner = t.dataSource.createQueryRunner();
      const disagreements: string[] = [];
      try {
        await runner.startTransaction();
        for (const { table, index } of partial) {
          const columns = index.columns.map((c) => `"${c.databaseName}"`).join(', ');
          await runner.query(`CREATE INDEX "entity_condition_check" ON "${table}" (${columns}) WHERE ${index.where}`);
          const [[expected], [actual]] = [await predicate(runner, 'entity_condition_check'), await predicate(runner, index.name)];
          if (actual?.predicate !== expected.predicate) disagreements.push(`${index.name}: entity ${expected.predicate}, database ${actual?.predicate}`);
          await runner.query(`DROP INDEX "entity_condition_check"`);
        }
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(disagreements).toEqual([]);
    });
  });
});
