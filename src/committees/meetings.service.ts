import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { meetingTimes } from './cadence.js';
import { CommitteeErrorCode } from './committee-error-code.js';
import { CommitteesRepository } from './committees.repository.js';
import { committeeNotFound } from './committees.service.js';
import type { ListMeetingsQuery } from './dto/list-meetings.query.js';
import type { MeetingDetailDto, MeetingViewDto } from './dto/meeting-view.dto.js';
import type { ScheduleMeetingDto } from './dto/schedule-meeting.dto.js';
import { renderMeetingInvite } from './meeting-invite.ics.js';
import { MeetingsRepository, type MeetingRow } from './meetings.repository.js';
import { MinutesRepository } from './minutes.repository.js';
import { PrivacyService } from '../privacy/privacy.service.js';

export function meetingNotFound(): AppError {
  return new AppError(CommitteeErrorCode.MEETING_NOT_FOUND, 'There is no such meeting');
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committees: CommitteesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly clock: Clock,
    private readonly privacy: PrivacyService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async list(committeeId: string, query: ListMeetingsQuery): Promise<Page<MeetingViewDto>> {
    if (!(await this.committees.exists(committeeId))) throw committeeNotFound();
    const rows = await this.meetings.page({
      committeeId,
      when: query.when ? { is: query.when, now: this.clock.now() } : undefined,
      source: query.source,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: new Date(last.startsAt).toISOString(), id: last.id }) : null,
    };
  }

  /** A meeting the chair adds by hand, timed like the scheduled ones: the committee's duration and agenda lead. */
  async schedule(committeeId: string, dto: ScheduleMeetingDto): Promise<MeetingViewDto> {
    const startsAt = new Date(dto.startsAt);
    const id = await this.dataSource.transaction(async (manager) => {
      const committee = await this.committees.findSchedule(manager, committeeId);
      if (!committee) throw committeeNotFound();
      if (startsAt.getTime() <= this.clock.now().getTime()) {
        throw new AppError(CommitteeErrorCode.MEETING_IN_PAST, 'A meeting added by hand must start in the future', [{ field: 'startsAt', problem: 'has passed' }]);
      }
      const meetingId = await this.meetings.insertManual(manager, committeeId, meetingTimes(startsAt, committee));
      if (!meetingId) {
        throw new AppError(CommitteeErrorCode.MEETING_ALREADY_SCHEDULED, `The committee already has a meeting starting at ${startsAt.toISOString()}`, [
          { field: 'startsAt', problem: 'is the start of another meeting of this committee' },
        ]);
      }
      return meetingId;
    });
    return (await this.meetings.findView(id))!;
  }

  async get(id: string): Promise<MeetingDetailDto> {
    const meeting = await this.row(id);
    return { ...meeting, minutes: await this.minutes.findView(this.dataSource.manager, id) };
  }

  /**
   * The meeting's iCalendar invite, linking the printable agenda. It lands in calendars outside the team's hands,
   * so the committee's name is redacted like the agenda's title.
   */
  async invite(id: string): Promise<string> {
    const meeting = await this.row(id);
    const finder = await this.privacy.finderFor(this.dataSource.manager, [meeting.committeeName], { from: meeting.startsAt, to: meeting.endsAt });
    return renderMeetingInvite({
      meetingId: meeting.id,
      committeeName: finder.redact(meeting.committeeName),
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      agendaUrl: `${this.env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/meetings/${meeting.id}/agenda?format=html`,
      stampedAt: this.clock.now(),
    });
  }

  private async row(id: string): Promise<MeetingRow> {
    const meeting = await this.meetings.findRow(this.dataSource.manager, id);
    if (!meeting) throw meetingNotFound();
    return meeting;
  }
}
