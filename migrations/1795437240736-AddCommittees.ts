import { MigrationInterface, QueryRunner } from "typeorm";

export class AddCommittees1795437240736 implements MigrationInterface {
    name = 'AddCommittees1795437240736'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Committees, their meetings and the meetings' minutes (issue 5). uq_meetings_committee_starts is the key the
        // scheduler's INSERT … ON CONFLICT DO NOTHING relies on: two instances scheduling the same occurrence make one
        // meeting. Minutes are keyed by their meeting, so a meeting has minutes once.
        await queryRunner.query(`CREATE TABLE "committees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "cadence" text NOT NULL, "time_zone" text NOT NULL, "duration_minutes" integer NOT NULL, "agenda_lead_days" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_committees_name" UNIQUE ("name"), CONSTRAINT "ck_committees_agenda_lead" CHECK ("agenda_lead_days" BETWEEN 0 AND 60), CONSTRAINT "ck_committees_duration" CHECK ("duration_minutes" BETWEEN 5 AND 1440), CONSTRAINT "pk_committees" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_committees_created" ON "committees"  ("created_at", "id") `);
        await queryRunner.query(`CREATE TABLE "committee_members" ("committee_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "pk_committee_members" PRIMARY KEY ("committee_id", "department_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_committee_members_department" ON "committee_members"  ("department_id") `);
        await queryRunner.query(`CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" text NOT NULL, "agenda_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "agenda_published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_meetings_committee_starts" UNIQUE ("committee_id", "starts_at"), CONSTRAINT "ck_meetings_agenda_due" CHECK ("agenda_due_at" <= "starts_at"), CONSTRAINT "ck_meetings_ends_after_start" CHECK ("ends_at" > "starts_at"), CONSTRAINT "ck_meetings_source" CHECK ("source" IN ('scheduled', 'manual')), CONSTRAINT "pk_meetings" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meetings_agenda_due" ON "meetings"  ("agenda_due_at") WHERE "agenda_published_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "meeting_minutes" ("meeting_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_meeting_minutes" PRIMARY KEY ("meeting_id"))`);
        await queryRunner.query(`CREATE TABLE "meeting_attendees" ("meeting_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "pk_meeting_attendees" PRIMARY KEY ("meeting_id", "department_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_attendees_department" ON "meeting_attendees"  ("department_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "prevention_action_id" uuid, CONSTRAINT "uq_meeting_decisions_position" UNIQUE ("meeting_id", "position"), CONSTRAINT "ck_meeting_decisions_position" CHECK ("position" >= 1), CONSTRAINT "pk_meeting_decisions" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_decisions_prevention_action" ON "meeting_decisions"  ("prevention_action_id") WHERE "prevention_action_id" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "committee_members" ADD CONSTRAINT "fk_committee_members_committee" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "committee_members" ADD CONSTRAINT "fk_committee_members_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "fk_meetings_committee" FOREIGN KEY ("committee_id") REFERENCES "committees"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_minutes" ADD CONSTRAINT "fk_meeting_minutes_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_attendees" ADD CONSTRAINT "fk_meeting_attendees_minutes" FOREIGN KEY ("meeting_id") REFERENCES "meeting_minutes"("meeting_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_attendees" ADD CONSTRAINT "fk_meeting_attendees_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decisions" ADD CONSTRAINT "fk_meeting_decisions_minutes" FOREIGN KEY ("meeting_id") REFERENCES "meeting_minutes"("meeting_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decisions" ADD CONSTRAINT "fk_meeting_decisions_prevention_action" FOREIGN KEY ("prevention_action_id") REFERENCES "prevention_actions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_decisions" DROP CONSTRAINT "fk_meeting_decisions_prevention_action"`);
        await queryRunner.query(`ALTER TABLE "meeting_decisions" DROP CONSTRAINT "fk_meeting_decisions_minutes"`);
        await queryRunner.query(`ALTER TABLE "meeting_attendees" DROP CONSTRAINT "fk_meeting_attendees_department"`);
        await queryRunner.query(`ALTER TABLE "meeting_attendees" DROP CONSTRAINT "fk_meeting_attendees_minutes"`);
        await queryRunner.query(`ALTER TABLE "meeting_minutes" DROP CONSTRAINT "fk_meeting_minutes_meeting"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "fk_meetings_committee"`);
        await queryRunner.query(`ALTER TABLE "committee_members" DROP CONSTRAINT "fk_committee_members_department"`);
        await queryRunner.query(`ALTER TABLE "committee_members" DROP CONSTRAINT "fk_committee_members_committee"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_decisions_prevention_action"`);
        await queryRunner.query(`DROP TABLE "meeting_decisions"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_attendees_department"`);
        await queryRunner.query(`DROP TABLE "meeting_attendees"`);
        await queryRunner.query(`DROP TABLE "meeting_minutes"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meetings_agenda_due"`);
        await queryRunner.query(`DROP TABLE "meetings"`);
        await queryRunner.query(`DROP INDEX "public"."ix_committee_members_department"`);
        await queryRunner.query(`DROP TABLE "committee_members"`);
        await queryRunner.query(`DROP INDEX "public"."ix_committees_created"`);
        await queryRunner.query(`DROP TABLE "committees"`);
    }

}
