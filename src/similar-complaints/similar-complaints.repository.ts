import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ComplaintType } from '../complaints/complaint.entity.js';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';
import { allOf, atLeastHalfOf } from './summary-words.js';
import type { ThemePeriod } from './theme-period.js';

/**
 * The lowest pg_trgm similarity() of the two summaries shown as "similar", on top of the shared words. Chosen for
 * precision: these lists back a claim to the customer ("we know about this"), so an unrelated match costs more than
 * a missed one. On the labelled set (test/fixtures/similar-complaints/) 0.25 kept every item on topic (precision@5
 * 1.0, recall@5 0.44); 0.2 let one wrong item in 40 through for recall 0.51. See docs/similar-complaints.md.
 */
export const MIN_SIMILARITY = 0.25;

/** The complaint whose look-alikes are wanted: what the search needs of it. */
export interface SimilarityProbe {
  id: string;
  type: ComplaintType;
  summary: string;
  /** The customer's language (en, lv, ru, uk): which stemmer reads the summary. */
  customerLanguage: string;
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

/** The expression of the text-search indexes (migration 1796212000000-IndexSummaryWords), written the same way. */
const SUMMARY_WORDS = 'to_tsvector(complaint_text_config(customer_language), summary)';

/** The best `$6` of `found` (complaint rows with their similarity), with category, prevention action and its owner. */
function withDetails(found: string): string {
  return `SELECT c.id, c.reference, c.summary, c.status, cat.code AS "categoryCode", c.received_at AS "receivedAt", c.similarity,
                 c.root_cause_code AS "rootCauseCode",
                 pa.id AS "actionId", pa.title AS "actionTitle", pa.status AS "actionStatus", pa.due_at AS "actionDueAt",
                 d.id AS "ownerDepartmentId", d.name AS "ownerDepartmentName"
            FROM (SELECT * FROM (${found}) f ORDER BY similarity DESC, received_at DESC, id LIMIT $6) c
            JOIN categories cat ON cat.id = c.category_id
            LEFT JOIN prevention_actions pa ON pa.id = c.prevention_action_id
            LEFT JOIN departments d ON d.id = pa.owner_department_id
           ORDER BY c.similarity DESC, c.received_at DESC, c.id`;
}

/**
 * The SQL behind "similar complaints" and "rising themes". Every method takes the caller's EntityManager so the
 * committee agenda can run the same queries inside its own transaction; each returns plain data.
 */
@Injectable()
export class SimilarComplaintsRepository {
  async findProbe(manager: EntityManager, id: string): Promise<SimilarityProbe | null> {
    const [row] = await manager.query(
      `SELECT id, type, summary, customer_language AS "customerLanguage", category_id AS "categoryId", root_cause_code AS "rootCauseCode", received_at AS "receivedAt"
         FROM complaints WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Up to `limit` complaints received before the probe, of its type, that tell the same problem in a summary of the
   * same words: in its category, sharing at least half of its summary's words; or, once the probe has a root cause,
   * in another category with that cause, sharing all of them (another category alone says little, so its text must
   * say more); and whose summary's pg_trgm similarity to the probe's, as shown (2 decimals), is at least
   * MIN_SIMILARITY. Most similar first, then newest, then by id. docs/similar-complaints.md has the measurements
   * behind each choice.
   *
   * Two statements, because reading a candidate's row is what costs at a million complaints (about 60 µs each on
   * a busy disk), and a common problem has thousands of look-alikes:
   * 1. The newest earlier complaints whose summary is the probe's, ignoring case, from the btree indexes on
   *    lower(summary) (ix_complaints_category_summary, ix_complaints_root_cause_summary): an ordered index scan
   *    that stops at `limit`. An identical summary has similarity 1, as high as any, so when there are `limit` of
   *    them they are the answer (before newer rewordings that also score 1: a reordering of the same words).
   * 2. Otherwise every candidate: `@@` on exactly the expression of ix_complaints_summary_words
   *    (ix_complaints_summary_words_known for knownIssues), so the words pick the rows from the index, and the
   *    similarity is computed for those only.
   *
   * The timeout is set with is_local = true, so it lasts until the transaction this method opens ends and never
   * reaches other work sharing the session (the embedded database has one). Given a manager inside a transaction,
   * this is a savepoint and the setting lasts until that transaction ends: pass no timeoutMs there.
   */
  async findSimilarEarlier(manager: EntityManager, probe: SimilarityProbe, search: SimilarSearch): Promise<SimilarComplaint[]> {
    return manager.transaction(async (tx) => {
      // Only when asked: setting it otherwise would replace a limit the database administrator set.
      if (search.timeoutMs) await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [String(search.timeoutMs)]);
      const [{ words }]: { words: string[] }[] = await tx.query(
        `SELECT coalesce(array_agg(w.lexeme ORDER BY w.positions[1]), '{}') AS words FROM unnest(to_tsvector(complaint_text_config($1), $2)) w`,
        [probe.customerLanguage, probe.summary],
      );
      const inCategory = atLeastHalfOf(words);
      if (!inCategory) return [];
      // $1-$7 are the same in both statements; the second adds its own from $8. Without a root cause ($7 null), the
      // branches of other categories compare with NULL: PostgreSQL plans them as empty.
      const shared = [probe.summary, probe.type, probe.receivedAt, probe.id, probe.categoryId, search.limit, probe.rootCauseCode];
      const candidates = (branch: string) => `
          SELECT id, reference, summary, status, category_id, received_at, root_cause_code, prevention_action_id,
                 round(similarity(summary, $1)::numeric, 2)::float8 AS similarity
            FROM complaints
           WHERE type = $2 AND received_at < $3 AND id <> $4
             ${search.onlyWithPreventionAction ? 'AND prevention_action_id IS NOT NULL' : ''}
             AND ${branch}`;
      const identical = `(${candidates('category_id = $5 AND lower(summary) = lower($1)')} ORDER BY received_at DESC, id LIMIT $6)`;
      const identicalElsewhere = `(${candidates('root_cause_code = $7::text AND category_id <> $5 AND lower(summary) = lower($1)')} ORDER BY received_at DESC, id LIMIT $6)`;
      let rows: SimilarRow[] = await tx.query(withDetails(`${identical} UNION ALL ${identicalElsewhere}`), shared);
      if (rows.length < search.limit) {
        const sharingWords = candidates(`category_id = $5 AND ${SUMMARY_WORDS} @@ $8::tsquery`);
        const sharingAllWords = candidates(`root_cause_code = $7::text AND category_id <> $5 AND ${SUMMARY_WORDS} @@ $10::tsquery`);
        rows = await tx.query(withDetails(`SELECT * FROM (${sharingWords} UNION ALL ${sharingAllWords}) found WHERE similarity >= $9`), [
          ...shared,
          inCategory,
          MIN_SIMILARITY,
          allOf(words),
        ]);
      }
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
