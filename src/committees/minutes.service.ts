import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrorCode } from '../admin/admin-error-code.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { PreventionActionsService } from '../prevention/prevention-actions.service.js';
import { NoBlameGuardService, type GuardedText } from '../root-causes/no-blame-guard.service.js';
import { CommitteeErrorCode } from './committee-error-code.js';
import { CommitteesRepository } from './committees.repository.js';
import type { MinutesViewDto } from './dto/meeting-view.dto.js';
import type { RecordMinutesDto } from './dto/record-minutes.dto.js';
import { MeetingsRepository } from './meetings.repository.js';
import { meetingNotFound } from './meetings.service.js';
import { MinutesRepository, type FollowUps } from './minutes.repository.js';

/** Every text of the minutes that reaches the next agenda, named as the validation errors name fields. */
export function guardedTexts(dto: RecordMinutesDto): GuardedText[] {
  return dto.decisions.flatMap((decision, i) => [
    { field: `decisions.${i}.text`, text: decision.text, kind: 'explanation' as const },
    ...(decision.preventionAction
      ? [
          { field: `decisions.${i}.preventionAction.title`, text: decision.preventionAction.title, kind: 'explanation' as const },
          { field: `decisions.${i}.preventionAction.description`, text: decision.preventionAction.description, kind: 'explanation' as const },
        ]
      : []),
  ]);
}

/** A meeting's minutes: who attended and what was decided; a decision may create a prevention action. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly committees: CommitteesRepository,
    private readonly minutes: MinutesRepository,
    private readonly guard: NoBlameGuardService,
    private readonly preventionActions: PreventionActionsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the minutes once, in one transaction with the prevention actions they create: any refusal (a second
   * recording, an unknown department, blaming wording, a bad prevention action) writes nothing. Checked in this
   * order: the meeting exists, has started, has no minutes yet; then the body.
   */
  async record(meetingId: string, dto: RecordMinutesDto): Promise<MinutesViewDto> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.findRow(manager, meetingId);
      if (!meeting) throw meetingNotFound();
      const now = this.clock.now();
      if (new Date(meeting.startsAt).getTime() > now.getTime()) {
        throw new AppError(CommitteeErrorCode.MEETING_NOT_STARTED, 'Minutes are recorded once the meeting has started', [
          { field: 'meetingId', problem: `the meeting starts at ${new Date(meeting.startsAt).toISOString()}` },
        ]);
      }
      // The insert claims the minutes first: a concurrent second recording waits on the key, then finds it taken.
      if (!(await this.minutes.insertMinutes(manager, meetingId, now))) {
        throw new AppError(CommitteeErrorCode.MINUTES_ALREADY_RECORDED, 'The minutes of this meeting are recorded already');
      }
      const unknown = await this.committees.unknownDepartments(manager, dto.attendeeDepartmentIds);
      if (unknown.length > 0) {
        throw new AppError(
          AdminErrorCode.DEPARTMENT_NOT_FOUND,
          'An attending department does not exist',
          unknown.map((id) => ({ field: `attendeeDepartmentIds.${dto.attendeeDepartmentIds.indexOf(id)}`, problem: 'names no department' })),
        );
      }
      // Decisions come back on the next agenda, which is no-blame by construction: they may not name or blame staff.
      await this.guard.enforce(manager, guardedTexts(dto));
      await this.minutes.insertAttendees(manager, meetingId, dto.attendeeDepartmentIds);
      for (const [i, decision] of dto.decisions.entries()) {
        const action = decision.preventionAction;
        const preventionActionId = action
          ? await this.preventionActions.createIn(manager, action.causeCode, action, `decisions.${i}.preventionAction.causeCode`, `decisions.${i}.preventionAction.`)
          : null;
        await this.minutes.insertDecision(manager, { meetingId, position: i + 1, text: decision.text.trim(), preventionActionId });
      }
      return (await this.minutes.findView(manager, meetingId))!;
    });
  }

  /** The previous meeting's decisions with their prevention actions' current status, for the agenda. */
  followUpsFor(manager: EntityManager, meetingId: string): Promise<FollowUps> {
    return this.minutes.followUpsFor(manager, meetingId);
  }
}
