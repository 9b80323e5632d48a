import { MigrationInterface, QueryRunner } from "typeorm";

export class NumberResolutions1795436035765 implements MigrationInterface {
    name = 'NumberResolutions1795436035765'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Existing answers are numbered in the order they were given (the id only breaks exact ties).
        await queryRunner.query(`ALTER TABLE "resolutions" ADD "number" integer`);
        await queryRunner.query(`UPDATE "resolutions" r SET "number" = n.number
            FROM (SELECT "id", row_number() OVER (PARTITION BY "complaint_id" ORDER BY "resolved_at", "id") AS number FROM "resolutions") n
            WHERE r."id" = n."id"`);
        await queryRunner.query(`ALTER TABLE "resolutions" ALTER COLUMN "number" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "resolutions" ADD CONSTRAINT "uq_resolutions_complaint_number" UNIQUE ("complaint_id", "number")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "resolutions" DROP CONSTRAINT "uq_resolutions_complaint_number"`);
        await queryRunner.query(`ALTER TABLE "resolutions" DROP COLUMN "number"`);
    }

}
