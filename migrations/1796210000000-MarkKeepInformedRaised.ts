import { MigrationInterface, QueryRunner } from "typeorm";

export class MarkKeepInformedRaised1796210000000 implements MigrationInterface {
    name = 'MarkKeepInformedRaised1796210000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Complaints already reminded leave the sweep's index until the customer hears from us: an idle tick at a
        // million complaints re-read tens of thousands of them before.
        await queryRunner.query(`ALTER TABLE "complaints" ADD "keep_informed_task_raised_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(
            `UPDATE complaints c SET keep_informed_task_raised_at = t.created_at
               FROM staff_tasks t
              WHERE t.complaint_id = c.id AND t.kind = 'keep_informed' AND t.done_at IS NULL`,
        );
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_keep_informed_due"`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_keep_informed_due" ON "complaints" ("keep_informed_due_at") WHERE "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened') AND "keep_informed_task_raised_at" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_keep_informed_due"`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_keep_informed_due" ON "complaints" ("keep_informed_due_at") WHERE "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened')`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "keep_informed_task_raised_at"`);
    }
}
