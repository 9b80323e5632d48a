import { WebhookEventsRepository } from '../webhooks/webhook-events.repository.js';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrorCode } from '../admin/admin-error-code.js';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination.js';
import { ComplaintErrorCode } from '../complaints/complaint-error-code.js';
import { RootCauseErrorCode } from '../root-causes/root-cause-error-code.js';
import type { CreatePreventionActionDto, NewPreventionActionDto } from './dto/create-prevention-action.dto.js';
import type { ListPreventionActionsQuery } from './dto/list-prevention-actions.query.js';
import type { PreventionActionViewDto } from './dto/prevention-action-view.dto.js';
import type { UpdatePreventionActionDto } from './dto/update-prevention-action.dto.js';
import { DAY_MS } from './effectiveness.js';
import type { PreventionActionEntity } from './prevention-action.entity.js';
import { preventionActionView } from './prevention-action-view.js';
import { PreventionErrorCode } from './prevention-error-code.js';
import { PreventionActionsRepository } from './prevention-actions.repository.js';
import { allowedNextStatuses, canChange, requestStatus, type LockableField } from './prevention-workflow.js';

export function preventionActionNotFound(): AppError {
  return new AppError(PreventionErrorCode.PREVENTION_ACTION_NOT_FOUND, 'There is no such prevention action');
}

@Injectable()
export class PreventionActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: PreventionActionsRepository,
    private readonly clock: Clock,
    private readonly webhookEvents: WebhookEventsRepository,
  ) {}

  async create(dto: CreatePreventionActionDto): Promise<PreventionActionViewDto> {
    const id = await this.dataSource.transaction((manager) => this.createIn(manager, dto.causeCode, dto, 'causeCode'));
    return this.get(id);
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
    if (dueAt.getTime() <= now.getTime()) throw dueDateInPast(`${fieldPrefix}dueAt`);
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
      // From the clock, like every other instant of the action: the list's keyset cursor carries milliseconds, and
      // the database's now() has microseconds, which would make a cursor skip rows created within one millisecond.
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  async get(id: string): Promise<PreventionActionViewDto> {
    const row = await this.actions.findView(id);
    if (!row) throw preventionActionNotFound();
    return preventionActionView(row, this.clock.now());
  }

  async list(query: ListPreventionActionsQuery): Promise<Page<PreventionActionViewDto>> {
    const now = this.clock.now();
    const rows = await this.actions.page({
      status: query.status,
      ownerDepartmentId: query.ownerDepartmentId,
      causeCode: query.causeCode,
      overdue: query.overdue === undefined ? undefined : { is: query.overdue, now },
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => preventionActionView(row, now)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /**
   * The owning department's head changes the action. Checked in this order, under the row lock: it exists, the
   * caller heads its department, the version is current, the status may follow, the fields may change now.
   */
  async update(principal: Principal, id: string, dto: UpdatePreventionActionDto, expectedVersion: number | undefined): Promise<PreventionActionViewDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'The request changes nothing: send status, title, description, dueAt or successCriterion');
    }
    await this.dataSource.transaction(async (manager) => {
      const action = await this.actions.lockForChange(manager, id);
      if (!action) throw preventionActionNotFound();
      if (principal.departmentId !== action.ownerDepartmentId) {
        throw new AppError(PreventionErrorCode.NOT_OWNING_DEPARTMENT, "Only the head of the department that owns the prevention action may change it");
      }
      if (expectedVersion !== undefined && expectedVersion !== action.version) {
        throw new AppError(
          ComplaintErrorCode.STALE_VERSION,
          `The prevention action changed since you read it (your version ${expectedVersion}, current ${action.version}); read it again`,
          [{ field: 'If-Match', problem: 'is not the current version' }],
          { currentVersion: action.version },
        );
      }
      const now = this.clock.now();
      const changes = await this.changesFor(manager, action, dto, now);
      // A request that changes nothing (the same values sent again) leaves the version, so other ETags stay valid.
      if (Object.keys(changes).length === 0) return;
      await this.actions.update(manager, id, { ...changes, version: action.version + 1, updatedAt: now });
      if (changes.status) {
        await this.webhookEvents.emitPreventionStatusChanged(manager, { ...action, status: changes.status, previousStatus: action.status, version: action.version + 1 }, now);
      }
    });
    return this.get(id);
  }

  private async changesFor(manager: EntityManager, action: PreventionActionEntity, dto: UpdatePreventionActionDto, now: Date): Promise<Partial<PreventionActionEntity>> {
    const changes: Partial<PreventionActionEntity> = {};

    // Sending the current status is not a transition: a client may send the whole form back.
    const statusChange = dto.status !== undefined && dto.status !== action.status ? requestStatus(action.status, dto.status) : null;
    if (dto.status !== undefined && dto.status !== action.status && !statusChange) {
      const allowed = allowedNextStatuses(action.status);
      throw new AppError(
        PreventionErrorCode.ILLEGAL_PREVENTION_TRANSITION,
        `Cannot set a prevention action that is ${action.status} to ${dto.status}; allowed: ${allowed.join(', ') || 'nothing (only the effectiveness check moves it on)'}`,
        [{ field: 'status', problem: `cannot follow ${action.status}` }],
        { currentStatus: action.status, allowedNextStatuses: allowed },
      );
    }

    const dueAt = dto.dueAt === undefined ? undefined : new Date(dto.dueAt);
    const dueAtChanges = dueAt !== undefined && dueAt.getTime() !== action.dueAt.getTime();
    const criterion = dto.successCriterion;
    const criterionChanges =
      criterion !== undefined && (criterion.targetReductionPct !== action.targetReductionPct || criterion.windowDays !== action.windowDays);
    if (dueAtChanges) this.requireChangeable('dueAt', action);
    if (criterionChanges) this.requireChangeable('successCriterion', action);

    if (statusChange?.replans && dueAt === undefined) {
      throw new AppError(PreventionErrorCode.NEW_DUE_DATE_REQUIRED, 'Going back to planning after "not effective" needs a new due date', [
        { field: 'dueAt', problem: `is required to move a not_effective action to ${dto.status}` },
      ]);
    }
    if ((dueAtChanges || statusChange?.replans) && dueAt!.getTime() <= now.getTime()) throw dueDateInPast('dueAt');

    if (dto.title !== undefined && dto.title.trim() !== action.title) changes.title = dto.title.trim();
    if (dto.description !== undefined && dto.description.trim() !== action.description) changes.description = dto.description.trim();
    if (dueAtChanges) {
      changes.dueAt = dueAt;
      // Overdue is told once per due date: a new one may be told again when it passes.
      changes.overdueAt = null;
    }
    if (criterionChanges) {
      changes.targetReductionPct = criterion.targetReductionPct;
      if (criterion.windowDays !== action.windowDays) {
        // The baseline spans windowDays before creation: a new window is a new baseline, ending where it always did.
        changes.windowDays = criterion.windowDays;
        changes.baselineFrom = new Date(action.baselineTo.getTime() - criterion.windowDays * DAY_MS);
        changes.baselineCount = await this.actions.countMatchingComplaints(manager, action, changes.baselineFrom, action.baselineTo);
      }
    }
    if (statusChange) {
      changes.status = statusChange.status;
      if (statusChange.startsVerification) {
        changes.doneAt = now;
        changes.verificationDueAt = new Date(now.getTime() + action.windowDays * DAY_MS);
      }
      if (statusChange.replans) {
        // The round that was not effective is over; its checks stay as evidence.
        changes.doneAt = null;
        changes.verificationDueAt = null;
        changes.overdueAt = null;
      }
    }
    return changes;
  }

  private requireChangeable(field: LockableField, action: PreventionActionEntity): void {
    if (canChange(field, action.status)) return;
    const when = field === 'successCriterion' ? 'only while the action is planned' : 'only while the action is planned, in progress or not effective';
    throw new AppError(
      PreventionErrorCode.PREVENTION_FIELD_LOCKED,
      `The ${field === 'dueAt' ? 'due date' : 'success criterion'} cannot change now: the action is ${action.status}`,
      [{ field, problem: `can change ${when}` }],
      { currentStatus: action.status },
    );
  }
}

function dueDateInPast(field: string): AppError {
  return new AppError(PreventionErrorCode.DUE_DATE_IN_PAST, 'The due date has passed', [{ field, problem: 'must be in the future' }]);
}
