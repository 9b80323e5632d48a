import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  BreachKpisDto,
  EmpathyKpisDto,
  FirstResponseKpisDto,
  PeriodKpisDto,
  PreventRecurrenceKpisDto,
  RefusalKpisDto,
  TransparencyKpisDto,
  VolumeKpisDto,
} from './dto/kpis.dto.js';
import type { Period } from './kpi-periods.js';

/*
 * The committee's KPIs, every figure computed in PostgreSQL from aggregates that triggers keep current in the
 * transaction of every change (migration AddKpiAggregates, where each counter is defined once): a quarter at a
 * million complaints reads a few thousand rows instead of the quarter's complaints with their events, messages,
 * answers and ratings. Formulas in docs/kpis.md, whose "Scale" section explains the aggregates.
 *
 * A figure about complaints belongs to the period in which the complaint was received, so it is summed from the
 * kpi_hours rows of the period's whole hours (UTC), plus what the complaints received in the parts of the period that
 * are not whole hours contribute, counted from the tables by the same functions the triggers use. Two things depend
 * on the moment asked rather than on a change, and are read from complaints: whether an unanswered complaint's
 * first-response deadline has passed (ix_complaints_unanswered_received holds the few unanswered), and recurrence
 * after a prevention action, whose window starts when the action was done (kpi_cause_days, by day, plus the partial
 * days from ix_complaints_cause_category_received). test/support/kpis-oracle.ts keeps the statements that computed
 * everything from the tables: a test checks both give the same figures.
 */

/** The counters of kpi_hours, in the migration's words. */
const COUNTERS = [
  'complaints',
  'suggestions',
  'answered',
  'on_time',
  'late_answered',
  'resolution_breaches',
  'standing',
  'closed_with_cause',
  'closed_with_action',
  'closed_no_systemic_cause',
  'owed_answered',
  'told_answered',
  'delays',
  'announced',
  'disputed',
  'messages',
  'warn_findings',
  'block_findings',
  'overridden',
  'csat_responses',
  'csat_sum',
  'csat_1',
  'csat_2',
  'csat_3',
  'csat_4',
  'csat_5',
  'nps_responses',
  'promoters',
  'passives',
  'detractors',
  'resolutions',
  'refusals',
  'not_upheld',
  'partially_upheld',
  'with_next_steps',
  'with_alternative',
] as const;

/**
 * The series' periods as rows (idx, period_from, period_to, as_of), from two arrays of bounds ($1, $2): periods of
 * any length, as meetings by a cron rule are not evenly spaced. as_of ($3) is the moment the figures describe (the
 * clock's now), for deadlines still running.
 */
const PERIODS = `periods AS (
  SELECT p.idx, p.period_from, p.period_to, $3::timestamptz AS as_of
    FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS p(period_from, period_to, idx)
)`;

/**
 * [whole_from, whole_to): the whole days (UTC) inside [from, to), empty when there are none. The rest of the range
 * is [from, least(whole_from, to)) and [greatest(whole_to, whole_from), to): the ends to read from the tables.
 */
const wholeDays = (from: string, to: string) =>
  `CASE WHEN date_trunc('day', ${from}, 'UTC') = ${from} THEN ${from} ELSE date_trunc('day', ${from}, 'UTC') + interval '1 day' END AS whole_from,
         date_trunc('day', ${to}, 'UTC') AS whole_to`;

/** numerator / denominator to 4 decimals; null, not 0, when there is nothing to divide by. */
const share = (numerator: string, denominator: string) => `round((${numerator})::numeric / nullif(${denominator}, 0), 4)::float8`;

/** A RatioDto: { count, of, share }. */
const ratio = (numerator: string, denominator: string) =>
  `jsonb_build_object('count', ${numerator}, 'of', ${denominator}, 'share', ${share(numerator, denominator)})`;

const FIRST_RESPONSE_HOURS = `extract(epoch FROM c.first_responded_at - c.received_at)::float8 / 3600`;

const COMPLAINT_BLOCKS = `
  WITH ${PERIODS},
  -- Each period's whole hours [whole_from, whole_to) ($4, $5; wholeHours).
  spans AS (
    SELECT p.*, h.whole_from, h.whole_to
      FROM periods p JOIN unnest($4::timestamptz[], $5::timestamptz[]) WITH ORDINALITY AS h(whole_from, whole_to, idx) ON h.idx = p.idx
  ),
  -- The complaints received in the ends of each period outside them ($6, $7; edgeComplaints): at most an hour's at
  -- each end. Found beforehand, not joined here, so that the planner knows how few they are.
  edges AS (SELECT e.idx, e.id FROM unnest($6::bigint[], $7::uuid[]) AS e(idx, id)),
  counted AS (
    SELECT s.idx, k.* FROM spans s JOIN kpi_hours k ON k.hour >= s.whole_from AND k.hour < s.whole_to
    UNION ALL
    SELECT e.idx, k.* FROM edges e JOIN complaints c ON c.id = e.id, LATERAL kpi_complaint_flags(c.id, '{}') t, kpi_complaint_counts(c, t.told, t.at_first_contact) k
    UNION ALL
    SELECT e.idx, k.* FROM edges e JOIN complaint_events x ON x.complaint_id = e.id AND x.type IN ('expected_date_changed', 'disputed'), kpi_event_counts(x) k
    UNION ALL
    SELECT e.idx, k.* FROM edges e JOIN outbox_messages x ON x.complaint_id = e.id, kpi_message_counts(x) k
    UNION ALL
    SELECT e.idx, k.* FROM edges e JOIN customer_feedback x ON x.complaint_id = e.id, kpi_feedback_counts(x) k
    UNION ALL
    SELECT e.idx, k.* FROM edges e JOIN resolutions x ON x.complaint_id = e.id, kpi_resolution_counts(x) k
  ),
  sums AS (
    SELECT idx, ${COUNTERS.map((n) => `sum(${n}) AS ${n}`).join(', ')} FROM counted GROUP BY idx
  ),
  first_responses AS (
    -- One sort per period for both percentiles (a quarter at a million complaints: 230,000 times).
    SELECT s.idx, f.percentiles[1] AS median_hours, f.percentiles[2] AS p90_hours
      FROM spans s,
           LATERAL (
             SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY hours) AS percentiles
               FROM (
                 SELECT h.hours FROM kpi_hours k, unnest(k.first_response_hours) AS h(hours) WHERE k.hour >= s.whole_from AND k.hour < s.whole_to
                 UNION ALL
                 SELECT ${FIRST_RESPONSE_HOURS} FROM edges e JOIN complaints c ON c.id = e.id
                  WHERE e.idx = s.idx AND c.type = 'complaint' AND c.first_responded_at IS NOT NULL
               ) answered
           ) f
  ),
  unanswered AS (
    -- Unanswered complaints whose deadline has passed: a question to the customer stops the clock, so a paused one
    -- is measured at the moment the pause began. Still within the deadline: neither on time nor late yet.
    SELECT s.idx,
           count(*) FILTER (WHERE d.decided) AS decided,
           count(*) FILTER (WHERE d.decided AND c.first_response_on_time IS NOT TRUE) AS late,
           count(*) FILTER (WHERE d.decided AND NOT t.at_first_contact) AS owed,
           count(*) FILTER (WHERE d.decided AND NOT t.at_first_contact AND t.told) AS told
      FROM spans s
      JOIN complaints c ON c.type = 'complaint' AND c.first_responded_at IS NULL AND c.received_at >= s.period_from AND c.received_at < s.period_to,
           LATERAL (SELECT c.first_response_due_at < coalesce(c.paused_at, s.as_of) AS decided) d,
           LATERAL kpi_complaint_flags(c.id, '{}') t
     GROUP BY s.idx
  ),
  figures AS (
    SELECT p.idx, ${COUNTERS.map((n) => `coalesce(s.${n}, 0) AS ${n}`).join(', ')},
           f.median_hours, f.p90_hours,
           coalesce(u.decided, 0) AS open_decided, coalesce(u.late, 0) AS open_late, coalesce(u.owed, 0) AS open_owed, coalesce(u.told, 0) AS open_told
      FROM periods p
      LEFT JOIN sums s ON s.idx = p.idx
      LEFT JOIN first_responses f ON f.idx = p.idx
      LEFT JOIN unanswered u ON u.idx = p.idx
  )
  SELECT jsonb_build_object(
           'answered', answered,
           'medianHours', round(median_hours::numeric, 2)::float8,
           'p90Hours', round(p90_hours::numeric, 2)::float8,
           'onTime', ${ratio('on_time', 'answered + open_decided')}
         ) AS "firstResponse",
         jsonb_build_object(
           'messages', messages,
           'warnFindings', warn_findings,
           'overriddenBlockFindings', block_findings,
           'findingsPerMessage', ${share('warn_findings + block_findings', 'messages')},
           'overriddenMessages', ${ratio('overridden', 'messages')},
           'csat', jsonb_build_object(
             'responses', csat_responses,
             'average', round(csat_sum::numeric / nullif(csat_responses, 0), 2)::float8,
             'distribution', jsonb_build_object('1', csat_1, '2', csat_2, '3', csat_3, '4', csat_4, '5', csat_5)
           ),
           'nps', jsonb_build_object(
             'responses', nps_responses,
             'promoters', promoters,
             'passives', passives,
             'detractors', detractors,
             'score', round(100 * (promoters - detractors)::numeric / nullif(nps_responses, 0), 1)::float8
           )
         ) AS empathy,
         jsonb_build_object(
           'toldNextStepAndDate', ${ratio('told_answered + open_told', 'owed_answered + open_owed')},
           'delaysAnnouncedBeforeDeadline', ${ratio('announced', 'delays')}
         ) AS transparency,
         jsonb_build_object(
           'closedWithRootCause', ${ratio('closed_with_cause', 'standing')},
           'closedWithPreventionAction', closed_with_action,
           'closedNoSystemicCause', closed_no_systemic_cause
         ) AS "preventRecurrence",
         jsonb_build_object(
           'resolutions', resolutions,
           'refusals', ${ratio('refusals', 'resolutions')},
           'notUpheld', not_upheld,
           'partiallyUpheld', partially_upheld,
           'withNextSteps', ${ratio('with_next_steps', 'refusals')},
           'withAlternative', ${ratio('with_alternative', 'refusals')},
           'disputed', ${ratio('disputed', 'refusals')}
         ) AS refusals,
         jsonb_build_object('complaints', complaints, 'suggestions', suggestions, 'total', complaints + suggestions) AS volume,
         jsonb_build_object('firstResponse', late_answered + open_late, 'resolution', ${ratio('resolution_breaches', 'complaints')}) AS breaches
    FROM figures
   ORDER BY idx`;

/** Complaints of `w`'s cause and category received in [from, to), straight from the table (a partial day). */
const causeComplaints = (from: string, to: string) => `(SELECT count(*) FROM complaints c
      WHERE c.type = 'complaint' AND c.root_cause_code = w.cause_code AND c.category_id = w.category_id AND c.received_at >= ${from} AND c.received_at < ${to})`;

const PREVENTION_ACTIONS = `
  WITH ${PERIODS},
  done AS (
    -- prevention_actions is small (one row per agreed change, not per complaint): no index on done_at is needed.
    SELECT p.idx,
           count(pa.id) AS done,
           count(pa.id) FILTER (WHERE pa.done_at <= pa.due_at) AS on_time
      FROM periods p
      LEFT JOIN prevention_actions pa ON pa.done_at >= p.period_from AND pa.done_at < p.period_to
     GROUP BY p.idx
  ),
  watched AS (
    -- The same problem as the action's (its cause, and its category when it names one: the effectiveness check's
    -- definition, matchingComplaintsSql) received in the period after the action was done: one row per action and
    -- category it watches, every category of its cause when it names none.
    SELECT p.idx, pa.id, pa.cause_code, cat.id AS category_id, greatest(p.period_from, pa.done_at) AS starts, p.period_to
      FROM periods p
      JOIN prevention_actions pa ON pa.done_at < p.period_to
      JOIN categories cat ON cat.id = pa.category_id OR pa.category_id IS NULL
  ),
  windows AS (
    -- Most actions were done before the period and share its start: each window is counted once.
    SELECT DISTINCT w.cause_code, w.category_id, w.starts, w.period_to FROM watched w
  ),
  counted AS (
    SELECT w.cause_code, w.category_id, w.starts, w.period_to,
           ${causeComplaints('w.starts', 'least(b.whole_from, w.period_to)')}
           + (SELECT coalesce(sum(k.complaints), 0) FROM kpi_cause_days k
               WHERE k.cause_code = w.cause_code AND k.category_id = w.category_id AND k.day >= b.whole_from AND k.day < b.whole_to)
           + ${causeComplaints('greatest(b.whole_to, b.whole_from)', 'w.period_to')} AS complaints
      FROM windows w, LATERAL (SELECT ${wholeDays('w.starts', 'w.period_to')}) b
  ),
  actions AS (
    SELECT w.idx, w.id, sum(n.complaints) > 0 AS recurred
      FROM watched w JOIN counted n USING (cause_code, category_id, starts, period_to)
     GROUP BY w.idx, w.id
  ),
  recurring AS (
    -- A complaint matching two actions counts once: per cause and category, from the earliest start among them.
    SELECT DISTINCT ON (w.idx, w.cause_code, w.category_id) w.idx, n.complaints
      FROM watched w JOIN counted n USING (cause_code, category_id, starts, period_to)
     ORDER BY w.idx, w.cause_code, w.category_id, w.starts
  ),
  recurrence AS (
    SELECT p.idx,
           (SELECT count(*) FROM actions a WHERE a.idx = p.idx) AS fixed,
           (SELECT count(*) FROM actions a WHERE a.idx = p.idx AND a.recurred) AS recurred,
           (SELECT coalesce(sum(r.complaints), 0) FROM recurring r WHERE r.idx = p.idx) AS complaints
      FROM periods p
  )
  SELECT ${ratio('d.on_time', 'd.done')} AS "actionsDoneOnTime",
         jsonb_build_object('complaints', r.complaints, 'actions', ${ratio('r.recurred', 'r.fixed')}) AS recurrence
    FROM done d
    JOIN recurrence r ON r.idx = d.idx
   ORDER BY d.idx`;

type ComplaintBlocks = {
  firstResponse: FirstResponseKpisDto;
  empathy: EmpathyKpisDto;
  transparency: TransparencyKpisDto;
  preventRecurrence: Omit<PreventRecurrenceKpisDto, 'actionsDoneOnTime' | 'recurrence'>;
  refusals: RefusalKpisDto;
  volume: VolumeKpisDto;
  breaches: BreachKpisDto;
};

@Injectable()
export class KpisRepository {
  /**
   * The KPIs of each period as they stand at `asOf`, in the caller's transaction (the service uses one snapshot, so
   * the statements agree with each other). Periods are [from, to), checked by the caller (checkSeries).
   */
  async series(manager: EntityManager, periods: readonly Period[], asOf: Date): Promise<PeriodKpisDto[]> {
    const parameters = [periods.map((p) => p.from), periods.map((p) => p.to), asOf];
    const whole = periods.map(wholeHours);
    const edges = await this.edgeComplaints(manager, periods, whole);
    // The sort of the first-response times stays in memory (a quarter's at a million complaints need about 20 MB).
    await manager.query(`SELECT set_config('work_mem', '64MB', true)`);
    const blocks: ComplaintBlocks[] = await manager.query(COMPLAINT_BLOCKS, [
      ...parameters,
      whole.map((w) => w.from),
      whole.map((w) => w.to),
      edges.map((e) => e.idx),
      edges.map((e) => e.id),
    ]);
    const actions: Pick<PreventRecurrenceKpisDto, 'actionsDoneOnTime' | 'recurrence'>[] = await manager.query(PREVENTION_ACTIONS, parameters);
    // Both blocks' statements answer one row per period in the periods' order, so the i-th rows belong together.
    return periods.map((period, i) => {
      const { preventRecurrence, ...kpis } = blocks[i];
      return { period: { from: period.from, to: period.to }, kpis: { ...kpis, preventRecurrence: { ...preventRecurrence, ...actions[i] } } };
    });
  }

  /**
   * Folds the delta rows of up to `hours` hours into one row each, in the caller's transaction; answers how many hours
   * it folded. Rows a concurrent transaction adds meanwhile are not in this statement's snapshot, so they stay for the
   * next run: nothing is counted twice or lost, and the figures read the same before and after.
   */
  async compact(manager: EntityManager, hours: number): Promise<number> {
    const [row] = await manager.query(
      `WITH due AS (SELECT hour FROM kpi_hours GROUP BY hour HAVING count(*) > 1 ORDER BY hour LIMIT $1),
            folded AS (DELETE FROM kpi_hours k USING due WHERE k.hour = due.hour RETURNING k.*),
            sums AS (SELECT hour, ${COUNTERS.map((n) => `sum(${n})::int AS ${n}`).join(', ')} FROM folded GROUP BY hour),
            times AS (SELECT hour, array_agg(h.hours) AS first_response_hours FROM folded, unnest(first_response_hours) AS h(hours) GROUP BY hour),
            inserted AS (
              INSERT INTO kpi_hours (hour, ${COUNTERS.join(', ')}, first_response_hours)
              SELECT s.hour, ${COUNTERS.map((n) => `s.${n}`).join(', ')}, t.first_response_hours FROM sums s LEFT JOIN times t ON t.hour = s.hour
              RETURNING 1
            )
       SELECT count(*)::int AS hours FROM inserted`,
      [hours],
    );
    return row.hours;
  }

  /**
   * The complaints received in each period outside its whole hours, as (idx, id), idx counting periods from 1: one
   * range of ix_complaints_received per end, with constant bounds so that the planner sees how few rows each holds.
   */
  private async edgeComplaints(manager: EntityManager, periods: readonly Period[], whole: readonly Period[]): Promise<{ idx: number; id: string }[]> {
    const ranges = periods.flatMap((p, i) => [
      { idx: i + 1, from: p.from, to: whole[i].from < p.to ? whole[i].from : p.to },
      { idx: i + 1, from: whole[i].to > whole[i].from ? whole[i].to : whole[i].from, to: p.to },
    ]).filter((r) => r.from < r.to);
    if (ranges.length === 0) return [];
    const sql = ranges
      .map((_, i) => `SELECT ${ranges[i].idx} AS idx, id FROM complaints WHERE received_at >= $${2 * i + 1} AND received_at < $${2 * i + 2}`)
      .join(' UNION ALL ');
    return manager.query(sql, ranges.flatMap((r) => [r.from, r.to]));
  }
}

const HOUR_MS = 3_600_000;

/** The whole hours (UTC) inside [from, to) as [from, to); empty (from >= to) when there are none. */
function wholeHours(period: Period): Period {
  return { from: new Date(Math.ceil(period.from.getTime() / HOUR_MS) * HOUR_MS), to: new Date(Math.floor(period.to.getTime() / HOUR_MS) * HOUR_MS) };
}
