import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AdminErrorCode } from '../admin/admin-error-code.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { decodeCursor, encodeCursor, type Page, type PageQueryDto } from '../common/pagination.js';
import { cadenceProblems, canonicalTimeZone, meetingsToSchedule, normaliseCadence, type CommitteeSchedule } from './cadence.js';
import { CommitteeErrorCode } from './committee-error-code.js';
import { CommitteesRepository } from './committees.repository.js';
import type { CommitteeViewDto } from './dto/committee-view.dto.js';
import type { CreateCommitteeDto } from './dto/create-committee.dto.js';
import { MeetingsRepository } from './meetings.repository.js';
import { PrivacyService } from '../privacy/privacy.service.js';

export function committeeNotFound(): AppError {
  return new AppError(CommitteeErrorCode.COMMITTEE_NOT_FOUND, 'There is no such committee');
}

@Injectable()
export class CommitteesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly committees: CommitteesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly clock: Clock,
    private readonly privacy: PrivacyService,
  ) {}

  /**
   * Creates the committee with its member departments and, in the same transaction, its next meetings, so they show
   * at once rather than at the scheduler's next tick (which would create the same ones: the insert is idempotent).
   */
  async create(dto: CreateCommitteeDto): Promise<CommitteeViewDto> {
    const now = this.clock.now();
    const schedule: CommitteeSchedule = {
      cadence: normaliseCadence(dto.cadence),
      // The DTO has checked it is a time zone; stored in its canonical spelling.
      timeZone: canonicalTimeZone(dto.timeZone)!,
      durationMinutes: dto.durationMinutes,
      agendaLeadDays: dto.agendaLeadDays,
    };
    const problems = cadenceProblems(schedule, now);
    if (problems.length > 0) throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'The cadence cannot schedule meetings', problems);
    const id = randomUUID();
    const name = dto.name.trim();
    await this.dataSource.transaction(async (manager) => {
      await this.privacy.assertCleanNames(manager, [{ field: 'name', text: name }]);
      const unknown = await this.committees.unknownDepartments(manager, dto.memberDepartmentIds);
      if (unknown.length > 0) {
        throw new AppError(
          AdminErrorCode.DEPARTMENT_NOT_FOUND,
          'A member department does not exist',
          unknown.map((departmentId) => ({ field: `memberDepartmentIds.${dto.memberDepartmentIds.indexOf(departmentId)}`, problem: 'names no department' })),
        );
      }
      // From the clock, like the list's other instants: its keyset cursor carries milliseconds, now() has microseconds.
      if (!(await this.committees.insert(manager, { id, name, ...schedule, createdAt: now }))) {
        throw new AppError(CommitteeErrorCode.COMMITTEE_NAME_TAKEN, `There is already a committee named "${name}"`, [{ field: 'name', problem: 'is taken' }]);
      }
      await this.committees.insertMembers(manager, id, dto.memberDepartmentIds);
      await this.meetings.insertScheduled(manager, meetingsToSchedule(schedule, now).map((meeting) => ({ ...meeting, committeeId: id })));
    });
    return this.get(id);
  }

  async get(id: string): Promise<CommitteeViewDto> {
    const committee = await this.committees.findView(id);
    if (!committee) throw committeeNotFound();
    return committee;
  }

  async list(query: PageQueryDto): Promise<Page<CommitteeViewDto>> {
    const rows = await this.committees.page({ after: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: new Date(last.createdAt).toISOString(), id: last.id }) : null,
    };
  }
}
