import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { logComplaint } from '../factories/complaints.js';
import { asAdmin, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { SimilarComplaintsRepository, type SimilarityProbe } from '../../src/similar-complaints/similar-complaints.repository.js';
import { SIMILAR_LIMIT } from '../../src/similar-complaints/similar-complaints.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * How relevant "similar complaints" are, on the labelled set in test/fixtures/similar-complaints/: every complaint
 * of it is a probe once (against those received before it), and a returned complaint is relevant when it tells the
 * same problem (its topic). It prints the figures of docs/similar-complaints.md for the search and for the one it
 * replaced, and fails when the search falls below the figures written there.
 */

interface Labelled {
  key: string;
  topic: string;
  categoryCode: string;
  language: string;
  summary: string;
  description: string;
}

const SET: Labelled[] = JSON.parse(readFileSync(join(__dirname, '../fixtures/similar-complaints/labelled-set.json'), 'utf8')).complaints;

/** The figures written in docs/similar-complaints.md for the search; a change that lowers one fails here. */
const DOCUMENTED = { precisionAt5: 1, recallAt5: 0.44 };

/**
 * The search before migration 1796212000000 (trigrams of summary and description, at least 0.3, same category or
 * root cause), kept here only to measure the new one against it on the same set.
 */
async function trigramSearch(manager: EntityManager, probe: SimilarityProbe & { description: string }): Promise<{ id: string }[]> {
  return manager.transaction(async (tx) => {
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
    return tx.query(
      `SELECT c.id, round(similarity(c.summary || ' ' || c.description, $1)::numeric, 2) AS similarity
         FROM complaints c
        WHERE c.type = $2 AND c.received_at < $3 AND c.id <> $4 AND (c.category_id = $5 OR c.root_cause_code = $6)
          AND (c.summary || ' ' || c.description) % $1
        ORDER BY similarity DESC, c.received_at DESC, c.id
        LIMIT $7`,
      [`${probe.summary} ${probe.description}`, probe.type, probe.receivedAt, probe.id, probe.categoryId, probe.rootCauseCode, SIMILAR_LIMIT],
    );
  });
}

interface Figures {
  precisionAt5: number;
  recallAt5: number;
  /** Probes that have an earlier look-alike in their own language but got an empty list. */
  emptyAnswers: number;
  probes: number;
}

describe('relevance of similar complaints on the labelled set', () => {
  let t: TestApp;
  let org: Organisation;
  const byId = new Map<string, Labelled>();
  const probes: (SimilarityProbe & { description: string })[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedOrganisation(t);
    for (const code of new Set(SET.map((c) => c.categoryCode))) {
      if (code === org.categoryCode) continue;
      const res = await t.http().post('/api/categories').set(asAdmin).send({ code, name: code, ownerDepartmentId: org.departmentId });
      expect(res.status).toBe(201);
    }
    const start = Date.parse('2026-06-01T00:00:00Z');
    for (const [index, labelled] of SET.entries()) {
      const logged = await logComplaint(t, org.tokens.agent, {
        summary: labelled.summary,
        description: labelled.description,
        categoryCode: labelled.categoryCode,
        receivedAt: new Date(start + index * 3_600_000).toISOString(),
        customer: { name: 'Customer', email: 'customer@example.com', preferredChannel: 'email', language: labelled.language },
      });
      byId.set(logged.id, labelled);
      const probe = await t.app.get(SimilarComplaintsRepository).findProbe(t.dataSource.manager, logged.id);
      probes.push({ ...probe!, description: labelled.description });
    }
  }, 120_000);
  afterAll(() => t.close());

  async function measure(search: (probe: SimilarityProbe & { description: string }) => Promise<{ id: string }[]>): Promise<Figures> {
    let returned = 0;
    let relevant = 0;
    let findable = 0;
    let emptyAnswers = 0;
    let counted = 0;
    for (const [index, probe] of probes.entries()) {
      const labelled = byId.get(probe.id)!;
      // What a text search can find: the same problem told earlier in the same language.
      const earlier = SET.slice(0, index).filter((c) => c.topic === labelled.topic && c.language === labelled.language).length;
      if (earlier === 0) continue;
      counted++;
      const items = await search(probe);
      returned += items.length;
      relevant += items.filter((item) => byId.get(item.id)!.topic === labelled.topic).length;
      findable += Math.min(earlier, SIMILAR_LIMIT);
      if (items.length === 0) emptyAnswers++;
    }
    return { precisionAt5: round(relevant / returned), recallAt5: round(relevant / findable), emptyAnswers, probes: counted };
  }

  it('finds the same problem at least as well as docs/similar-complaints.md says', async () => {
    const repository = t.app.get(SimilarComplaintsRepository);
    const words = await measure((probe) => repository.findSimilarEarlier(t.dataSource.manager, probe, { limit: SIMILAR_LIMIT, onlyWithPreventionAction: false }));
    const trigrams = await measure((probe) => trigramSearch(t.dataSource.manager, probe));
    console.log(
      [
        `labelled set: ${SET.length} complaints, ${words.probes} probes with an earlier look-alike in their language`,
        '| search | precision@5 | recall@5 | empty answers |',
        '|---|---|---|---|',
        `| before: trigrams of summary + description ≥ 0.3 | ${trigrams.precisionAt5} | ${trigrams.recallAt5} | ${trigrams.emptyAnswers} |`,
        `| after: summary words | ${words.precisionAt5} | ${words.recallAt5} | ${words.emptyAnswers} |`,
      ].join('\n'),
    );
    expect(words.precisionAt5).toBeGreaterThanOrEqual(DOCUMENTED.precisionAt5);
    expect(words.recallAt5).toBeGreaterThanOrEqual(DOCUMENTED.recallAt5);
  });
});

const round = (value: number) => Math.round(value * 1000) / 1000;
