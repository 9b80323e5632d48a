import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { ResolutionOutcome } from '../complaints/complaint.entity.js';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';
import { matchingComplaintsSql, UNFINISHED_SQL } from '../prevention/prevention-actions.repository.js';
import { SimilarComplaintsRepository, type ThemeCount } from '../similar-complaints/similar-complaints.repository.js';
import type { AgendaActionState, AgendaHandoffRoute, AgendaHandoffWait, EffectivenessVerdict, SlaStage } from './agenda-content.js';
import type { CustomerIdentity } from '../privacy/redaction.js';

/*
 * The SQL behind sections 2-7 of the committee agenda (PRODUCT.md, "Committee agenda"; issue 5). Every aggregate is
 * computed by PostgreSQL and every list is LIMITed there: an agenda over a million complaints loads a few hundred
 * rows into Node, never the complaints. The rows are raw: quoted texts still carry what the customer and staff wrote,
 * with the customer's contact data beside them, because the redaction needs to know what to remove. Only the agenda
 * builder (agenda-builder.ts) turns them into content; nothing here is shown as it is.
 *
 * No staff id and no staff name is selected anywhere: handoffs.to_assignee_id and complaint_events.actor_id stay in
 * the database; owners are departments.
 */

/** How many items each list holds at most. Enough to discuss in one meeting; the totals count all of them. */
export const AGENDA_LIMITS = {
  topThemes: 10,
  risingThemes: 10,
  recurringProblems: 10,
  actionsPerProblem: 5,
  preventionActions: 30,
  handoffRoutes: 15,
  refusalSample: 10,
  suggestions: 20,
} as const;

/**
 * A category × root cause is a recurring problem when it has complaints in the period and at least this many across
 * the period and the one before: it happened now, and not for the first time.
 */
export const RECURRING_MIN_COMPLAINTS = 2;

export interface AgendaSectionsQuery {
  /** The agenda's period, [from, to); themes compare it with the period of the same length just before. */
  from: Date;
  to: Date;
  /** Generation time: a prevention action is overdue when its due date has passed by now. */
  now: Date;
  /**
   * Unfinished prevention actions due before this instant are listed as due: typically the meeting after this one,
   * so the committee sees what falls due before it meets again.
   */
  dueBefore: Date;
}

export interface ThemeRow extends ThemeCount {
  causeName: string | null;
}

export interface EffectivenessCheckRow {
  verdict: EffectivenessVerdict;
  reductionPct: number | null;
  checkedAt: Date;
}

export interface ProblemActionRow {
  id: string;
  title: string;
  status: PreventionActionStatus;
  ownerDepartment: string;
  allCategories: boolean;
  dueAt: Date;
  doneAt: Date | null;
  targetReductionPct: number;
  lastCheck: EffectivenessCheckRow | null;
  complaintsAfterDone: number | null;
}

export interface RecurringProblemRow {
  categoryCode: string;
  categoryName: string;
  causeCode: string;
  causeName: string;
  count: number;
  previousCount: number;
  actions: ProblemActionRow[];
}

export interface PreventionActionRow {
  id: string;
  state: AgendaActionState;
  title: string;
  description: string;
  status: PreventionActionStatus;
  ownerDepartment: string;
  categoryName: string | null;
  causeCode: string;
  causeName: string;
  dueAt: Date;
  doneAt: Date | null;
  verificationDueAt: Date | null;
  lastCheck: EffectivenessCheckRow | null;
}

export interface SlaBreachRow {
  stage: SlaStage;
  department: string;
  breaches: number;
  /** Breaches of the stage over every department (a window sum over the grouped rows). */
  stageTotal: number;
}

export interface RefusalRow {
  reference: string;
  categoryName: string;
  outcome: Exclude<ResolutionOutcome, 'upheld'>;
  resolvedAt: Date;
  summary: string;
  refusalReason: string;
  nextSteps: string;
  alternativeOffered: string | null;
  customerMessage: string;
  disputed: boolean;
  csat: number | null;
  /** For the redaction only. */
  customer: CustomerIdentity;
}

export interface SuggestionRow {
  reference: string;
  categoryName: string;
  receivedAt: Date;
  status: ComplaintStatus;
  summary: string;
  description: string;
  /** For the redaction only. */
  customer: CustomerIdentity;
}

/** What the agenda builder needs of the database for sections 2-7. */
export interface AgendaSectionsData {
  themes: { top: ThemeRow[]; rising: ThemeRow[] };
  recurringProblems: RecurringProblemRow[];
  preventionActions: { totals: { overdue: number; due: number; awaitingVerification: number }; items: PreventionActionRow[] };
  slaBreaches: SlaBreachRow[];
  handoffWaits: { overall: AgendaHandoffWait; routes: AgendaHandoffRoute[] };
  refusals: { total: number; sample: RefusalRow[] };
  suggestions: { total: number; byCategory: { categoryName: string; count: number }[]; items: SuggestionRow[] };
}

/** Hours of the clock a handoff waited for the receiving department's first action. */
const WAIT_HOURS = `extract(epoch FROM h.first_action_at - h.handed_off_at) / 3600`;
/** The wait ended within the period ($2 is its end); never null, so NOT works on it. */
const WAIT_ENDED = `(h.first_action_at IS NOT NULL AND h.first_action_at < $2)`;
/** The same figures for every route and for all handoffs together. */
const WAIT_FIGURES = `count(*)::int AS handoffs,
              count(*) FILTER (WHERE NOT ${WAIT_ENDED})::int AS "stillWaiting",
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${WAIT_HOURS}) FILTER (WHERE ${WAIT_ENDED}))::numeric, 1)::float8 AS "medianHours",
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${WAIT_HOURS}) FILTER (WHERE ${WAIT_ENDED}))::numeric, 1)::float8 AS "p90Hours"`;

/** The latest effectiveness check of the action aliased `pa`, as one JSON value (null without a check). */
const LAST_CHECK_JSON = `(SELECT json_build_object('verdict', ec.verdict, 'reductionPct', ec.reduction_pct::float8, 'checkedAt', ec.checked_at)
           FROM effectiveness_checks ec
          WHERE ec.prevention_action_id = pa.id
          ORDER BY ec.checked_at DESC, ec.id DESC
          LIMIT 1)`;

interface JsonCheck {
  verdict: EffectivenessVerdict;
  reductionPct: number | null;
  checkedAt: string;
}

/** json_build_object spells instants as text: back to Date, like the rest of the rows. */
const checkFromJson = (check: JsonCheck | null): EffectivenessCheckRow | null =>
  check ? { verdict: check.verdict, reductionPct: check.reductionPct, checkedAt: new Date(check.checkedAt) } : null;

const customerOf = (row: { customerName: string | null; customerEmail: string | null; customerPhone: string | null }): CustomerIdentity => ({
  name: row.customerName,
  email: row.customerEmail,
  phone: row.customerPhone,
});

@Injectable()
export class AgendaSectionsRepository {
  constructor(private readonly similarComplaints: SimilarComplaintsRepository) {}

  /**
   * Every section's data. Inside the caller's transaction when there is one; otherwise in a REPEATABLE READ
   * transaction of its own, so that all sections are read from one snapshot and agree with each other (a refusal
   * given during generation is in both the refusal count and the themes, or in neither).
   */
  async loadSections(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData> {
    if (query.from.getTime() >= query.to.getTime()) throw new RangeError('The agenda period must end after it starts');
    if (manager.queryRunner?.isTransactionActive) return this.read(manager, query);
    return manager.transaction('REPEATABLE READ', (tx) => this.read(tx, query));
  }

  private async read(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData> {
    // One after the other: a transaction is one connection, which runs one statement at a time anyway.
    const themes = await this.themes(manager, query);
    const recurringProblems = await this.recurringProblems(manager, query);
    const preventionActions = await this.preventionActions(manager, query);
    const slaBreaches = await this.slaBreaches(manager, query);
    const handoffWaits = await this.handoffWaits(manager, query);
    const refusals = await this.refusals(manager, query);
    const suggestions = await this.suggestions(manager, query);
    return { themes, recurringProblems, preventionActions, slaBreaches, handoffWaits, refusals, suggestions };
  }

  /** Every staff member's name, for the redaction: names only, never ids. */
  /**
   * 2. Top and rising themes: the rising-themes query of similar complaints, so the agenda and GET /api/themes never
   * disagree. It returns one row per category × cause seen in either period: bounded by the taxonomy, not by the
   * number of complaints, so picking the top ones here costs nothing.
   */
  async themes(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData['themes']> {
    const span = query.to.getTime() - query.from.getTime();
    const counts = await this.similarComplaints.countThemes(manager, { previousFrom: new Date(query.from.getTime() - span), from: query.from, to: query.to });
    const causes: { code: string; name: string }[] = await manager.query(`SELECT code, name FROM root_causes`);
    const causeNames = new Map(causes.map((cause) => [cause.code, cause.name]));
    const named = counts.map((theme) => ({ ...theme, causeName: theme.causeCode === null ? null : (causeNames.get(theme.causeCode) ?? theme.causeCode) }));
    const top = named
      .filter((theme) => theme.count > 0)
      // countThemes orders by change; the top list by size, with the same tie-breakers.
      .sort((a, b) => b.count - a.count || b.change - a.change || compare(a.categoryCode, b.categoryCode) || compareNullsLast(a.causeCode, b.causeCode))
      .slice(0, AGENDA_LIMITS.topThemes);
    const rising = named.filter((theme) => theme.change > 0).slice(0, AGENDA_LIMITS.risingThemes);
    return { top, rising };
  }

  /**
   * 3. Recurring problems: category × recorded root cause with complaints in the period and at least
   * RECURRING_MIN_COMPLAINTS across it and the period before, most frequent first; each with the prevention actions
   * for that cause (in its category or in every category, as the effectiveness check matches them), newest first,
   * their latest effectiveness verdict, and how many of this period's complaints came after the action was done.
   * The complaints are read through ix_complaints_received; the counts after done through
   * ix_complaints_root_cause_received.
   */
  async recurringProblems(manager: EntityManager, query: AgendaSectionsQuery): Promise<RecurringProblemRow[]> {
    const span = query.to.getTime() - query.from.getTime();
    type Row = Omit<RecurringProblemRow, 'actions'> & {
      actions: (Omit<ProblemActionRow, 'dueAt' | 'doneAt' | 'lastCheck'> & { dueAt: string; doneAt: string | null; lastCheck: JsonCheck | null })[];
    };
    const rows: Row[] = await manager.query(
      `WITH problems AS (
         SELECT c.category_id, c.root_cause_code AS cause_code,
                count(*) FILTER (WHERE c.received_at >= $2)::int AS count,
                count(*) FILTER (WHERE c.received_at < $2)::int AS previous_count
           FROM complaints c
          WHERE c.type = 'complaint'
            AND c.root_cause_code IS NOT NULL
            AND c.received_at >= $1 AND c.received_at < $3
          GROUP BY c.category_id, c.root_cause_code
         HAVING count(*) FILTER (WHERE c.received_at >= $2) > 0
            AND count(*) >= $4
       ), top AS (
         -- Limited before the actions are looked up, so they are looked up for the listed problems only.
         SELECT p.*, cat.code AS category_code, cat.name AS category_name, rc.name AS cause_name
           FROM problems p
           JOIN categories cat ON cat.id = p.category_id
           JOIN root_causes rc ON rc.code = p.cause_code
          ORDER BY p.count DESC, p.previous_count DESC, cat.code, p.cause_code
          LIMIT $5
       )
       SELECT p.category_code AS "categoryCode", p.category_name AS "categoryName", p.cause_code AS "causeCode", p.cause_name AS "causeName",
              p.count, p.previous_count AS "previousCount",
              coalesce((
                SELECT json_agg(a ORDER BY a."createdAt" DESC, a.id)
                  FROM (SELECT pa.id, pa.title, pa.status, d.name AS "ownerDepartment", pa.category_id IS NULL AS "allCategories",
                               pa.due_at AS "dueAt", pa.done_at AS "doneAt", pa.target_reduction_pct AS "targetReductionPct",
                               pa.created_at AS "createdAt",
                               ${LAST_CHECK_JSON} AS "lastCheck",
                               CASE WHEN pa.done_at IS NULL THEN NULL ELSE (
                                 SELECT count(*)::int FROM complaints c
                                  WHERE ${matchingComplaintsSql({ causeCode: 'pa.cause_code', categoryId: 'pa.category_id', from: 'greatest(pa.done_at, $2)', to: '$3' })}
                               ) END AS "complaintsAfterDone"
                          FROM prevention_actions pa
                          JOIN departments d ON d.id = pa.owner_department_id
                         WHERE pa.cause_code = p.cause_code
                           AND (pa.category_id IS NULL OR pa.category_id = p.category_id)
                         ORDER BY pa.created_at DESC, pa.id
                         LIMIT $6) a
              ), '[]'::json) AS actions
         FROM top p
        ORDER BY p.count DESC, p.previous_count DESC, p.category_code, p.cause_code`,
      [new Date(query.from.getTime() - span), query.from, query.to, RECURRING_MIN_COMPLAINTS, AGENDA_LIMITS.recurringProblems, AGENDA_LIMITS.actionsPerProblem],
    );
    return rows.map((row) => ({
      ...row,
      actions: row.actions.map(({ createdAt: _createdAt, ...action }: Row['actions'][number] & { createdAt?: string }) => ({
        ...action,
        dueAt: new Date(action.dueAt),
        doneAt: action.doneAt === null ? null : new Date(action.doneAt),
        lastCheck: checkFromJson(action.lastCheck),
      })),
    }));
  }

  /**
   * 4. Prevention actions the committee should ask about: unfinished and overdue at `now`, unfinished and due before
   * `dueBefore`, or done and awaiting their effectiveness check. Overdue first (longest overdue first), then due, then
   * awaiting verification (check due soonest first). The totals are window counts, taken before the LIMIT.
   */
  async preventionActions(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData['preventionActions']> {
    type Row = Omit<PreventionActionRow, 'lastCheck'> & { lastCheck: JsonCheck | null; overdueTotal: number; dueTotal: number; verifyingTotal: number };
    const rows: Row[] = await manager.query(
      `WITH listed AS (
         SELECT pa.*,
                CASE WHEN pa.status = 'verifying' THEN 'awaiting_verification'
                     WHEN pa.due_at < $1::timestamptz THEN 'overdue'
                     ELSE 'due' END AS state
           FROM prevention_actions pa
          WHERE pa.status = 'verifying'
             OR (pa.status IN (${UNFINISHED_SQL}) AND pa.due_at < greatest($1::timestamptz, $2::timestamptz))
       ), shown AS (
         SELECT listed.*,
                (count(*) FILTER (WHERE state = 'overdue') OVER ())::int AS overdue_total,
                (count(*) FILTER (WHERE state = 'due') OVER ())::int AS due_total,
                (count(*) FILTER (WHERE state = 'awaiting_verification') OVER ())::int AS verifying_total
           FROM listed
          ORDER BY CASE state WHEN 'overdue' THEN 0 WHEN 'due' THEN 1 ELSE 2 END,
                   CASE WHEN state = 'awaiting_verification' THEN verification_due_at ELSE due_at END,
                   id
          LIMIT $3
       )
       SELECT pa.id, pa.state, pa.title, pa.description, pa.status, d.name AS "ownerDepartment", cat.name AS "categoryName",
              pa.cause_code AS "causeCode", rc.name AS "causeName", pa.due_at AS "dueAt", pa.done_at AS "doneAt",
              pa.verification_due_at AS "verificationDueAt",
              ${LAST_CHECK_JSON} AS "lastCheck",
              pa.overdue_total AS "overdueTotal", pa.due_total AS "dueTotal", pa.verifying_total AS "verifyingTotal"
         FROM shown pa
         JOIN departments d ON d.id = pa.owner_department_id
         JOIN root_causes rc ON rc.code = pa.cause_code
         LEFT JOIN categories cat ON cat.id = pa.category_id
        ORDER BY CASE pa.state WHEN 'overdue' THEN 0 WHEN 'due' THEN 1 ELSE 2 END,
                 CASE WHEN pa.state = 'awaiting_verification' THEN pa.verification_due_at ELSE pa.due_at END,
                 pa.id`,
      [query.now, query.dueBefore, AGENDA_LIMITS.preventionActions],
    );
    const totals = rows[0]
      ? { overdue: rows[0].overdueTotal, due: rows[0].dueTotal, awaitingVerification: rows[0].verifyingTotal }
      : { overdue: 0, due: 0, awaitingVerification: 0 };
    return {
      totals,
      items: rows.map(({ overdueTotal: _o, dueTotal: _d, verifyingTotal: _v, lastCheck, ...row }) => ({ ...row, lastCheck: checkFromJson(lastCheck) })),
    };
  }

  /**
   * 5a. SLA breaches recorded in the period, by stage and by the department that held the complaint when the
   * deadline passed: the receiving department of the last handoff before the breach; before any handoff, the first
   * handoff's sender (the department that owned it from intake); without handoffs, the owning department. Both
   * lookups are served by ix_handoffs_complaint. Counting a department for a breach that happened after it handed
   * the complaint on would point the committee at the wrong stage of the process.
   *
   * The breach columns have no index: PostgreSQL scans complaints once per stage. Fine for a report generated a few
   * times a month; an index on each breach column would make it a range read.
   */
  async slaBreaches(manager: EntityManager, query: AgendaSectionsQuery): Promise<SlaBreachRow[]> {
    return manager.query(
      `WITH breaches AS (
         SELECT c.id, 'first_response' AS stage, c.first_response_breached_at AS breached_at, c.owning_department_id
           FROM complaints c
          WHERE c.first_response_breached_at >= $1 AND c.first_response_breached_at < $2
         UNION ALL
         SELECT c.id, 'resolution', c.resolution_breached_at, c.owning_department_id
           FROM complaints c
          WHERE c.resolution_breached_at >= $1 AND c.resolution_breached_at < $2
       ), held AS (
         SELECT b.stage,
                coalesce(
                  (SELECT h.to_department_id FROM handoffs h
                    WHERE h.complaint_id = b.id AND h.handed_off_at <= b.breached_at
                    ORDER BY h.handed_off_at DESC, h.id DESC LIMIT 1),
                  (SELECT h.from_department_id FROM handoffs h
                    WHERE h.complaint_id = b.id
                    ORDER BY h.handed_off_at, h.id LIMIT 1),
                  b.owning_department_id
                ) AS department_id
           FROM breaches b
       )
       SELECT held.stage, d.name AS department, count(*)::int AS breaches,
              (sum(count(*)) OVER (PARTITION BY held.stage))::int AS "stageTotal"
         FROM held
         JOIN departments d ON d.id = held.department_id
        GROUP BY held.stage, d.id
        ORDER BY held.stage, breaches DESC, d.name`,
      [query.from, query.to],
    );
  }

  /**
   * 5b. Time waiting in handoffs made in the period, from the handoff to the receiving department's first action, by
   * route (from → to department) and over all routes: median and 90th percentile of the waits that ended within the
   * period, and how many had not ended by its end (so the figures do not change when the agenda is generated again
   * later). Routes that wait longest (p90) first.
   */
  async handoffWaits(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData['handoffWaits']> {
    const [overall]: AgendaHandoffWait[] = await manager.query(
      `SELECT ${WAIT_FIGURES}
         FROM handoffs h
        WHERE h.handed_off_at >= $1 AND h.handed_off_at < $2`,
      [query.from, query.to],
    );
    const routes: AgendaHandoffRoute[] = await manager.query(
      `SELECT fd.name AS "fromDepartment", td.name AS "toDepartment",
              ${WAIT_FIGURES}
         FROM handoffs h
         JOIN departments fd ON fd.id = h.from_department_id
         JOIN departments td ON td.id = h.to_department_id
        WHERE h.handed_off_at >= $1 AND h.handed_off_at < $2
        GROUP BY fd.id, td.id
        ORDER BY "p90Hours" DESC NULLS LAST, handoffs DESC, fd.name, td.name
        LIMIT $3`,
      [query.from, query.to, AGENDA_LIMITS.handoffRoutes],
    );
    return { overall, routes };
  }

  /**
   * 6. Refusals (anything short of upheld) given in the period: how many, and a sample with their wording. The
   * sample is ordered by a hash of the resolution id: spread over the whole period rather than its first days,
   * and the same every time the agenda is generated again. `disputed`: the customer disputed this answer (a dispute
   * event after it and before the complaint's next resolution).
   */
  async refusals(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData['refusals']> {
    type Row = Omit<RefusalRow, 'customer'> & { total: number; customerName: string; customerEmail: string | null; customerPhone: string | null };
    const rows: Row[] = await manager.query(
      `WITH sample AS (
         SELECT r.*, (count(*) OVER ())::int AS total
           FROM resolutions r
          WHERE r.outcome <> 'upheld'
            AND r.resolved_at >= $1 AND r.resolved_at < $2
          ORDER BY md5(r.id::text), r.id
          LIMIT $3
       )
       SELECT c.reference, cat.name AS "categoryName", s.outcome, s.resolved_at AS "resolvedAt", c.summary,
              s.refusal_reason AS "refusalReason", s.next_steps AS "nextSteps", s.alternative_offered AS "alternativeOffered",
              s.customer_message AS "customerMessage",
              EXISTS (
                SELECT 1 FROM complaint_events e
                 WHERE e.complaint_id = s.complaint_id
                   AND e.type = 'disputed'
                   AND e.occurred_at >= s.resolved_at
                   AND e.occurred_at < coalesce((SELECT n.resolved_at FROM resolutions n WHERE n.complaint_id = s.complaint_id AND n.number = s.number + 1), 'infinity')
              ) AS disputed,
              fb.csat::int AS csat,
              s.total,
              c.customer_name AS "customerName", c.customer_email AS "customerEmail", c.customer_phone AS "customerPhone"
         FROM sample s
         JOIN complaints c ON c.id = s.complaint_id
         JOIN categories cat ON cat.id = c.category_id
         LEFT JOIN customer_feedback fb ON fb.resolution_id = s.id
        ORDER BY s.resolved_at, s.id`,
      [query.from, query.to, AGENDA_LIMITS.refusalSample],
    );
    return {
      total: rows[0]?.total ?? 0,
      sample: rows.map(({ total: _total, customerName, customerEmail, customerPhone, ...row }) => ({
        ...row,
        customer: customerOf({ customerName, customerEmail, customerPhone }),
      })),
    };
  }

  /** 7. Suggestions received in the period: how many, by category, and the first ones with their text. */
  async suggestions(manager: EntityManager, query: AgendaSectionsQuery): Promise<AgendaSectionsData['suggestions']> {
    const byCategory: { categoryName: string; count: number; total: number }[] = await manager.query(
      `SELECT cat.name AS "categoryName", count(*)::int AS count, (sum(count(*)) OVER ())::int AS total
         FROM complaints c
         JOIN categories cat ON cat.id = c.category_id
        WHERE c.type = 'suggestion' AND c.received_at >= $1 AND c.received_at < $2
        GROUP BY cat.id
        ORDER BY count DESC, cat.name`,
      [query.from, query.to],
    );
    type Row = Omit<SuggestionRow, 'customer'> & { customerName: string; customerEmail: string | null; customerPhone: string | null };
    const items: Row[] = await manager.query(
      `SELECT c.reference, cat.name AS "categoryName", c.received_at AS "receivedAt", c.status, c.summary, c.description,
              c.customer_name AS "customerName", c.customer_email AS "customerEmail", c.customer_phone AS "customerPhone"
         FROM complaints c
         JOIN categories cat ON cat.id = c.category_id
        WHERE c.type = 'suggestion' AND c.received_at >= $1 AND c.received_at < $2
        ORDER BY c.received_at, c.id
        LIMIT $3`,
      [query.from, query.to, AGENDA_LIMITS.suggestions],
    );
    return {
      total: byCategory[0]?.total ?? 0,
      byCategory: byCategory.map(({ categoryName, count }) => ({ categoryName, count })),
      items: items.map(({ customerName, customerEmail, customerPhone, ...row }) => ({ ...row, customer: customerOf({ customerName, customerEmail, customerPhone }) })),
    };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareNullsLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(a, b));
