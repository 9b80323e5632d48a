import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ComplaintType } from '../complaints/complaint.entity.js';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';
import type { ThemePeriod } from './theme-period.js';

/**
 * The lowest pg_trgm similarity() shown as "similar" (pg_trgm's own default). Chosen for precision: these lists
 * back a claim to the customer ("we know about this"), so an unrelated match costs more than a missed one. On a
 * hand-labelled set of 24 complaints in 7 topics, 0.3 let through 0.4 % of different-topic pairs and a third of
 * same-topic ones; 0.2 let through 5 % and 79 %. Trigrams cannot see paraphrases anyway; near-duplicates (the
 * case that matters: the same problem told the same way) score 0.6 and more. See docs/similar-complaints.md.
 */
export const MIN_SIMILARITY = 0.3;

/** The complaint whose look-alikes are wanted: what the search needs of it. */
export interface SimilarityProbe {
  id: string;
  type: ComplaintType;
  summary: string;
  description: string;
  categoryId: string;
  rootCauseCode: string | null;
  receivedAt: Date;
}

export interface SimilarSearch {
  limit: number;
  /** Only complaints linked to a prevention action: the "known issues" told at intake. */
  onlyWithPreventionAction: boolean;
  /** Cancels the search after this long (statement_timeout); absent: no limit of its own. */
  timeoutMs?: number;
}

export interface SimilarComplaint {
  id: string;
  reference: string;
  summary: string;
  status: ComplaintStatus;
  categoryCode: string;
  receivedAt: Date;
  similarity: number;
  rootCauseCode: string | null;
  preventionAction: {
    id: string;
    title: string;
    status: PreventionActionStatus;
    dueAt: Date;
    ownerDepartment: { id: string; name: string };
  } | null;
}

/** Complaints of one category and root cause (null: not recorded yet) in a period and in the one before it. */
export interface ThemeCount {
  categoryCode: string;
  categoryName: string;
  causeCode: string | null;
  count: number;
  previousCount: number;
  change: number;
}

interface SimilarRow extends Omit<SimilarComplaint, 'preventionAction'> {
  actionId: string | null;
  actionTitle: string;
  actionStatus: PreventionActionStatus;
  actionDueAt: Date;
  ownerDepartmentId: string;
  ownerDepartmentName: string;
}

/**
 * The SQL behind "similar complaints" and "rising themes". Every method takes the caller's EntityManager so the
 * committee agenda can run the same queries inside its own transaction; each returns plain data.
 */
@Injectable()
export class SimilarComplaintsRepository {
  async findProbe(manager: EntityManager, id: string): Promise<SimilarityProbe | null> {
    const [row] = await manager.query(
      `SELECT id, type, summary, description, category_id AS "categoryId", root_cause_code AS "rootCauseCode", received_at AS "receivedAt"
         FROM complaints WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Up to `limit` complaints received before the probe, of its type, in its category or with its root cause, whose
   * text is similar to its text: most similar first (as shown, to 2 decimals), then newest, then by id.
   *
   * The text is `summary || ' ' || description`, the expression of the trigram index ix_complaints_text_trgm, and
   * the filter is the `%` operator, so PostgreSQL can answer it from that index. `%` reads its threshold from
   * pg_trgm.similarity_threshold, set here with is_local = true: it lasts until the transaction ends, which is why
   * the method opens one — outside a transaction the setting would be gone before the query runs — and it never
   * reaches other work sharing the session (the embedded database has one). Given a manager inside a transaction,
   * this is a savepoint and the settings last until that transaction ends: pass no timeoutMs there.
   */
  async findSimilarEarlier(manager: EntityManager, probe: SimilarityProbe, search: SimilarSearch): Promise<SimilarComplaint[]> {
    return manager.transaction(async (tx) => {
      // The timeout only when asked: setting it otherwise would replace a limit the database administrator set.
      if (search.timeoutMs) {
        await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true), set_config('statement_timeout', $2, true)`, [
          String(MIN_SIMILARITY),
          String(search.timeoutMs),
        ]);
      } else {
        await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(MIN_SIMILARITY)]);
      }
      const rows: SimilarRow[] = await tx.query(
        `SELECT c.id, c.reference, c.summary, c.status, cat.code AS "categoryCode", c.received_at AS "receivedAt",
                round(similarity(c.summary || ' ' || c.description, $1)::numeric, 2)::float8 AS similarity,
                c.root_cause_code AS "rootCauseCode",
                pa.id AS "actionId", pa.title AS "actionTitle", pa.status AS "actionStatus", pa.due_at AS "actionDueAt",
                d.id AS "ownerDepartmentId", d.name AS "ownerDepartmentName"
           FROM complaints c
           JOIN categories cat ON cat.id = c.category_id
           LEFT JOIN prevention_actions pa ON pa.id = c.prevention_action_id
           LEFT JOIN departments d ON d.id = pa.owner_department_id
          WHERE c.type = $2
            AND c.received_at < $3
            AND c.id <> $4
            AND (c.category_id = $5 OR c.root_cause_code = $6)
            ${search.onlyWithPreventionAction ? 'AND c.prevention_action_id IS NOT NULL' : ''}
            -- Last: where it ends up a filter, PostgreSQL checks equally cheap-looking conditions in the order
            -- written, and this one computes the row's trigrams.
            AND (c.summary || ' ' || c.description) % $1
          ORDER BY similarity DESC, c.received_at DESC, c.id
          LIMIT $7`,
        [
          // The same expression as the index, computed for the probe: JavaScript and SQL concatenate alike.
          `${probe.summary} ${probe.description}`,
          probe.type,
          probe.receivedAt,
          probe.id,
          probe.categoryId,
          probe.rootCauseCode,
          search.limit,
        ],
      );
      return rows.map(({ actionId, actionTitle, actionStatus, actionDueAt, ownerDepartmentId, ownerDepartmentName, ...complaint }) => ({
        ...complaint,
        preventionAction: actionId
          ? { id: actionId, title: actionTitle, status: actionStatus, dueAt: actionDueAt, ownerDepartment: { id: ownerDepartmentId, name: ownerDepartmentName } }
          : null,
      }));
    });
  }

  /**
   * Complaints (not suggestions) per category and root cause received in [from, to), against [previousFrom, from):
   * one pass over ix_complaints_received for both periods, counted apart with FILTER. A theme seen only in the
   * previous period is kept with count 0: what fell away matters to the committee too. Ordered by change, then
   * count, then by name so equal rows keep a stable order.
   */
  async countThemes(manager: EntityManager, period: ThemePeriod): Promise<ThemeCount[]> {
    return manager.query(
      `SELECT cat.code AS "categoryCode", cat.name AS "categoryName", c.root_cause_code AS "causeCode",
              count(*) FILTER (WHERE c.received_at >= $2)::int AS count,
              count(*) FILTER (WHERE c.received_at < $2)::int AS "previousCount",
              (count(*) FILTER (WHERE c.received_at >= $2) - count(*) FILTER (WHERE c.received_at < $2))::int AS change
         FROM complaints c
         JOIN categories cat ON cat.id = c.category_id
        WHERE c.type = 'complaint' AND c.received_at >= $1 AND c.received_at < $3
        GROUP BY cat.id, c.root_cause_code
        ORDER BY change DESC, count DESC, "categoryCode", "causeCode" NULLS LAST`,
      [period.previousFrom, period.from, period.to],
    );
  }
}
