import { MigrationInterface, QueryRunner } from "typeorm";

export class AddAgendaVersions1795440155228 implements MigrationInterface {
    name = 'AddAgendaVersions1795440155228'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // A meeting's published agendas (issue 5): each generation is a new, numbered, immutable version. The unique
        // (meeting_id, version) key is the last guard against two generations taking the same number (the service
        // numbers them under the meeting's row lock) and serves "the latest version" (ORDER BY version DESC LIMIT 1).
        // The Markdown and HTML are not stored: they are rendered from `content` on every read.
        await queryRunner.query(`CREATE TABLE "agenda_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "version" integer NOT NULL, "period_from" TIMESTAMP WITH TIME ZONE NOT NULL, "period_to" TIMESTAMP WITH TIME ZONE NOT NULL, "content" jsonb NOT NULL, "content_hash" text NOT NULL, "trigger" text NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_agenda_versions_meeting_version" UNIQUE ("meeting_id", "version"), CONSTRAINT "ck_agenda_versions_content_hash" CHECK ("content_hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "ck_agenda_versions_period" CHECK ("period_from" < "period_to"), CONSTRAINT "ck_agenda_versions_trigger" CHECK ("trigger" IN ('scheduled', 'on_demand')), CONSTRAINT "ck_agenda_versions_version" CHECK ("version" >= 1), CONSTRAINT "pk_agenda_versions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "agenda_versions" ADD CONSTRAINT "fk_agenda_versions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

        // A published version is a record of what the committee was shown: like complaint_events, the database itself
        // refuses to change or remove one (a correction is a new version). Written by hand: entities cannot say it.
        await queryRunner.query(`CREATE FUNCTION "forbid_agenda_version_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'agenda_versions is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER "tr_agenda_versions_immutable" BEFORE UPDATE OR DELETE ON "agenda_versions" FOR EACH ROW EXECUTE FUNCTION "forbid_agenda_version_change"()`);
        await queryRunner.query(`CREATE TRIGGER "tr_agenda_versions_no_truncate" BEFORE TRUNCATE ON "agenda_versions" FOR EACH STATEMENT EXECUTE FUNCTION "forbid_agenda_version_change"()`);

        // Members' departments are told of each published version through staff_notifications, the feed their heads
        // already read (GET /api/staff-notifications), rather than a table nobody reads: a third kind of subject, still
        // exactly one per notification. (outbox_messages cannot carry it: it is the customers' channel, keyed by complaint.)
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD "agenda_version_id" uuid`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_subject"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_subject" CHECK (num_nonnulls("complaint_id", "prevention_action_id", "agenda_version_id") = 1)`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_kind" CHECK ("kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied', 'prevention_action_overdue', 'prevention_action_not_effective', 'agenda_published'))`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "fk_staff_notifications_agenda_version" FOREIGN KEY ("agenda_version_id") REFERENCES "agenda_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "fk_staff_notifications_agenda_version"`);
        await queryRunner.query(`DELETE FROM "staff_notifications" WHERE "agenda_version_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_kind"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_kind" CHECK ("kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied', 'prevention_action_overdue', 'prevention_action_not_effective'))`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP CONSTRAINT "ck_staff_notifications_subject"`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" ADD CONSTRAINT "ck_staff_notifications_subject" CHECK (("complaint_id" IS NOT NULL) <> ("prevention_action_id" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "staff_notifications" DROP COLUMN "agenda_version_id"`);
        await queryRunner.query(`DROP TRIGGER "tr_agenda_versions_no_truncate" ON "agenda_versions"`);
        await queryRunner.query(`DROP TRIGGER "tr_agenda_versions_immutable" ON "agenda_versions"`);
        await queryRunner.query(`DROP FUNCTION "forbid_agenda_version_change"()`);
        await queryRunner.query(`ALTER TABLE "agenda_versions" DROP CONSTRAINT "fk_agenda_versions_meeting"`);
        await queryRunner.query(`DROP TABLE "agenda_versions"`);
    }

}
