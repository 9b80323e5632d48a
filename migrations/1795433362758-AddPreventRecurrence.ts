import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPreventRecurrence1795433362758 implements MigrationInterface {
    name = 'AddPreventRecurrence1795433362758'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trigram similarity for "similar complaints": a trusted extension (any database owner may create it), and
        // loaded by the embedded database when it starts (src/database/embedded-database.ts).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TABLE "root_causes" ("code" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_root_causes_code" CHECK ("code" ~ '^[a-z][a-z0-9_]{1,39}$'), CONSTRAINT "pk_root_causes" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "prevention_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "cause_code" text NOT NULL, "category_id" uuid, "owner_department_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "target_reduction_pct" integer NOT NULL, "window_days" integer NOT NULL, "status" text NOT NULL DEFAULT 'planned', "baseline_from" TIMESTAMP WITH TIME ZONE NOT NULL, "baseline_to" TIMESTAMP WITH TIME ZONE NOT NULL, "baseline_count" integer NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "verification_due_at" TIMESTAMP WITH TIME ZONE, "overdue_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_prevention_actions_baseline" CHECK ("baseline_count" >= 0 AND "baseline_from" < "baseline_to"), CONSTRAINT "ck_prevention_actions_window" CHECK ("window_days" BETWEEN 7 AND 730), CONSTRAINT "ck_prevention_actions_target" CHECK ("target_reduction_pct" BETWEEN 1 AND 100), CONSTRAINT "ck_prevention_actions_status" CHECK ("status" IN ('planned', 'in_progress', 'done', 'verifying', 'effective', 'not_effective')), CONSTRAINT "pk_prevention_actions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_prevention_actions_overdue_due" ON "prevention_actions"  ("due_at") WHERE "status" IN ('planned', 'in_progress', 'not_effective') AND "overdue_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_prevention_actions_verification_due" ON "prevention_actions"  ("verification_due_at") WHERE "status" = 'verifying'`);
        await queryRunner.query(`CREATE INDEX "ix_prevention_actions_cause" ON "prevention_actions"  ("cause_code", "category_id") `);
        await queryRunner.query(`CREATE INDEX "ix_prevention_actions_owner_created" ON "prevention_actions"  ("owner_department_id", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_prevention_actions_created" ON "prevention_actions"  ("created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "effectiveness_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "prevention_action_id" uuid NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "baseline_from" TIMESTAMP WITH TIME ZONE NOT NULL, "baseline_to" TIMESTAMP WITH TIME ZONE NOT NULL, "baseline_count" integer NOT NULL, "after_from" TIMESTAMP WITH TIME ZONE NOT NULL, "after_to" TIMESTAMP WITH TIME ZONE NOT NULL, "after_count" integer NOT NULL, "target_reduction_pct" integer NOT NULL, "reduction_pct" numeric(7,2), "verdict" text NOT NULL, CONSTRAINT "ck_effectiveness_checks_verdict" CHECK ("verdict" IN ('effective', 'not_effective', 'insufficient_data')), CONSTRAINT "pk_effectiveness_checks" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_effectiveness_checks_action" ON "effectiveness_checks"  ("prevention_action_id", "checked_at") `);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "root_cause_code" text`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "root_cause_description" text`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "prevention_action_id" uuid`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "no_systemic_cause_justification" text`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "root_cause_recorded_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD "prevention_action_id" uuid`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ALTER COLUMN "complaint_id" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_prevention_action" ON "complaints"  ("prevention_action_id") WHERE "prevention_action_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_root_cause_received" ON "complaints"  ("root_cause_code", "received_at") WHERE "root_cause_code" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "ck_complaints_root_cause_link" CHECK ("root_cause_code" IS NULL OR (("prevention_action_id" IS NOT NULL) <> ("no_systemic_cause_justification" IS NOT NULL)))`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_subject" CHECK (("complaint_id" IS NOT NULL) <> ("prevention_action_id" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" ADD CONSTRAINT "fk_prevention_actions_cause" FOREIGN KEY ("cause_code") REFERENCES "root_causes"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" ADD CONSTRAINT "fk_prevention_actions_category" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" ADD CONSTRAINT "fk_prevention_actions_owner_department" FOREIGN KEY ("owner_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_root_cause" FOREIGN KEY ("root_cause_code") REFERENCES "root_causes"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_prevention_action" FOREIGN KEY ("prevention_action_id") REFERENCES "prevention_actions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "fk_staff_notifications_prevention_action" FOREIGN KEY ("prevention_action_id") REFERENCES "prevention_actions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "effectiveness_checks" ADD CONSTRAINT "fk_effectiveness_checks_action" FOREIGN KEY ("prevention_action_id") REFERENCES "prevention_actions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_kind" CHECK ("kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied', 'prevention_action_overdue', 'prevention_action_not_effective'))`);
        // Declared on ComplaintEntity with synchronize: false: TypeORM cannot describe an expression index.
        await queryRunner.query(`CREATE INDEX "ix_complaints_text_trgm" ON "complaints" USING gin (("summary" || ' ' || "description") gin_trgm_ops)`);
        // The taxonomy of PRODUCT.md: processes, never people.
        await queryRunner.query(`INSERT INTO "root_causes" ("code", "name", "description") VALUES
            ('process_gap', 'Process gap', 'No step of the process covered the situation, or a step was missing.'),
            ('handoff_loss', 'Lost in a handoff', 'Information or ownership was lost when the work passed between teams or systems.'),
            ('unclear_policy', 'Unclear policy', 'The rule was ambiguous, contradictory or not written down where it was needed.'),
            ('tooling', 'Tooling', 'A system or tool did not support the work, failed, or made the wrong thing easy.'),
            ('training_need', 'Training need', 'The process needs knowledge that was not taught or not kept up to date.'),
            ('capacity', 'Capacity', 'Demand exceeded the people or time planned for the work.'),
            ('supplier', 'Supplier', 'A partner or supplier did not deliver what was agreed.'),
            ('product_defect', 'Product defect', 'The product or service itself did not work as described.'),
            ('communication', 'Communication', 'What we told the customer was missing, late, unclear or inconsistent.'),
            ('data_quality', 'Data quality', 'Wrong, missing or outdated data in our records led to the problem.')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_text_trgm"`);
        await queryRunner.query(`DELETE FROM "staff_notifications" WHERE "prevention_action_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_kind" CHECK ("kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied'))`);
        await queryRunner.query(`ALTER TABLE "effectiveness_checks" DROP CONSTRAINT "fk_effectiveness_checks_action"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "fk_staff_notifications_prevention_action"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_prevention_action"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_root_cause"`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" DROP CONSTRAINT "fk_prevention_actions_owner_department"`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" DROP CONSTRAINT "fk_prevention_actions_category"`);
        await queryRunner.query(`ALTER TABLE "prevention_actions" DROP CONSTRAINT "fk_prevention_actions_cause"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_subject"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "ck_complaints_root_cause_link"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_root_cause_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_prevention_action"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ALTER COLUMN "complaint_id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP COLUMN "prevention_action_id"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "closed_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "root_cause_recorded_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "no_systemic_cause_justification"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "prevention_action_id"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "root_cause_description"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "root_cause_code"`);
        await queryRunner.query(`DROP INDEX "public"."ix_effectiveness_checks_action"`);
        await queryRunner.query(`DROP TABLE "effectiveness_checks"`);
        await queryRunner.query(`DROP INDEX "public"."ix_prevention_actions_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_prevention_actions_owner_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_prevention_actions_cause"`);
        await queryRunner.query(`DROP INDEX "public"."ix_prevention_actions_verification_due"`);
        await queryRunner.query(`DROP INDEX "public"."ix_prevention_actions_overdue_due"`);
        await queryRunner.query(`DROP TABLE "prevention_actions"`);
        await queryRunner.query(`DROP TABLE "root_causes"`);
    }

}
