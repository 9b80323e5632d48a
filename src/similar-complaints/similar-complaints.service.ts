import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { complaintNotFound } from '../complaints/complaint-transitions.js';
import { SimilarComplaintsRepository, type SimilarComplaint, type SimilarityProbe } from './similar-complaints.repository.js';

/** How many look-alikes a reader gets: enough to recognise a pattern, few enough to read on a call. */
export const SIMILAR_LIMIT = 5;

/**
 * The longest the known-issues search may hold up an intake answer. The support desk retries on timeouts, and
 * the trigram search grows with the table (docs/similar-complaints.md: about 1 ms on 5,000 complaints, but
 * seconds on 100,000 with common words); past this, intake answers without knownIssues rather than late.
 */
export const KNOWN_ISSUES_TIMEOUT_MS = 500;

/** PostgreSQL's code for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

@Injectable()
export class SimilarComplaintsService {
  private readonly logger = new Logger(SimilarComplaintsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SimilarComplaintsRepository,
  ) {}

  async similarTo(id: string): Promise<{ items: SimilarComplaint[] }> {
    const probe = await this.repository.findProbe(this.dataSource.manager, id);
    if (!probe) throw complaintNotFound();
    const items = await this.repository.findSimilarEarlier(this.dataSource.manager, probe, { limit: SIMILAR_LIMIT, onlyWithPreventionAction: false });
    return { items };
  }

  /**
   * What first-line staff can tell the customer at intake: earlier look-alikes that already have a prevention
   * action ("we know about this; <team> is fixing it, due <date>"). Look-alikes without one say nothing the
   * customer can use and would crowd out those that do; GET /similar shows them all.
   */
  async knownIssuesFor(complaint: SimilarityProbe): Promise<SimilarComplaint[]> {
    try {
      return await this.repository.findSimilarEarlier(this.dataSource.manager, complaint, {
        limit: SIMILAR_LIMIT,
        onlyWithPreventionAction: true,
        timeoutMs: KNOWN_ISSUES_TIMEOUT_MS,
      });
    } catch (error) {
      if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string }).code !== QUERY_CANCELED) throw error;
      // The complaint is stored; only the hint is missing. The line names no customer and no text.
      this.logger.warn(`knownIssues left out: the similarity search took over ${KNOWN_ISSUES_TIMEOUT_MS} ms`);
      return [];
    }
  }
}
