import { MigrationInterface, QueryRunner } from "typeorm";

/*
 * The committee's KPIs from small hourly aggregates kept current by triggers in the transaction of every change,
 * instead of reading a quarter's complaints, events, messages, answers and ratings on every request (13 s at a
 * million complaints). docs/kpis.md ("Scale") explains the design; src/kpis/kpis.repository.ts reads the tables.
 *
 * - kpi_hours: additive counters of the complaints received in an hour (UTC), and the first-response times of those
 *   answered, for the percentiles. Rows are deltas: every change appends one row per hour it moves, so concurrent
 *   transactions never wait for each other on a shared counter row; KpiCompactionJob folds them into one row per hour.
 * - kpi_cause_days: complaints per day received (UTC), root cause and category, for recurrence after a prevention
 *   action.
 *
 * Each counter is written once, below, as what one row of its source table contributes; the same functions count
 * the triggers' deltas, the backfill, and the partial hours at the ends of a period, which are read from the tables
 * themselves. The list is frozen here: a later counter is a later migration.
 */

/**
 * A counter and what one row of its source contributes: a condition counts 1, an amount (a number) its value; c is
 * the complaint the row belongs to.
 */
type Counter = readonly [name: string, source: "complaint" | "event" | "message" | "feedback" | "resolution", expression: string, kind?: "amount"];

const COMPLAINT = `c.type = 'complaint'`;
const ANSWERED = `${COMPLAINT} AND c.first_responded_at IS NOT NULL`;
/**
 * What the complaint's timeline says, as two flags its counts are given (kpi_complaint_counts' told and
 * at_first_contact): the triggers look them up with kpi_complaint_flags, the backfill in one pass over the events.
 * Told: an acknowledgement carried a next step and a date. At first contact: the first response was the answer.
 */
const TELLS = `e.type = 'acknowledged' AND nullif(btrim(e.data->>'nextSteps'), '') IS NOT NULL AND e.data->>'expectedResolutionBy' IS NOT NULL`;
const ANSWERS_AT_FIRST_CONTACT = `e.type = 'resolved' AND coalesce((e.data->>'atFirstContact')::boolean, false)`;
const LATER = `e.type = 'expected_date_changed' AND (e.data->>'later')::boolean`;
const REFUSAL = `r.outcome <> 'upheld'`;

const COUNTERS: readonly Counter[] = [
    ["complaints", "complaint", COMPLAINT],
    ["suggestions", "complaint", `c.type = 'suggestion'`],
    ["answered", "complaint", ANSWERED],
    ["on_time", "complaint", `${COMPLAINT} AND c.first_response_on_time`],
    ["late_answered", "complaint", `${ANSWERED} AND c.first_response_on_time IS NOT TRUE`],
    ["resolution_breaches", "complaint", `c.resolution_breached_at IS NOT NULL`],
    ["standing", "complaint", `${COMPLAINT} AND c.status IN ('resolved', 'closed')`],
    ["closed_with_cause", "complaint", `${COMPLAINT} AND c.status = 'closed' AND c.root_cause_code IS NOT NULL`],
    ["closed_with_action", "complaint", `${COMPLAINT} AND c.status = 'closed' AND c.prevention_action_id IS NOT NULL`],
    ["closed_no_systemic_cause", "complaint", `${COMPLAINT} AND c.status = 'closed' AND c.no_systemic_cause_justification IS NOT NULL`],
    // Answered complaints are owed a next step and a date unless the first response was the answer itself. The
    // unanswered are counted when asked, as whether their deadline has passed depends on the moment.
    ["owed_answered", "complaint", `${ANSWERED} AND NOT at_first_contact`],
    ["told_answered", "complaint", `${ANSWERED} AND NOT at_first_contact AND told`],
    ["delays", "event", LATER],
    ["announced", "event", `${LATER} AND (e.data->>'announcedBeforeDeadline')::boolean`],
    ["disputed", "event", `e.type = 'disputed' AND e.data->>'outcome' IN ('partially_upheld', 'not_upheld')`],
    ["messages", "message", `true`],
    ["warn_findings", "message", `jsonb_array_length(jsonb_path_query_array(m.guard_findings, '$[*] ? (@.severity == "warn")'))`, "amount"],
    ["block_findings", "message", `jsonb_array_length(jsonb_path_query_array(m.guard_findings, '$[*] ? (@.severity == "block")'))`, "amount"],
    ["overridden", "message", `jsonb_path_exists(m.guard_findings, '$[*].override')`],
    ["csat_responses", "feedback", `f.csat IS NOT NULL`],
    ["csat_sum", "feedback", `f.csat`, "amount"],
    ["csat_1", "feedback", `f.csat = 1`],
    ["csat_2", "feedback", `f.csat = 2`],
    ["csat_3", "feedback", `f.csat = 3`],
    ["csat_4", "feedback", `f.csat = 4`],
    ["csat_5", "feedback", `f.csat = 5`],
    ["nps_responses", "feedback", `f.nps IS NOT NULL`],
    ["promoters", "feedback", `f.nps >= 9`],
    ["passives", "feedback", `f.nps BETWEEN 7 AND 8`],
    ["detractors", "feedback", `f.nps <= 6`],
    ["resolutions", "resolution", `true`],
    ["refusals", "resolution", REFUSAL],
    ["not_upheld", "resolution", `r.outcome = 'not_upheld'`],
    ["partially_upheld", "resolution", `r.outcome = 'partially_upheld'`],
    ["with_next_steps", "resolution", `${REFUSAL} AND nullif(btrim(r.next_steps), '') IS NOT NULL`],
    ["with_alternative", "resolution", `${REFUSAL} AND nullif(btrim(r.alternative_offered), '') IS NOT NULL`],
];

const HOUR = `date_trunc('hour', c.received_at, 'UTC')`;

/** The select list of kpi_hours (hour, counters…, first_response_hours) for one row of `source`; 0 for others' counters. */
function contribution(source: Counter[1], firstResponseHours: string): string {
    const counters = COUNTERS.map(([name, from, expression, kind]) => {
        if (from !== source) return `0 AS ${name}`;
        // A null (a missing JSON field, an unanswered survey question) counts 0, as FILTER and sum() do.
        return kind === "amount" ? `coalesce(${expression}, 0) AS ${name}` : `coalesce((${expression}), false)::int AS ${name}`;
    });
    return [`${HOUR} AS hour`, ...counters, `${firstResponseHours} AS first_response_hours`].join(",\n           ");
}

const NAMES = COUNTERS.map(([name]) => name);
const sums = (prefix = "") => NAMES.map((n) => `sum(${prefix}${n})::int AS ${n}`).join(", ");
const anyNonZero = NAMES.map((n) => `sum(${n}) <> 0`).join(" OR ");

/** Appends the sum per hour of `rows` (kpi_hours rows, negated ones included) as deltas, leaving out hours with nothing to add. */
const appendDeltas = (rows: string) =>
    `INSERT INTO kpi_hours (hour, ${NAMES.join(", ")})
     SELECT hour, ${sums()} FROM (${rows}) d GROUP BY hour HAVING ${anyNonZero}`;
const negated = (alias: string) => `${alias}.hour, ${NAMES.map((n) => `-${alias}.${n} AS ${n}`).join(", ")}, NULL::float8[] AS first_response_hours`;

/** kpi_cause_days deltas: each complaint of the relations counts `sign` (+1 or -1) for its day, cause and category. */
const appendCauseDeltas = (...parts: (readonly [relation: string, sign: 1 | -1])[]) =>
    `INSERT INTO kpi_cause_days (day, cause_code, category_id, complaints)
     SELECT day, cause_code, category_id, sum(n)::int FROM (
       ${parts.map(([relation, sign]) => `SELECT date_trunc('day', c.received_at, 'UTC') AS day, c.root_cause_code AS cause_code, c.category_id, ${sign} AS n
         FROM ${relation} c WHERE c.type = 'complaint' AND c.root_cause_code IS NOT NULL`).join("\n       UNION ALL ")}
     ) d GROUP BY day, cause_code, category_id HAVING sum(n) <> 0`;

/** The complaint columns the counters read: an update that changes none of them counts nothing. */
const COUNTED_COLUMNS = ["type", "received_at", "category_id", "first_responded_at", "first_response_on_time", "resolution_breached_at", "status", "root_cause_code", "prevention_action_id", "no_systemic_cause_justification"];
const changed = (a: string, b: string) => `(${COUNTED_COLUMNS.map((x) => `${a}.${x}`).join(", ")}) IS DISTINCT FROM (${COUNTED_COLUMNS.map((x) => `${b}.${x}`).join(", ")})`;

const FIRST_RESPONSE_HOURS = `extract(epoch FROM c.first_responded_at - c.received_at)::float8 / 3600`;

export class AddKpiAggregates1796211000000 implements MigrationInterface {
    name = 'AddKpiAggregates1796211000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            `CREATE TABLE "kpi_hours" ("hour" TIMESTAMP WITH TIME ZONE NOT NULL, ${NAMES.map((n) => `"${n}" integer NOT NULL DEFAULT 0`).join(", ")}, "first_response_hours" double precision[])`,
        );
        await queryRunner.query(`CREATE INDEX "ix_kpi_hours_hour" ON "kpi_hours" ("hour")`);
        await queryRunner.query(
            `CREATE TABLE "kpi_cause_days" ("day" TIMESTAMP WITH TIME ZONE NOT NULL, "cause_code" text NOT NULL, "category_id" uuid NOT NULL, "complaints" integer NOT NULL)`,
        );
        await queryRunner.query(`CREATE INDEX "ix_kpi_cause_days_cause_category_day" ON "kpi_cause_days" ("cause_code", "category_id", "day")`);
        // The two ends of a period that are not whole hours or days are read from complaints: these keep that small.
        await queryRunner.query(
            `CREATE INDEX "ix_complaints_cause_category_received" ON "complaints" ("root_cause_code", "category_id", "received_at") WHERE "type" = 'complaint' AND "root_cause_code" IS NOT NULL`,
        );
        await queryRunner.query(
            `CREATE INDEX "ix_complaints_unanswered_received" ON "complaints" ("received_at") WHERE "type" = 'complaint' AND "first_responded_at" IS NULL`,
        );
        await queryRunner.query(`CREATE INDEX "ix_customer_feedback_complaint" ON "customer_feedback" ("complaint_id")`);

        // What one row of each table contributes (SQL functions returning SETOF are inlined into the calling query).
        await queryRunner.query(
            `CREATE FUNCTION "kpi_complaint_flags"(complaint uuid, without bigint[], OUT told boolean, OUT at_first_contact boolean) LANGUAGE sql STABLE AS $$
               SELECT coalesce(bool_or(${TELLS}), false), coalesce(bool_or(${ANSWERS_AT_FIRST_CONTACT}), false)
                 FROM complaint_events e
                WHERE e.complaint_id = complaint AND e.type IN ('acknowledged', 'resolved') AND NOT (e.id = ANY (without))
             $$`,
        );
        await queryRunner.query(
            `CREATE FUNCTION "kpi_complaint_counts"(c complaints, told boolean, at_first_contact boolean) RETURNS SETOF kpi_hours LANGUAGE sql STABLE AS $$
               SELECT ${contribution("complaint", `CASE WHEN ${ANSWERED} THEN ARRAY[${FIRST_RESPONSE_HOURS}] END`)}
             $$`,
        );
        for (const [name, table, alias] of [["kpi_event_counts", "complaint_events", "e"], ["kpi_message_counts", "outbox_messages", "m"], ["kpi_feedback_counts", "customer_feedback", "f"], ["kpi_resolution_counts", "resolutions", "r"]] as const) {
            const source = ({ e: "event", m: "message", f: "feedback", r: "resolution" } as const)[alias];
            await queryRunner.query(
                `CREATE FUNCTION "${name}"(${alias} ${table}) RETURNS SETOF kpi_hours LANGUAGE sql STABLE AS $$
                   SELECT ${contribution(source, "NULL::float8[]")} FROM complaints c WHERE c.id = ${alias}.complaint_id AND c.type = 'complaint'
                 $$`,
            );
        }

        // Complaints. A first-response time is recorded once (first-response.ts): the array can only grow, so a
        // change that would take one back is refused rather than leave the percentiles wrong.
        const takeBack = `RAISE EXCEPTION 'a complaint''s receipt and first response are recorded once: they count in kpi_hours'`;
        await queryRunner.query(
            `CREATE FUNCTION "kpi_complaints_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF TG_OP = 'INSERT' THEN
                 ${appendDeltas(`SELECT k.* FROM new_rows c, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k`)};
                 INSERT INTO kpi_hours (hour, first_response_hours)
                   SELECT ${HOUR}, array_agg(${FIRST_RESPONSE_HOURS}) FROM new_rows c WHERE ${ANSWERED} GROUP BY 1;
                 ${appendCauseDeltas(["new_rows", 1])};
               ELSIF TG_OP = 'DELETE' THEN
                 IF EXISTS (SELECT 1 FROM old_rows c WHERE ${ANSWERED}) THEN ${takeBack}; END IF;
                 ${appendDeltas(`SELECT ${negated("k")} FROM old_rows c, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k`)};
                 ${appendCauseDeltas(["old_rows", -1])};
               ELSE
                 IF EXISTS (SELECT 1 FROM old_rows c JOIN new_rows n ON n.id = c.id
                             WHERE ${ANSWERED} AND (n.type, n.received_at, n.first_responded_at) IS DISTINCT FROM (c.type, c.received_at, c.first_responded_at)) THEN
                   ${takeBack};
                 END IF;
                 ${appendDeltas(`SELECT k.* FROM new_rows c JOIN old_rows o ON o.id = c.id, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k WHERE ${changed("o", "c")}
                                 UNION ALL SELECT ${negated("k")} FROM old_rows c JOIN new_rows n ON n.id = c.id, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k WHERE ${changed("n", "c")}`)};
                 INSERT INTO kpi_hours (hour, first_response_hours)
                   SELECT ${HOUR}, array_agg(${FIRST_RESPONSE_HOURS}) FROM new_rows c JOIN old_rows o ON o.id = c.id
                    WHERE ${ANSWERED} AND o.first_responded_at IS NULL GROUP BY 1;
                 ${appendCauseDeltas(
                     [`(SELECT c.* FROM new_rows c JOIN old_rows o ON o.id = c.id WHERE ${changed("o", "c")})`, 1],
                     [`(SELECT c.* FROM old_rows c JOIN new_rows n ON n.id = c.id WHERE ${changed("n", "c")})`, -1],
                 )};
               END IF;
               RETURN NULL;
             END $$`,
        );
        await queryRunner.query(`CREATE TRIGGER "tr_kpi_complaints_inserted" AFTER INSERT ON "complaints" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_complaints_changed"()`);
        await queryRunner.query(`CREATE TRIGGER "tr_kpi_complaints_updated" AFTER UPDATE ON "complaints" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_complaints_changed"()`);
        await queryRunner.query(`CREATE TRIGGER "tr_kpi_complaints_deleted" AFTER DELETE ON "complaints" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_complaints_changed"()`);

        // Events are append-only. An acknowledgement or an answer at first contact changes what its complaint counts
        // (told, owed): the complaint's counts with the statement's events less its counts without them.
        await queryRunner.query(
            `CREATE FUNCTION "kpi_events_added"() RETURNS trigger LANGUAGE plpgsql AS $$
             DECLARE added bigint[] := ARRAY(SELECT id FROM new_rows WHERE type IN ('acknowledged', 'resolved'));
             BEGIN
               ${appendDeltas(`SELECT k.* FROM new_rows e, kpi_event_counts(e) k WHERE e.type IN ('expected_date_changed', 'disputed')
                               UNION ALL SELECT k.* FROM complaints c, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k
                                WHERE c.id IN (SELECT complaint_id FROM new_rows WHERE type IN ('acknowledged', 'resolved'))
                               UNION ALL SELECT ${negated("k")} FROM complaints c, LATERAL kpi_complaint_flags(c.id, added) t, kpi_complaint_counts(c, t.told, t.at_first_contact) k
                                WHERE c.id IN (SELECT complaint_id FROM new_rows WHERE type IN ('acknowledged', 'resolved'))`)};
               RETURN NULL;
             END $$`,
        );
        await queryRunner.query(`CREATE TRIGGER "tr_kpi_events_added" AFTER INSERT ON "complaint_events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_events_added"()`);

        // Messages, ratings and answers: what the new rows add less what the old ones took away.
        for (const [table, counts] of [["outbox_messages", "kpi_message_counts"], ["customer_feedback", "kpi_feedback_counts"], ["resolutions", "kpi_resolution_counts"]] as const) {
            await queryRunner.query(
                `CREATE FUNCTION "kpi_${table}_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF TG_OP = 'INSERT' THEN
                     ${appendDeltas(`SELECT k.* FROM new_rows x, ${counts}(x) k`)};
                   ELSIF TG_OP = 'DELETE' THEN
                     ${appendDeltas(`SELECT ${negated("k")} FROM old_rows x, ${counts}(x) k`)};
                   ELSE
                     ${appendDeltas(`SELECT k.* FROM new_rows x, ${counts}(x) k UNION ALL SELECT ${negated("k")} FROM old_rows x, ${counts}(x) k`)};
                   END IF;
                   RETURN NULL;
                 END $$`,
            );
            await queryRunner.query(`CREATE TRIGGER "tr_kpi_${table}_inserted" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_${table}_changed"()`);
            await queryRunner.query(`CREATE TRIGGER "tr_kpi_${table}_updated" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_${table}_changed"()`);
            await queryRunner.query(`CREATE TRIGGER "tr_kpi_${table}_deleted" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kpi_${table}_changed"()`);
        }

        // Everything already there, counted in one pass per table; also what the benchmark seed calls after its
        // bulk load (with these triggers switched off while it loads).
        await queryRunner.query(
            `CREATE FUNCTION "kpi_rebuild"() RETURNS void LANGUAGE sql AS $$
               TRUNCATE kpi_hours, kpi_cause_days;
               INSERT INTO kpi_hours
               SELECT hour, ${sums()}, (array_agg(first_response_hours[1]) FILTER (WHERE first_response_hours IS NOT NULL)) FROM (
                 SELECT k.* FROM complaints c
                   LEFT JOIN (SELECT e.complaint_id, bool_or(${TELLS}) AS told, bool_or(${ANSWERS_AT_FIRST_CONTACT}) AS at_first_contact
                                FROM complaint_events e WHERE e.type IN ('acknowledged', 'resolved') GROUP BY e.complaint_id) t ON t.complaint_id = c.id,
                   kpi_complaint_counts(c, coalesce(t.told, false), coalesce(t.at_first_contact, false)) k
                 UNION ALL SELECT k.* FROM complaint_events e, kpi_event_counts(e) k WHERE e.type IN ('expected_date_changed', 'disputed')
                 UNION ALL SELECT k.* FROM outbox_messages m, kpi_message_counts(m) k
                 UNION ALL SELECT k.* FROM customer_feedback f, kpi_feedback_counts(f) k
                 UNION ALL SELECT k.* FROM resolutions r, kpi_resolution_counts(r) k
               ) d GROUP BY hour;
               ${appendCauseDeltas(["complaints", 1])};
             $$`,
        );
        await queryRunner.query(`SELECT kpi_rebuild()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ["outbox_messages", "customer_feedback", "resolutions"]) {
            for (const op of ["inserted", "updated", "deleted"]) await queryRunner.query(`DROP TRIGGER "tr_kpi_${table}_${op}" ON "${table}"`);
            await queryRunner.query(`DROP FUNCTION "kpi_${table}_changed"()`);
        }
        await queryRunner.query(`DROP TRIGGER "tr_kpi_events_added" ON "complaint_events"`);
        await queryRunner.query(`DROP FUNCTION "kpi_events_added"()`);
        for (const op of ["inserted", "updated", "deleted"]) await queryRunner.query(`DROP TRIGGER "tr_kpi_complaints_${op}" ON "complaints"`);
        await queryRunner.query(`DROP FUNCTION "kpi_complaints_changed"()`);
        await queryRunner.query(`DROP FUNCTION "kpi_rebuild"()`);
        await queryRunner.query(`DROP FUNCTION "kpi_complaint_counts"(complaints, boolean, boolean)`);
        await queryRunner.query(`DROP FUNCTION "kpi_complaint_flags"(uuid, bigint[])`);
        await queryRunner.query(`DROP FUNCTION "kpi_event_counts"(complaint_events)`);
        await queryRunner.query(`DROP FUNCTION "kpi_message_counts"(outbox_messages)`);
        await queryRunner.query(`DROP FUNCTION "kpi_feedback_counts"(customer_feedback)`);
        await queryRunner.query(`DROP FUNCTION "kpi_resolution_counts"(resolutions)`);
        await queryRunner.query(`DROP INDEX "public"."ix_customer_feedback_complaint"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_unanswered_received"`);
        await queryRunner.query(`DROP INDEX "public"."ix_complaints_cause_category_received"`);
        await queryRunner.query(`DROP TABLE "kpi_cause_days"`);
        await queryRunner.query(`DROP TABLE "kpi_hours"`);
    }
}
