import { MigrationInterface, QueryRunner } from "typeorm";
import { nameKeys } from "../src/privacy/redaction.js";

/** Rows backfilled per statement: small enough to keep each UPDATE short on a large table. */
const BATCH = 1000;

export class AddCustomerLookups1796207000000 implements MigrationInterface {
    name = 'AddCustomerLookups1796207000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The words of each customer's name as the redaction compares them (src/privacy/redaction.ts nameKeys), so
        // that the agenda and the privacy check find the customers whose names a text holds with one indexed lookup
        // instead of loading every customer.
        await queryRunner.query(`ALTER TABLE "complaints" ADD "customer_name_keys" text array NOT NULL DEFAULT '{}'`);
        let after = '00000000-0000-0000-0000-000000000000';
        for (;;) {
            const rows: Array<{ id: string; customer_name: string }> = await queryRunner.query(
                `SELECT id, customer_name FROM complaints WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
                [after],
            );
            if (rows.length === 0) break;
            await queryRunner.query(
                `UPDATE complaints c SET customer_name_keys = v.keys
                   FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, keys text[])) v
                  WHERE c.id = v.id`,
                [JSON.stringify(rows.map((row) => ({ id: row.id, keys: nameKeys(row.customer_name) })))],
            );
            after = rows[rows.length - 1].id;
        }
        await queryRunner.query(`CREATE INDEX "ix_complaints_customer_name_keys" ON "complaints" USING gin ("customer_name_keys")`);
        // Another customer's e-mail address or phone number in a message to a customer is found by these.
        await queryRunner.query(`CREATE INDEX "ix_complaints_customer_email_lower" ON "complaints" (lower("customer_email")) WHERE "customer_email" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_customer_phone_digits" ON "complaints" (ltrim(regexp_replace("customer_phone", '\\D', '', 'g'), '0')) WHERE "customer_phone" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_customer_phone_digits"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_customer_email_lower"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_customer_name_keys"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "customer_name_keys"`);
    }
}
