import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrorCode } from '../admin/admin-error-code.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ComplaintErrorCode } from '../complaints/complaint-error-code.js';
import { RootCauseErrorCode } from '../root-causes/root-cause-error-code.js';
import type { CreatePreventionActionDto, NewPreventionActionDto } from './dto/create-prevention-action.dto.js';
import type { PreventionActionEntity } from './prevention-action.entity.js';
import { PreventionErrorCode } from './prevention-error-code.js';
import { PreventionActionsRepository } from './prevention-actions.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class PreventionActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: PreventionActionsRepository,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePreventionActionDto): Promise<PreventionActionEntity> {
    const id = await this.dataSource.transaction((manager) => this.createIn(manager, dto.causeCode, dto, 'causeCode'));
    return (await this.actions.findById(this.dataSource.manager, id))!;
  }

  /**
   * Creates an action inside the caller's transaction (a root cause proposing one) and stores its baseline: the
   * matching complaints of the `windowDays` before now. `causeField` names the field a bad cause is reported on.
   */
  async createIn(manager: EntityManager, causeCode: string, dto: NewPreventionActionDto, causeField: string, fieldPrefix = ''): Promise<string> {
    const now = this.clock.now();
    if (!(await this.actions.rootCauseExists(manager, causeCode))) {
      throw new AppError(RootCauseErrorCode.UNKNOWN_ROOT_CAUSE, `There is no root cause "${causeCode}"`, [
        { field: causeField, problem: 'names no root cause of the taxonomy (GET /api/root-causes)' },
      ]);
    }
    if (!(await this.actions.departmentExists(manager, dto.ownerDepartmentId))) {
      throw new AppError(AdminErrorCode.DEPARTMENT_NOT_FOUND, 'There is no such department', [
        { field: `${fieldPrefix}ownerDepartmentId`, problem: 'names no department' },
      ]);
    }
    let categoryId: string | null = null;
    if (dto.categoryCode !== undefined) {
      categoryId = await this.actions.categoryIdByCode(manager, dto.categoryCode);
      if (!categoryId) {
        throw new AppError(ComplaintErrorCode.UNKNOWN_CATEGORY, `There is no category "${dto.categoryCode}"`, [
          { field: `${fieldPrefix}categoryCode`, problem: 'names no category' },
        ]);
      }
    }
    const dueAt = new Date(dto.dueAt);
    if (dueAt.getTime() <= now.getTime()) {
      throw new AppError(PreventionErrorCode.DUE_DATE_IN_PAST, 'The due date has passed', [
        { field: `${fieldPrefix}dueAt`, problem: 'must be in the future' },
      ]);
    }
    const { windowDays, targetReductionPct } = dto.successCriterion;
    const baselineFrom = new Date(now.getTime() - windowDays * DAY_MS);
    const id = randomUUID();
    await this.actions.insert(manager, {
      id,
      title: dto.title.trim(),
      description: dto.description.trim(),
      causeCode,
      categoryId,
      ownerDepartmentId: dto.ownerDepartmentId,
      dueAt,
      targetReductionPct,
      windowDays,
      status: 'planned',
      baselineFrom,
      baselineTo: now,
      baselineCount: await this.actions.countMatchingComplaints(manager, { causeCode, categoryId }, baselineFrom, now),
      doneAt: null,
      verificationDueAt: null,
      overdueAt: null,
    });
    return id;
  }
}
