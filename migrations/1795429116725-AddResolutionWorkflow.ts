import { MigrationInterface, QueryRunner } from "typeorm";

export class AddResolutionWorkflow1795429116725 implements MigrationInterface {
    name = 'AddResolutionWorkflow1795429116725'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "complaint_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "visibility" text NOT NULL, "body" text NOT NULL, "author_kind" text NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_complaint_notes_visibility" CHECK ("visibility" IN ('internal', 'customer')), CONSTRAINT "pk_complaint_notes" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_complaint_notes_complaint" ON "complaint_notes"  ("complaint_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "information_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "question" text NOT NULL, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "answer" text, "paused_business_ms" bigint, CONSTRAINT "pk_information_requests" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_information_requests_open" ON "information_requests"  ("complaint_id") WHERE "answered_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "handoffs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "from_department_id" uuid NOT NULL, "to_department_id" uuid NOT NULL, "to_assignee_id" uuid, "reason" text NOT NULL, "context_note" text NOT NULL, "handed_off_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_action_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_handoffs" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_handoffs_waiting" ON "handoffs"  ("to_department_id") WHERE "first_action_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_handoffs_complaint" ON "handoffs"  ("complaint_id", "handed_off_at") `);
        await queryRunner.query(`CREATE TABLE "staff_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "department_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dedupe_key" text NOT NULL, CONSTRAINT "uq_staff_notifications_dedupe_key" UNIQUE ("dedupe_key"), CONSTRAINT "ck_staff_notifications_kind" CHECK ("kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied')), CONSTRAINT "pk_staff_notifications" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_staff_notifications_department" ON "staff_notifications"  ("department_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "resolutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "outcome" text NOT NULL, "customer_message" text NOT NULL, "remedy" text, "refusal_reason" text, "next_steps" text, "alternative_offered" text, "referral_text" text, "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_resolutions_refusal_explained" CHECK ("outcome" = 'upheld' OR ("refusal_reason" IS NOT NULL AND "next_steps" IS NOT NULL)), CONSTRAINT "ck_resolutions_outcome" CHECK ("outcome" IN ('upheld', 'partially_upheld', 'not_upheld')), CONSTRAINT "pk_resolutions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_resolutions_complaint" ON "resolutions"  ("complaint_id", "resolved_at") `);
        await queryRunner.query(`CREATE TABLE "customer_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "csat" smallint, "nps" smallint, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_customer_feedback_resolution" UNIQUE ("resolution_id"), CONSTRAINT "ck_customer_feedback_something" CHECK ("csat" IS NOT NULL OR "nps" IS NOT NULL), CONSTRAINT "ck_customer_feedback_nps" CHECK ("nps" IS NULL OR "nps" BETWEEN 0 AND 10), CONSTRAINT "ck_customer_feedback_csat" CHECK ("csat" IS NULL OR "csat" BETWEEN 1 AND 5), CONSTRAINT "pk_customer_feedback" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "organisation_settings" ("id" smallint NOT NULL, "referral_escalate_to" text NOT NULL, "referral_time_limit_days" integer NOT NULL, "at_risk_share" numeric(4,3) NOT NULL, "keep_informed_business_days" integer NOT NULL, CONSTRAINT "ck_organisation_settings_referral_days" CHECK ("referral_time_limit_days" BETWEEN 1 AND 3650), CONSTRAINT "ck_organisation_settings_keep_informed" CHECK ("keep_informed_business_days" BETWEEN 1 AND 60), CONSTRAINT "ck_organisation_settings_at_risk_share" CHECK ("at_risk_share" > 0 AND "at_risk_share" < 1), CONSTRAINT "ck_organisation_settings_single_row" CHECK ("id" = 1), CONSTRAINT "pk_organisation_settings" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "staff_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "department_id" uuid NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_staff_tasks_kind" CHECK ("kind" IN ('keep_informed')), CONSTRAINT "pk_staff_tasks" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_staff_tasks_department_open" ON "staff_tasks"  ("department_id") WHERE "done_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_staff_tasks_open" ON "staff_tasks"  ("complaint_id", "kind") WHERE "done_at" IS NULL`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "paused_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "at_risk_due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "at_risk_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "resolution_breached_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "last_customer_update_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "keep_informed_due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "outcome" text`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD "resolved_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "guard_findings" jsonb NOT NULL DEFAULT '[]'`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_resolution_due" ON "complaints"  ("resolution_due_at") WHERE "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened') AND "resolution_breached_at" IS NULL`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "ck_complaints_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('upheld', 'partially_upheld', 'not_upheld'))`);
        await queryRunner.query(`ALTER TABLE "complaint_notes" ADD CONSTRAINT "fk_complaint_notes_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "information_requests" ADD CONSTRAINT "fk_information_requests_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handoffs" ADD CONSTRAINT "fk_handoffs_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handoffs" ADD CONSTRAINT "fk_handoffs_from_department" FOREIGN KEY ("from_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handoffs" ADD CONSTRAINT "fk_handoffs_to_department" FOREIGN KEY ("to_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handoffs" ADD CONSTRAINT "fk_handoffs_to_assignee" FOREIGN KEY ("to_assignee_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "fk_staff_notifications_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "fk_staff_notifications_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "resolutions" ADD CONSTRAINT "fk_resolutions_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customer_feedback" ADD CONSTRAINT "fk_customer_feedback_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "customer_feedback" ADD CONSTRAINT "fk_customer_feedback_resolution" FOREIGN KEY ("resolution_id") REFERENCES "resolutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "fk_staff_tasks_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "fk_staff_tasks_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        await queryRunner.query(`CREATE INDEX "ix_complaints_at_risk_due" ON "complaints" ("at_risk_due_at") WHERE "at_risk_at" IS NULL AND "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened')`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_keep_informed_due" ON "complaints" ("keep_informed_due_at") WHERE "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened')`);
        // Each flag is recorded once per complaint, whatever the sweeps do.
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_complaint_events_at_risk" ON "complaint_events" ("complaint_id") WHERE "type" = 'at_risk'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_complaint_events_resolution_breach" ON "complaint_events" ("complaint_id") WHERE "type" = 'resolution_breached'`);
        // Written by hand: the organisation's defaults until an admin changes them.
        await queryRunner.query(`INSERT INTO "organisation_settings" ("id", "referral_escalate_to", "referral_time_limit_days", "at_risk_share", "keep_informed_business_days") VALUES (1, 'the independent consumer dispute resolution body of your country', 60, 0.75, 5)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "fk_staff_tasks_department"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "fk_staff_tasks_complaint"`);
        await queryRunner.query(`ALTER TABLE "customer_feedback" DROP CONSTRAINT "fk_customer_feedback_resolution"`);
        await queryRunner.query(`ALTER TABLE "customer_feedback" DROP CONSTRAINT "fk_customer_feedback_complaint"`);
        await queryRunner.query(`ALTER TABLE "resolutions" DROP CONSTRAINT "fk_resolutions_complaint"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "fk_staff_notifications_department"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "fk_staff_notifications_complaint"`);
        await queryRunner.query(`ALTER TABLE "handoffs" DROP CONSTRAINT "fk_handoffs_to_assignee"`);
        await queryRunner.query(`ALTER TABLE "handoffs" DROP CONSTRAINT "fk_handoffs_to_department"`);
        await queryRunner.query(`ALTER TABLE "handoffs" DROP CONSTRAINT "fk_handoffs_from_department"`);
        await queryRunner.query(`ALTER TABLE "handoffs" DROP CONSTRAINT "fk_handoffs_complaint"`);
        await queryRunner.query(`ALTER TABLE "information_requests" DROP CONSTRAINT "fk_information_requests_complaint"`);
        await queryRunner.query(`ALTER TABLE "complaint_notes" DROP CONSTRAINT "fk_complaint_notes_complaint"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "ck_complaints_outcome"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_resolution_due"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "guard_findings"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "resolved_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "outcome"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "keep_informed_due_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "last_customer_update_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "resolution_breached_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "at_risk_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "at_risk_due_at"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "paused_at"`);
        await queryRunner.query(`DROP INDEX "public"."ux_staff_tasks_open"`);
        await queryRunner.query(`DROP INDEX "public"."ix_staff_tasks_department_open"`);
        await queryRunner.query(`DROP TABLE "staff_tasks"`);
        await queryRunner.query(`DROP TABLE "organisation_settings"`);
        await queryRunner.query(`DROP TABLE "customer_feedback"`);
        await queryRunner.query(`DROP INDEX "public"."ix_resolutions_complaint"`);
        await queryRunner.query(`DROP TABLE "resolutions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_staff_notifications_department"`);
        await queryRunner.query(`DROP TABLE "staff_notifications"`);
        await queryRunner.query(`DROP INDEX "public"."ix_handoffs_complaint"`);
        await queryRunner.query(`DROP INDEX "public"."ix_handoffs_waiting"`);
        await queryRunner.query(`DROP TABLE "handoffs"`);
        await queryRunner.query(`DROP INDEX "public"."ux_information_requests_open"`);
        await queryRunner.query(`DROP TABLE "information_requests"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaint_notes_complaint"`);
        await queryRunner.query(`DROP TABLE "complaint_notes"`);
    }

}
