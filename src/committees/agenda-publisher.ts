import type { EntityManager } from 'typeorm';

/**
 * What the committee scheduler calls when a meeting's agenda falls due. The committees module only decides *when*
 * and makes sure it happens once; AgendaService (src/agenda/) builds and stores the agenda. An abstract class rather
 * than an interface, so it is its own injection token and the agenda module need not import committees back.
 *
 * The contract, as CommitteeSchedulerService calls it:
 * - once per meeting, when `agenda_due_at` has passed and the meeting has no agenda yet (`agenda_published_at` is
 *   null), however many instances run;
 * - inside the scheduler's transaction, with the meeting's row locked (FOR UPDATE) and the scheduler's advisory lock
 *   held: the agenda version and the notices to member departments are written through `manager`, so they commit
 *   together with the scheduler's `agenda_published_at` mark, or not at all;
 * - throwing rolls that meeting back; the scheduler logs it, goes on with the other meetings, and tries again at the
 *   next tick.
 */
export abstract class AgendaPublisher {
  abstract publishFor(manager: EntityManager, meetingId: string): Promise<void>;
}
