import type { EntityManager } from 'typeorm';

/**
 * THE SEAM FOR THE AGENDA (issue 5, "What the agenda holds"): what the committee scheduler calls when a meeting's
 * agenda falls due. This module only decides *when* and makes sure it happens once; building and storing the
 * agenda is the implementation's job.
 *
 * The contract, as CommitteeSchedulerService calls it:
 * - once per meeting, when `agenda_due_at` has passed and the meeting has no agenda yet (`agenda_published_at` is
 *   null), however many instances run;
 * - inside the scheduler's transaction, with the meeting's row locked (FOR UPDATE) and the scheduler's advisory lock
 *   held: write the agenda version and its outbox rows (notifying the member departments) through `manager`, so they
 *   commit together with the scheduler's `agenda_published_at` mark, or not at all;
 * - throwing rolls that meeting back; the scheduler logs it, goes on with the other meetings, and tries again at the
 *   next tick.
 *
 * For the content: the committee, its member departments and time zone are in `committees`/`committee_members`,
 * the meeting in `meetings` (the period runs from the previous meeting's starts_at), and
 * `MinutesRepository.followUpsFor(manager, meetingId)` gives the follow-ups from the last meeting's decisions.
 * An agenda published on demand (POST /api/meetings/:id/agenda) should call
 * `MeetingsRepository.markAgendaPublished(manager, meetingId, now)` in its own transaction, so the scheduler does
 * not publish a second one at the due date.
 *
 * To plug the real one in, bind it in CommitteesModule instead of PlaceholderAgendaPublisher:
 * `{ provide: AgendaPublisher, useExisting: AgendaService }` with the module that provides it imported (that module
 * must not import CommitteesModule back; MinutesRepository needs no injection, so it can provide that class itself).
 *
 * An abstract class rather than an interface, so it is its own injection token.
 */
export abstract class AgendaPublisher {
  abstract publishFor(manager: EntityManager, meetingId: string): Promise<void>;
}
