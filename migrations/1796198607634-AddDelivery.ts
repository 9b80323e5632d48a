import { MigrationInterface, QueryRunner } from "typeorm";

export class AddDelivery1796198607634 implements MigrationInterface {
    name = 'AddDelivery1796198607634'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Webhook endpoints of the support desk; their deliveries are outbox rows like every other message.
        await queryRunner.query(`CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "events" text array NOT NULL, "description" text, "secret" text NOT NULL, "failing_since" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_webhooks_event_types" CHECK ("events" <@ ARRAY['complaint.created', 'complaint.acknowledged', 'complaint.handed_off', 'complaint.resolved', 'complaint.reopened', 'complaint.disputed', 'complaint.closed', 'staff_task.created', 'prevention_action.status_changed', 'agenda.published']::text[]), CONSTRAINT "ck_webhooks_events" CHECK (cardinality("events") > 0), CONSTRAINT "pk_webhooks" PRIMARY KEY ("id"))`);

        // The dispatcher's bookkeeping on each message: a failed message waits for its next attempt at available_at,
        // a dead one for an admin; a claimed one carries its holder's token until the outcome is recorded.
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "webhook_id" uuid`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "claim_token" uuid`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "last_error" text`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "delivered_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "receipt" text`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_status"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'failed', 'dead', 'sent'))`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_channel"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_channel" CHECK ("channel" IN ('email', 'phone', 'sms', 'letter', 'portal', 'webhook'))`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_webhook_channel" CHECK (("channel" = 'webhook') = ("webhook_id" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_attempts" CHECK ("attempts" >= 0)`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_recipient"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_recipient" CHECK (num_nonnulls("complaint_id", "department_id", "webhook_id") = 1)`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_webhook" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_pending"`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_due" ON "outbox_messages" ("available_at") WHERE "status" IN ('pending', 'failed')`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_status_created" ON "outbox_messages" ("status", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_webhook" ON "outbox_messages" ("webhook_id") WHERE "webhook_id" IS NOT NULL`);

        // Calls, texts and letters: staff tasks that carry an outbox message, with the number or address to use.
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "outbox_message_id" uuid`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "address" text`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "contact_instructions" text`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "attempt" integer NOT NULL DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD "outcome" text`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_kind" CHECK ("kind" IN ('keep_informed', 'call', 'text', 'letter'))`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('reached', 'no_answer', 'wrong_number', 'sent', 'wrong_address'))`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_outcome_when_done" CHECK ("outcome" IS NULL OR "done_at" IS NOT NULL)`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_message" CHECK (("kind" = 'keep_informed') = ("outbox_message_id" IS NULL))`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_attempt" CHECK ("attempt" >= 1)`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "fk_staff_tasks_outbox_message" FOREIGN KEY ("outbox_message_id") REFERENCES "outbox_messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Several calls may be open for one complaint (one per message); keep-informed stays one at a time.
        await queryRunner.query(`DROP INDEX "public"."ux_staff_tasks_open"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_staff_tasks_open_keep_informed" ON "staff_tasks" ("complaint_id", "kind") WHERE "done_at" IS NULL AND "kind" = 'keep_informed'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ix_staff_tasks_message" ON "staff_tasks" ("outbox_message_id", "attempt") WHERE "outbox_message_id" IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "ix_staff_tasks_department_created" ON "staff_tasks" ("department_id", "created_at", "id") `);

        // Channels the customer excluded, so that a fallback after unanswered calls never uses one of them.
        await queryRunner.query(`ALTER TABLE "complaints" ADD "customer_excluded_channels" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "complaints" ADD CONSTRAINT "ck_complaints_excluded_channels" CHECK ("customer_excluded_channels" <@ ARRAY['email', 'phone', 'sms', 'letter']::text[] AND NOT "preferred_channel" = ANY ("customer_excluded_channels"))`);

        await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "call_attempts" integer NOT NULL DEFAULT '3'`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "call_retry_minutes" integer NOT NULL DEFAULT '120'`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_call_attempts" CHECK ("call_attempts" BETWEEN 1 AND 10)`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" ADD CONSTRAINT "ck_organisation_settings_call_retry" CHECK ("call_retry_minutes" BETWEEN 5 AND 10080)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_call_retry"`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" DROP CONSTRAINT "ck_organisation_settings_call_attempts"`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "call_retry_minutes"`);
        await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "call_attempts"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "ck_complaints_excluded_channels"`);
        await queryRunner.query(`ALTER TABLE "complaints" DROP COLUMN "customer_excluded_channels"`);
        await queryRunner.query(`DELETE FROM "staff_tasks" WHERE "kind" <> 'keep_informed'`);
        await queryRunner.query(`DROP INDEX "public"."ix_staff_tasks_department_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_staff_tasks_message"`);
        await queryRunner.query(`DROP INDEX "public"."ux_staff_tasks_open_keep_informed"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_staff_tasks_open" ON "staff_tasks" ("complaint_id", "kind") WHERE "done_at" IS NULL`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "fk_staff_tasks_outbox_message"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_attempt"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_message"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_outcome_when_done"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_outcome"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" DROP CONSTRAINT "ck_staff_tasks_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_tasks" ADD CONSTRAINT "ck_staff_tasks_kind" CHECK ("kind" IN ('keep_informed'))`);
        for (const column of ['outcome', 'due_at', 'attempt', 'contact_instructions', 'address', 'outbox_message_id']) {
            await queryRunner.query(`ALTER TABLE "staff_tasks" DROP COLUMN "${column}"`);
        }
        await queryRunner.query(`DELETE FROM "outbox_messages" WHERE "webhook_id" IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_webhook"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_status_created"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_messages_due"`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_messages_pending" ON "outbox_messages" ("available_at") WHERE "status" = 'pending'`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_webhook"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_recipient"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_recipient" CHECK (num_nonnulls("complaint_id", "department_id") = 1)`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_attempts"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_webhook_channel"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_channel"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_channel" CHECK ("channel" IN ('email', 'phone', 'sms', 'letter', 'portal'))`);
        await queryRunner.query(`UPDATE "outbox_messages" SET "status" = 'pending' WHERE "status" = 'dead'`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_status"`);
        await queryRunner.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed'))`);
        for (const column of ['receipt', 'delivered_at', 'last_error', 'claim_token', 'webhook_id']) {
            await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "${column}"`);
        }
        await queryRunner.query(`DROP TABLE "webhooks"`);
    }

}
