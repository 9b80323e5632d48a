import { MigrationInterface, QueryRunner } from "typeorm";

export class AddDepartmentOutboxMessages1795443185100 implements MigrationInterface {
    name = 'AddDepartmentOutboxMessages1795443185100'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // A published committee agenda is e-mailed to the heads of the member departments through the outbox, like
        // every other message leaving the system, in the transaction that publishes it. Such a message is addressed
        // to a department, not to a complaint's customer: exactly one of the two, checked here.
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "department_id" uuid`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "complaint_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_department" ON "outbox_messages"  ("department_id") WHERE "department_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_recipient" CHECK (num_nonnulls("complaint_id", "department_id") = 1)`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "outbox_messages" WHERE "department_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_department"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_recipient"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_department"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "complaint_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "department_id"`);
    }

}
