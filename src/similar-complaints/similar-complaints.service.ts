import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { complaintNotFound } from '../complaints/complaint-transitions.js';
import { SimilarComplaintsRepository, type SimilarComplaint, type SimilarSearch, type SimilarityProbe } from './similar-complaints.repository.js';

/** How many look-alikes a reader gets: enough to recognise a pattern, few enough to read on a call. */
export const SIMILAR_LIMIT = 5;

/**
 * The longest the known-issues search may hold up an intake answer. The support desk retries on timeouts; the
 * search takes about 10 ms at a million complaints (bench/README.md), so this only guards against a database in
 * trouble. Past it, intake answers with knownIssuesTimedOut rather than late.
 */
export const KNOWN_ISSUES_TIMEOUT_MS = 500;

/** The same guard for GET /similar, which a person waits for on a page: longer, but not unbounded. */
export const SIMILAR_TIMEOUT_MS = 2_000;

/** PostgreSQL's code for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Look-alikes, and whether the search was cut short: an empty list then means "not known", not "none". */
export interface SimilarResult {
  items: SimilarComplaint[];
  timedOut: boolean;
}

@Injectable()
export class SimilarComplaintsService {
  private readonly logger = new Logger(SimilarComplaintsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SimilarComplaintsRepository,
  ) {}

  async similarTo(id: string): Promise<SimilarResult> {
    const probe = await this.repository.findProbe(this.dataSource.manager, id);
    if (!probe) throw complaintNotFound();
    return this.search(probe, { limit: SIMILAR_LIMIT, onlyWithPreventionAction: false, timeoutMs: SIMILAR_TIMEOUT_MS });
  }

  /**
   * What first-line staff can tell the customer at intake: earlier look-alikes that already have a prevention
   * action ("we know about this; <team> is fixing it, due <date>"). Look-alikes without one say nothing the
   * customer can use and would crowd out those that do; GET /similar shows them all.
   */
  async knownIssuesFor(complaint: SimilarityProbe): Promise<SimilarResult> {
    return this.search(complaint, { limit: SIMILAR_LIMIT, onlyWithPreventionAction: true, timeoutMs: KNOWN_ISSUES_TIMEOUT_MS });
  }

  private async search(probe: SimilarityProbe, search: Required<SimilarSearch>): Promise<SimilarResult> {
    try {
      return { items: await this.repository.findSimilarEarlier(this.dataSource.manager, probe, search), timedOut: false };
    } catch (error) {
      if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string }).code !== QUERY_CANCELED) throw error;
      // The complaint is stored; only the hint is missing, and the answer says so. The line names no customer and no text.
      this.logger.warn(`similar complaints left out: the search took over ${search.timeoutMs} ms`);
      return { items: [], timedOut: true };
    }
  }
}
