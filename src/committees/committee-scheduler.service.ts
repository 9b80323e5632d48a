import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS, tryAdvisoryXactLock } from '../common/advisory-locks.js';
import { Clock } from '../common/clock.js';
import { AgendaPublisher } from './agenda-publisher.js';
import { meetingsToSchedule } from './cadence.js';
import { CommitteeSchedulerRepository } from './committee-scheduler.repository.js';
import { CommitteesRepository } from './committees.repository.js';
import { MeetingsRepository } from './meetings.repository.js';

/** Committees are few; each batch computes their occurrences in Node (cron rules) and inserts them in one statement. */
const COMMITTEE_BATCH_SIZE = 200;

/** What one run did. */
export interface CommitteeSchedulerCounts {
  /** Meetings created from cadences (occurrences that already existed are not counted). */
  meetingsCreated: number;
  /** Meetings handed to the AgendaPublisher and marked as having an agenda. */
  agendasPublished: number;
  /** Meetings whose publication threw; tried again at the next run. */
  agendaFailures: number;
}

export interface CommitteeSchedulerResult extends CommitteeSchedulerCounts {
  /** Another instance held the lock: this run did nothing. */
  skipped: boolean;
}

/**
 * The scheduled side of the committees: keeps each committee's next meetings created from its cadence, and hands
 * every meeting whose agenda has fallen due to the AgendaPublisher, once. Both halves are idempotent, so a late,
 * repeated or concurrent run does no harm: meetings are inserted with ON CONFLICT DO NOTHING, and a meeting is
 * published under its row lock together with the mark that it has an agenda.
 */
@Injectable()
export class CommitteeSchedulerService {
  private readonly logger = new Logger(CommitteeSchedulerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: CommitteeSchedulerRepository,
    private readonly committees: CommitteesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly publisher: AgendaPublisher,
    private readonly clock: Clock,
  ) {}

  /** Agendas are due days ahead, so ten minutes late is nothing. */
  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'committee-scheduler' })
  async tick(): Promise<void> {
    const r = await this.sweep();
    if (!r.skipped) {
      this.logger.log(`Committee scheduler: ${r.meetingsCreated} meeting(s) created, ${r.agendasPublished} agenda(s) published, ${r.agendaFailures} failed`);
    }
  }

  /**
   * Schedules every committee's next meetings, then publishes every due agenda. Each batch is its own short
   * transaction under the lock; each agenda gets a transaction of its own, as building one is the heavy part.
   */
  async sweep(): Promise<CommitteeSchedulerResult> {
    const now = this.clock.now();
    const total: CommitteeSchedulerCounts = { meetingsCreated: 0, agendasPublished: 0, agendaFailures: 0 };
    let ran = false;
    let afterId: string | null = null;
    for (;;) {
      const batch: { created: number; lastId: string | null; full: boolean } | null = await this.dataSource.transaction(async (manager) => {
        if (!(await tryAdvisoryXactLock(manager, ADVISORY_LOCKS.committeeScheduler))) return null;
        const committees = await this.committees.scheduleBatch(manager, afterId, COMMITTEE_BATCH_SIZE);
        const meetings = committees.flatMap((committee) => meetingsToSchedule(committee, now).map((meeting) => ({ ...meeting, committeeId: committee.id })));
        return {
          created: await this.meetings.insertScheduled(manager, meetings),
          lastId: committees.at(-1)?.id ?? null,
          full: committees.length === COMMITTEE_BATCH_SIZE,
        };
      });
      if (batch === null) return { skipped: !ran, ...total };
      ran = true;
      total.meetingsCreated += batch.created;
      if (!batch.full) break;
      afterId = batch.lastId;
    }
    const failed: string[] = [];
    for (;;) {
      let meetingId: string | null = null;
      try {
        const outcome = await this.dataSource.transaction(async (manager) => {
          if (!(await tryAdvisoryXactLock(manager, ADVISORY_LOCKS.committeeScheduler))) return 'locked' as const;
          meetingId = await this.scheduler.lockNextDueAgenda(manager, now, failed);
          if (!meetingId) return 'none' as const;
          await this.publisher.publishFor(manager, meetingId);
          await this.meetings.markAgendaPublished(manager, meetingId, now);
          return 'published' as const;
        });
        if (outcome !== 'published') return { skipped: false, ...total };
        total.agendasPublished++;
      } catch (error) {
        // Only the publisher is expected to fail (its transaction rolled back, the meeting stays due); anything
        // else is the database's trouble and ends the run.
        if (meetingId === null) throw error;
        failed.push(meetingId);
        total.agendaFailures++;
        this.logger.error(`Agenda of meeting ${meetingId} could not be published: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
