import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The scheduler's own statements; each takes the transaction it runs in. */
@Injectable()
export class CommitteeSchedulerRepository {
  /**
   * Locks the meeting whose agenda has been due longest and has none yet, skipping `excluded` (meetings whose
   * publication failed earlier in this run) and any meeting another transaction holds. The lock and the
   * agenda_published_at condition, re-checked under it, keep a meeting from being published twice. Served by the
   * partial index ix_meetings_agenda_due.
   */
  async lockNextDueAgenda(manager: EntityManager, now: Date, excluded: string[]): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM meetings
        WHERE agenda_published_at IS NULL AND agenda_due_at <= $1 AND NOT (id = ANY($2::uuid[]))
        ORDER BY agenda_due_at
        LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      [now, excluded],
    );
    return row?.id ?? null;
  }
}
