import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateSchema1795426793848 implements MigrationInterface {
    name = 'CreateSchema1795426793848'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "business_calendar" ("id" smallint NOT NULL, "time_zone" text NOT NULL, "working_days" smallint array NOT NULL, "work_starts_at" text NOT NULL, "work_ends_at" text NOT NULL, "holidays" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_business_calendar_single_row" CHECK ("id" = 1), CONSTRAINT "pk_business_calendar" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_departments_code" UNIQUE ("code"), CONSTRAINT "pk_departments" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "owner_department_id" uuid NOT NULL, "targets" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_categories_code" UNIQUE ("code"), CONSTRAINT "pk_categories" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_categories_owner_department" ON "categories"  ("owner_department_id") `);
        await queryRunner.query(`CREATE TABLE "api_clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "roles" text array NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_api_clients_token_hash" UNIQUE ("token_hash"), CONSTRAINT "ck_api_clients_roles" CHECK ("roles" <@ ARRAY['agent', 'resolver', 'department_head', 'chair', 'admin']::text[] AND cardinality("roles") > 0), CONSTRAINT "pk_api_clients" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "role" text NOT NULL, "department_id" uuid, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_staff_token_hash" UNIQUE ("token_hash"), CONSTRAINT "uq_staff_email" UNIQUE ("email"), CONSTRAINT "ck_staff_role" CHECK ("role" IN ('agent', 'resolver', 'department_head', 'chair', 'admin')), CONSTRAINT "pk_staff" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_staff_department" ON "staff"  ("department_id") `);
        await queryRunner.query(`CREATE TABLE "complaints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "type" text NOT NULL, "channel" text NOT NULL, "category_id" uuid NOT NULL, "severity" text NOT NULL, "summary" text NOT NULL, "description" text NOT NULL, "desired_outcome" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "version" integer NOT NULL, "owning_department_id" uuid NOT NULL, "customer_external_ref" text, "customer_name" text NOT NULL, "customer_email" text, "customer_phone" text, "customer_postal_address" text, "preferred_channel" text NOT NULL, "contact_instructions" text, "customer_language" text NOT NULL, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "resolution_due_at" TIMESTAMP WITH TIME ZONE, "first_responded_at" TIMESTAMP WITH TIME ZONE, "first_response_on_time" boolean, "first_response_breached_at" TIMESTAMP WITH TIME ZONE, "expected_resolution_by" TIMESTAMP WITH TIME ZONE, "customer_next_step" text, "public_token_hash" text NOT NULL, "idempotency_principal_id" uuid, "idempotency_key" text, "intake_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_complaints_idempotency" UNIQUE ("idempotency_principal_id", "idempotency_key"), CONSTRAINT "uq_complaints_public_token_hash" UNIQUE ("public_token_hash"), CONSTRAINT "uq_complaints_reference" UNIQUE ("reference"), CONSTRAINT "ck_complaints_due_after_receipt" CHECK ("first_response_due_at" IS NULL OR "first_response_due_at" >= "received_at"), CONSTRAINT "ck_complaints_suggestion_has_no_clocks" CHECK ("type" = 'complaint' OR ("first_response_due_at" IS NULL AND "resolution_due_at" IS NULL)), CONSTRAINT "ck_complaints_version" CHECK ("version" >= 1), CONSTRAINT "ck_complaints_preferred_channel" CHECK ("preferred_channel" IN ('email', 'phone', 'sms', 'letter', 'portal')), CONSTRAINT "ck_complaints_status" CHECK ("status" IN ('received', 'acknowledged', 'in_resolution', 'resolved', 'reopened', 'closed')), CONSTRAINT "ck_complaints_severity" CHECK ("severity" IN ('low', 'medium', 'high', 'critical')), CONSTRAINT "ck_complaints_channel" CHECK ("channel" IN ('phone', 'email', 'web', 'in_person', 'social', 'letter', 'api')), CONSTRAINT "ck_complaints_type" CHECK ("type" IN ('complaint', 'suggestion')), CONSTRAINT "pk_complaints" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_first_response_due" ON "complaints"  ("first_response_due_at") WHERE "status" = 'received' AND "first_response_breached_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_complaints_category_received" ON "complaints"  ("category_id", "received_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_complaints_department_received" ON "complaints"  ("owning_department_id", "received_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_complaints_status_received" ON "complaints"  ("status", "received_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_complaints_received" ON "complaints"  ("received_at", "id") `);
        await queryRunner.query(`CREATE TABLE "complaint_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "complaint_id" uuid NOT NULL, "type" text NOT NULL, "actor_kind" text NOT NULL, "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "ck_complaint_events_actor_kind" CHECK ("actor_kind" IN ('staff', 'api_client', 'system', 'customer')), CONSTRAINT "pk_complaint_events" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_complaint_events_first_response_breach" ON "complaint_events"  ("complaint_id") WHERE "type" = 'first_response_breached'`);
        await queryRunner.query(`CREATE INDEX "ix_complaint_events_complaint" ON "complaint_events"  ("complaint_id", "id") `);
        await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "purpose" text NOT NULL, "channel" text NOT NULL, "address" text NOT NULL, "language" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_outbox_messages_dedupe_key" UNIQUE ("dedupe_key"), CONSTRAINT "ck_outbox_messages_channel" CHECK ("channel" IN ('email', 'phone', 'sms', 'letter', 'portal')), CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed')), CONSTRAINT "pk_outbox_messages" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_complaint" ON "outbox_messages"  ("complaint_id") `);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages"  ("available_at") WHERE "status" = 'pending'`);
        await queryRunner.query(`CREATE TABLE "instance_secrets" ("name" text NOT NULL, "value" text NOT NULL, CONSTRAINT "pk_instance_secrets" PRIMARY KEY ("name"))`);
        await queryRunner.query(`ALTER TABLE "categories" ADD CONSTRAINT "fk_categories_owner_department" FOREIGN KEY ("owner_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff" ADD CONSTRAINT "fk_staff_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_category" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_owning_department" FOREIGN KEY ("owning_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "complaint_events" ADD CONSTRAINT "fk_complaint_events_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // Written by hand: what TypeORM's entities cannot express.
        // Complaint references (CMP-<year>-<6 digits>) are numbered by the database, gap-tolerant and race-free.
        await queryRunner.query(`CREATE SEQUENCE "complaint_reference_seq" AS bigint START 1`);
        // The timeline is evidence: no event is ever changed or removed, whatever the application does.
        await queryRunner.query(`CREATE FUNCTION "forbid_event_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'complaint_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER "tr_complaint_events_append_only" BEFORE UPDATE OR DELETE ON "complaint_events" FOR EACH ROW EXECUTE FUNCTION "forbid_event_change"()`);
        await queryRunner.query(`CREATE TRIGGER "tr_complaint_events_no_truncate" BEFORE TRUNCATE ON "complaint_events" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_event_change"()`);
        // The organisation's calendar until an admin sets its own: Monday to Friday, 09:00-17:00 UTC.
        await queryRunner.query(`INSERT INTO "business_calendar" ("id", "time_zone", "working_days", "work_starts_at", "work_ends_at", "holidays") VALUES (1, 'UTC', '{1,2,3,4,5}', '09:00', '17:00', '{}')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "tr_complaint_events_no_truncate" ON "complaint_events"`);
        await queryRunner.query(`DROP TRIGGER "tr_complaint_events_append_only" ON "complaint_events"`);
        await queryRunner.query(`DROP FUNCTION "forbid_event_change"()`);
        await queryRunner.query(`DROP SEQUENCE "complaint_reference_seq"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_complaint"`);
        await queryRunner.query(`ALTER TABLE "complaint_events" DROP CONSTRAINT "fk_complaint_events_complaint"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_owning_department"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_category"`);
        await queryRunner.query(`ALTER TABLE "staff" DROP CONSTRAINT "fk_staff_department"`);
        await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "fk_categories_owner_department"`);
        await queryRunner.query(`DROP TABLE "instance_secrets"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_pending"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_complaint"`);
        await queryRunner.query(`DROP TABLE "outbox_messages"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaint_events_complaint"`);
        await queryRunner.query(`DROP INDEX "public"."ux_complaint_events_first_response_breach"`);
        await queryRunner.query(`DROP TABLE "complaint_events"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_status_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_department_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_category_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_first_response_due"`);
        await queryRunner.query(`DROP TABLE "complaints"`);
        await queryRunner.query(`DROP INDEX "public"."ix_staff_department"`);
        await queryRunner.query(`DROP TABLE "staff"`);
        await queryRunner.query(`DROP TABLE "api_clients"`);
        await queryRunner.query(`DROP INDEX "public"."ix_categories_owner_department"`);
        await queryRunner.query(`DROP TABLE "categories"`);
        await queryRunner.query(`DROP TABLE "departments"`);
        await queryRunner.query(`DROP TABLE "business_calendar"`);
    }

}
