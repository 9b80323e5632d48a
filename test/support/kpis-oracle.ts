import type { EntityManager } from 'typeorm';
import { matchingComplaintsSql } from '../../src/prevention/prevention-actions.repository.js';
import type {
  BreachKpisDto,
  EmpathyKpisDto,
  FirstResponseKpisDto,
  PeriodKpisDto,
  PreventRecurrenceKpisDto,
  RefusalKpisDto,
  TransparencyKpisDto,
  VolumeKpisDto,
} from '../../src/kpis/dto/kpis.dto.js';
import type { Period } from '../../src/kpis/kpi-periods.js';

/*
 * The oracle of the KPIs: the statements src/kpis/kpis.repository.ts ran before it read aggregates (AddKpiAggregates),
 * kept as they were. They compute every figure from the tables themselves, one statement per block of docs/kpis.md,
 * so a test can check that the aggregates give the very same figures on the same data.
 */

/**
 * The series' periods as rows (idx, period_from, period_to, as_of), from two arrays of bounds ($1, $2): periods of
 * any length, as meetings by a cron rule are not evenly spaced. as_of ($3) is the moment the figures describe (the
 * clock's now), for deadlines still running.
 */
const PERIODS = `periods AS (
  SELECT p.idx, p.period_from, p.period_to, $3::timestamptz AS as_of
    FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS p(period_from, period_to, idx)
)`;

/** The complaints received in each period, by joining on this (suggestions are not complaints: no check measures them). */
const RECEIVED_IN_PERIOD = `c.type = 'complaint' AND c.received_at >= p.period_from AND c.received_at < p.period_to`;

/** The complaints of each period with the columns a statement needs, as `cohort` (idx, ...). */
const cohort = (columns: string) => `cohort AS (
  SELECT p.idx, ${columns}
    FROM periods p
    JOIN complaints c ON ${RECEIVED_IN_PERIOD}
)`;

/** numerator / denominator to 4 decimals; null, not 0, when there is nothing to divide by. */
const share = (numerator: string, denominator: string) => `round((${numerator})::numeric / nullif(${denominator}, 0), 4)::float8`;

/** A RatioDto: { count, of, share }. */
const ratio = (numerator: string, denominator: string) =>
  `jsonb_build_object('count', ${numerator}, 'of', ${denominator}, 'share', ${share(numerator, denominator)})`;

/** Wall-clock hours from receipt to the first response; null while unanswered, which percentile_cont skips. */
const FIRST_RESPONSE_HOURS = `extract(epoch FROM c.first_responded_at - c.received_at)::float8 / 3600`;

/**
 * Whether the complaint `c` met its first-response deadline is known: it was answered (first_response_on_time says
 * how), or it is past the deadline unanswered. A question to the customer stops the clock, so a paused complaint is
 * measured at the moment the pause began. Read from the deadline rather than first_response_breached_at: the sweep
 * records that breach only while a complaint is still `received`, so one handed off before any answer never gets it.
 */
const FIRST_RESPONSE_DECIDED = `(c.first_responded_at IS NOT NULL OR c.first_response_due_at < coalesce(c.paused_at, p.as_of))`;

const FIRST_RESPONSE = `
  WITH ${PERIODS},
  figures AS (
    SELECT p.idx,
           count(c.first_responded_at) AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_HOURS}) AS median_hours,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_HOURS}) AS p90_hours,
           count(c.id) FILTER (WHERE c.first_response_on_time) AS on_time,
           -- One still within its deadline is neither on time nor late yet: it counts on neither side.
           count(c.id) FILTER (WHERE ${FIRST_RESPONSE_DECIDED}) AS decided
      FROM periods p
      LEFT JOIN complaints c ON ${RECEIVED_IN_PERIOD}
     GROUP BY p.idx
  )
  SELECT answered::int AS answered,
         round(median_hours::numeric, 2)::float8 AS "medianHours",
         round(p90_hours::numeric, 2)::float8 AS "p90Hours",
         ${ratio('on_time', 'decided')} AS "onTime"
    FROM figures
   ORDER BY idx`;

const EMPATHY = `
  WITH ${PERIODS},
  ${cohort('c.id')},
  messages AS (
    -- guard_findings holds the warnings a message was sent with; when staff overrode the guard, also its blocking
    -- findings and an { "override": justification } element (CustomerMessenger.send).
    SELECT cohort.idx,
           count(*) AS messages,
           sum(jsonb_array_length(jsonb_path_query_array(m.guard_findings, '$[*] ? (@.severity == "warn")'))) AS warn_findings,
           sum(jsonb_array_length(jsonb_path_query_array(m.guard_findings, '$[*] ? (@.severity == "block")'))) AS block_findings,
           count(*) FILTER (WHERE jsonb_path_exists(m.guard_findings, '$[*].override')) AS overridden
      FROM cohort
      JOIN outbox_messages m ON m.complaint_id = cohort.id
     GROUP BY cohort.idx
  ),
  ratings AS (
    -- Every rating of every answer on the period's complaints: a complaint answered twice (after a dispute) may be
    -- rated twice. customer_feedback has no index on complaint_id, but it is the smallest table here (at most one
    -- row per answer), so a hash join with the cohort reads it faster than going through resolutions would.
    SELECT cohort.idx,
           count(f.csat) AS csat_responses,
           avg(f.csat) AS csat_average,
           count(*) FILTER (WHERE f.csat = 1) AS csat_1,
           count(*) FILTER (WHERE f.csat = 2) AS csat_2,
           count(*) FILTER (WHERE f.csat = 3) AS csat_3,
           count(*) FILTER (WHERE f.csat = 4) AS csat_4,
           count(*) FILTER (WHERE f.csat = 5) AS csat_5,
           count(f.nps) AS nps_responses,
           count(*) FILTER (WHERE f.nps >= 9) AS promoters,
           count(*) FILTER (WHERE f.nps BETWEEN 7 AND 8) AS passives,
           count(*) FILTER (WHERE f.nps <= 6) AS detractors
      FROM cohort
      JOIN customer_feedback f ON f.complaint_id = cohort.id
     GROUP BY cohort.idx
  ),
  figures AS (
    -- Periods without messages or ratings have no row above: their counts are 0, their average and score null.
    SELECT p.idx,
           coalesce(m.messages, 0) AS messages,
           coalesce(m.warn_findings, 0) AS warn_findings,
           coalesce(m.block_findings, 0) AS block_findings,
           coalesce(m.overridden, 0) AS overridden,
           coalesce(r.csat_responses, 0) AS csat_responses,
           r.csat_average,
           coalesce(r.csat_1, 0) AS csat_1,
           coalesce(r.csat_2, 0) AS csat_2,
           coalesce(r.csat_3, 0) AS csat_3,
           coalesce(r.csat_4, 0) AS csat_4,
           coalesce(r.csat_5, 0) AS csat_5,
           coalesce(r.nps_responses, 0) AS nps_responses,
           coalesce(r.promoters, 0) AS promoters,
           coalesce(r.passives, 0) AS passives,
           coalesce(r.detractors, 0) AS detractors
      FROM periods p
      LEFT JOIN messages m ON m.idx = p.idx
      LEFT JOIN ratings r ON r.idx = p.idx
  )
  SELECT messages::int AS messages,
         warn_findings::int AS "warnFindings",
         block_findings::int AS "overriddenBlockFindings",
         ${share('warn_findings + block_findings', 'messages')} AS "findingsPerMessage",
         ${ratio('overridden', 'messages')} AS "overriddenMessages",
         jsonb_build_object(
           'responses', csat_responses,
           'average', round(csat_average, 2)::float8,
           'distribution', jsonb_build_object('1', csat_1, '2', csat_2, '3', csat_3, '4', csat_4, '5', csat_5)
         ) AS csat,
         jsonb_build_object(
           'responses', nps_responses,
           'promoters', promoters,
           'passives', passives,
           'detractors', detractors,
           'score', round(100 * (promoters - detractors)::numeric / nullif(nps_responses, 0), 1)::float8
         ) AS nps
    FROM figures
   ORDER BY idx`;

const TRANSPARENCY = `
  WITH ${PERIODS},
  ${cohort(`c.id, ${FIRST_RESPONSE_DECIDED} AS first_response_decided`)},
  said AS (
    -- What each complaint's timeline says, in one pass over the events (the largest table: read it once).
    --  told: the acknowledgement carried a next step and a date; the event keeps what was said, while the
    --    complaint's columns are overwritten by later steps.
    --  answered_at_first_contact: the first response was the answer itself, which tells an outcome, not a next step.
    --  delays: expected dates moved later; announced: before the date they replaced (or the resolution deadline,
    --    when none was promised) had passed (CustomerUpdatesService.changeExpectedDate).
    SELECT cohort.idx, cohort.id, cohort.first_response_decided,
           coalesce(bool_or(e.type = 'acknowledged'
                            AND nullif(btrim(e.data->>'nextSteps'), '') IS NOT NULL
                            AND e.data->>'expectedResolutionBy' IS NOT NULL), false) AS told,
           coalesce(bool_or(e.type = 'resolved' AND (e.data->>'atFirstContact')::boolean), false) AS answered_at_first_contact,
           count(e.id) FILTER (WHERE e.type = 'expected_date_changed' AND (e.data->>'later')::boolean) AS delays,
           count(e.id) FILTER (WHERE e.type = 'expected_date_changed' AND (e.data->>'later')::boolean
                                 AND (e.data->>'announcedBeforeDeadline')::boolean) AS announced
      FROM cohort
      LEFT JOIN complaint_events e ON e.complaint_id = cohort.id AND e.type IN ('acknowledged', 'resolved', 'expected_date_changed')
     GROUP BY cohort.idx, cohort.id, cohort.first_response_decided
  ),
  figures AS (
    -- Owed a next step and a date: the first response is given or overdue, and was not the answer itself.
    SELECT p.idx,
           count(s.id) FILTER (WHERE s.first_response_decided AND NOT s.answered_at_first_contact) AS owed,
           count(s.id) FILTER (WHERE s.first_response_decided AND NOT s.answered_at_first_contact AND s.told) AS told,
           coalesce(sum(s.delays), 0) AS delays,
           coalesce(sum(s.announced), 0) AS announced
      FROM periods p
      LEFT JOIN said s ON s.idx = p.idx
     GROUP BY p.idx
  )
  SELECT ${ratio('told', 'owed')} AS "toldNextStepAndDate",
         ${ratio('announced', 'delays')} AS "delaysAnnouncedBeforeDeadline"
    FROM figures
   ORDER BY idx`;

const PREVENT_RECURRENCE = `
  WITH ${PERIODS},
  closing AS (
    -- Answered and standing: resolved or closed. A reopened complaint waits for its new answer; closing needs a root
    -- cause (PreventRecurrenceService.close), so every closed complaint has one.
    SELECT p.idx,
           count(c.id) FILTER (WHERE c.status IN ('resolved', 'closed')) AS answered,
           count(c.id) FILTER (WHERE c.status = 'closed' AND c.root_cause_code IS NOT NULL) AS closed,
           count(c.id) FILTER (WHERE c.status = 'closed' AND c.prevention_action_id IS NOT NULL) AS with_action,
           count(c.id) FILTER (WHERE c.status = 'closed' AND c.no_systemic_cause_justification IS NOT NULL) AS no_systemic_cause
      FROM periods p
      LEFT JOIN complaints c ON ${RECEIVED_IN_PERIOD}
     GROUP BY p.idx
  ),
  done AS (
    -- prevention_actions is small (one row per agreed change, not per complaint): no index on done_at is needed.
    SELECT p.idx,
           count(pa.id) AS done,
           count(pa.id) FILTER (WHERE pa.done_at <= pa.due_at) AS on_time
      FROM periods p
      LEFT JOIN prevention_actions pa ON pa.done_at >= p.period_from AND pa.done_at < p.period_to
     GROUP BY p.idx
  ),
  recurrence AS (
    -- The same problem as the action's (its cause, and its category when it names one: the effectiveness check's
    -- definition) received in the period after the action was done. A complaint matching two actions counts once.
    SELECT p.idx,
           count(DISTINCT pa.id) AS fixed,
           count(DISTINCT pa.id) FILTER (WHERE c.id IS NOT NULL) AS recurred,
           count(DISTINCT c.id) AS complaints
      FROM periods p
      LEFT JOIN prevention_actions pa ON pa.done_at < p.period_to
      LEFT JOIN complaints c
             ON ${matchingComplaintsSql({ causeCode: 'pa.cause_code', categoryId: 'pa.category_id', from: 'greatest(p.period_from, pa.done_at)', to: 'p.period_to' })}
     GROUP BY p.idx
  )
  SELECT ${ratio('cl.closed', 'cl.answered')} AS "closedWithRootCause",
         cl.with_action::int AS "closedWithPreventionAction",
         cl.no_systemic_cause::int AS "closedNoSystemicCause",
         ${ratio('d.on_time', 'd.done')} AS "actionsDoneOnTime",
         jsonb_build_object('complaints', r.complaints, 'actions', ${ratio('r.recurred', 'r.fixed')}) AS recurrence
    FROM closing cl
    JOIN done d ON d.idx = cl.idx
    JOIN recurrence r ON r.idx = cl.idx
   ORDER BY cl.idx`;

const REFUSALS = `
  WITH ${PERIODS},
  ${cohort('c.id')},
  answers AS (
    -- Every answer, a second one after a dispute included: each is a decision the customer received.
    SELECT cohort.idx,
           count(*) AS resolutions,
           count(*) FILTER (WHERE r.outcome <> 'upheld') AS refusals,
           count(*) FILTER (WHERE r.outcome = 'not_upheld') AS not_upheld,
           count(*) FILTER (WHERE r.outcome = 'partially_upheld') AS partially_upheld,
           count(*) FILTER (WHERE r.outcome <> 'upheld' AND nullif(btrim(r.next_steps), '') IS NOT NULL) AS with_next_steps,
           count(*) FILTER (WHERE r.outcome <> 'upheld' AND nullif(btrim(r.alternative_offered), '') IS NOT NULL) AS with_alternative
      FROM cohort
      JOIN resolutions r ON r.complaint_id = cohort.id
     GROUP BY cohort.idx
  ),
  disputes AS (
    -- The disputed event records the outcome it disputes; only the latest answer can be disputed, and it reopens
    -- the complaint, so each refusal is disputed at most once.
    SELECT cohort.idx, count(*) AS disputed
      FROM cohort
      JOIN complaint_events e ON e.complaint_id = cohort.id
     WHERE e.type = 'disputed' AND e.data->>'outcome' IN ('partially_upheld', 'not_upheld')
     GROUP BY cohort.idx
  ),
  figures AS (
    SELECT p.idx,
           coalesce(a.resolutions, 0) AS resolutions,
           coalesce(a.refusals, 0) AS refusals,
           coalesce(a.not_upheld, 0) AS not_upheld,
           coalesce(a.partially_upheld, 0) AS partially_upheld,
           coalesce(a.with_next_steps, 0) AS with_next_steps,
           coalesce(a.with_alternative, 0) AS with_alternative,
           coalesce(d.disputed, 0) AS disputed
      FROM periods p
      LEFT JOIN answers a ON a.idx = p.idx
      LEFT JOIN disputes d ON d.idx = p.idx
  )
  SELECT resolutions::int AS resolutions,
         ${ratio('refusals', 'resolutions')} AS refusals,
         not_upheld::int AS "notUpheld",
         partially_upheld::int AS "partiallyUpheld",
         ${ratio('with_next_steps', 'refusals')} AS "withNextSteps",
         ${ratio('with_alternative', 'refusals')} AS "withAlternative",
         ${ratio('disputed', 'refusals')} AS disputed
    FROM figures
   ORDER BY idx`;

const VOLUME_AND_BREACHES = `
  WITH ${PERIODS},
  figures AS (
    SELECT p.idx,
           count(c.id) FILTER (WHERE c.type = 'complaint') AS complaints,
           count(c.id) FILTER (WHERE c.type = 'suggestion') AS suggestions,
           -- Answered late or overdue unanswered: the complement of firstResponse.onTime.
           count(c.id) FILTER (WHERE c.type = 'complaint' AND ${FIRST_RESPONSE_DECIDED} AND c.first_response_on_time IS NOT TRUE) AS first_response_breaches,
           -- Recorded once by the SLA sweep when the deadline passes while the complaint is open.
           count(c.id) FILTER (WHERE c.resolution_breached_at IS NOT NULL) AS resolution_breaches
      FROM periods p
      -- Suggestions too: volume counts them; they have no deadlines, so no breaches.
      LEFT JOIN complaints c ON c.received_at >= p.period_from AND c.received_at < p.period_to
     GROUP BY p.idx
  )
  SELECT jsonb_build_object('complaints', complaints, 'suggestions', suggestions, 'total', complaints + suggestions) AS volume,
         jsonb_build_object('firstResponse', first_response_breaches, 'resolution', ${ratio('resolution_breaches', 'complaints')}) AS breaches
    FROM figures
   ORDER BY idx`;

/** The KPIs of each period as they stand at `asOf`, computed from the tables, in the caller's transaction. */
export async function oracleSeries(manager: EntityManager, periods: readonly Period[], asOf: Date): Promise<PeriodKpisDto[]> {
  const parameters = [periods.map((p) => p.from), periods.map((p) => p.to), asOf];
  const run = <T>(sql: string): Promise<T[]> => manager.query(sql, parameters);
  const firstResponse = await run<FirstResponseKpisDto>(FIRST_RESPONSE);
  const empathy = await run<EmpathyKpisDto>(EMPATHY);
  const transparency = await run<TransparencyKpisDto>(TRANSPARENCY);
  const preventRecurrence = await run<PreventRecurrenceKpisDto>(PREVENT_RECURRENCE);
  const refusals = await run<RefusalKpisDto>(REFUSALS);
  const volumeAndBreaches = await run<{ volume: VolumeKpisDto; breaches: BreachKpisDto }>(VOLUME_AND_BREACHES);
  // Every statement answers one row per period in the periods' order, so the i-th rows belong together.
  return periods.map((period, i) => ({
    period: { from: period.from, to: period.to },
    kpis: {
      firstResponse: firstResponse[i],
      empathy: empathy[i],
      transparency: transparency[i],
      preventRecurrence: preventRecurrence[i],
      refusals: refusals[i],
      volume: volumeAndBreaches[i].volume,
      breaches: volumeAndBreaches[i].breaches,
    },
  }));
}
