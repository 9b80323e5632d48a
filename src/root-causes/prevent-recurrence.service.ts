import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError, type ErrorDetail } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { actorOf, ComplaintTransitions } from '../complaints/complaint-transitions.js';
import { allowedActions, type ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { ComplaintEntity } from '../complaints/complaint.entity.js';
import { PreventionErrorCode } from '../prevention/prevention-error-code.js';
import { PreventionActionsRepository } from '../prevention/prevention-actions.repository.js';
import { PreventionActionsService } from '../prevention/prevention-actions.service.js';
import type { RecordRootCauseDto } from './dto/record-root-cause.dto.js';
import { NoBlameGuardService } from './no-blame-guard.service.js';
import { RootCauseErrorCode } from './root-cause-error-code.js';
import { RootCausesRepository } from './root-causes.repository.js';

/**
 * While the complaint is being worked on or awaits closing: the cause may be known before the answer, and a
 * dispute (reopened, then in_resolution again) may change it. Suggestions never reach these statuses.
 */
const ROOT_CAUSE_STATUSES: ComplaintStatus[] = ['in_resolution', 'resolved', 'reopened'];

/** The three ways a root cause says what stops it recurring; exactly one is given. */
const LINKS = ['preventionActionId', 'newPreventionAction', 'noSystemicCause'] as const;

/** Which of the three links a root cause carries: none or several is a 400 naming the fields. */
export function linkProblems(dto: Pick<RecordRootCauseDto, (typeof LINKS)[number]>): ErrorDetail[] {
  const given = LINKS.filter((field) => dto[field] !== undefined && dto[field] !== null);
  if (given.length === 1) return [];
  if (given.length === 0) {
    return LINKS.map((field) => ({ field, problem: `give exactly one of ${LINKS.join(', ')}: link a prevention action (existing or new) or justify "no systemic cause"` }));
  }
  return given.map((field) => ({ field, problem: `only one of ${LINKS.join(', ')} may be given; this request has ${given.join(' and ')}` }));
}

/** Recording the root cause of a complaint, and closing it once the cause is known (PRODUCT.md, "Prevent recurrence"). */
@Injectable()
export class PreventRecurrenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: ComplaintTransitions,
    private readonly rootCauses: RootCausesRepository,
    private readonly guard: NoBlameGuardService,
    private readonly preventionActions: PreventionActionsService,
    private readonly preventionActionRecords: PreventionActionsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Records (or replaces) the complaint's root cause with its prevention action, new or existing, or its "no
   * systemic cause" justification. Every recording is a timeline event, so a replaced cause stays on record.
   */
  async recordRootCause(principal: Principal, complaintId: string, dto: RecordRootCauseDto, expectedVersion: number | undefined): Promise<void> {
    const problems = linkProblems(dto);
    if (problems.length > 0) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'A root cause needs exactly one of a prevention action, a new prevention action or "no systemic cause"', problems);
    }
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, null, expectedVersion);
      this.transitions.requireStatus(complaint, 'record a root cause for', ROOT_CAUSE_STATUSES);
      if (!(await this.rootCauses.exists(manager, dto.causeCode))) {
        throw new AppError(RootCauseErrorCode.UNKNOWN_ROOT_CAUSE, `There is no root cause "${dto.causeCode}"`, [
          { field: 'causeCode', problem: 'names no root cause of the taxonomy (GET /api/root-causes)' },
        ]);
      }
      await this.guard.enforce(manager, [
        { field: 'description', text: dto.description, kind: 'explanation' },
        { field: 'noSystemicCause.justification', text: dto.noSystemicCause?.justification ?? '', kind: 'explanation' },
        // A new action goes to the committee's agenda too, which never names staff.
        { field: 'newPreventionAction.title', text: dto.newPreventionAction?.title ?? '', kind: 'explanation' },
        { field: 'newPreventionAction.description', text: dto.newPreventionAction?.description ?? '', kind: 'explanation' },
      ]);
      const preventionActionId = await this.preventionActionFor(manager, dto);
      const justification = dto.noSystemicCause?.justification ?? null;
      const now = this.clock.now();
      await this.transitions.apply(
        manager,
        complaint,
        null,
        actorOf(principal),
        now,
        {
          type: 'root_cause_recorded',
          data: {
            causeCode: dto.causeCode,
            description: dto.description,
            preventionActionId,
            preventionActionCreated: dto.newPreventionAction !== undefined,
            noSystemicCause: justification !== null,
            justification,
            replacedCauseCode: complaint.rootCauseCode,
          },
        },
        {
          rootCauseCode: dto.causeCode,
          rootCauseDescription: dto.description,
          preventionActionId,
          noSystemicCauseJustification: justification,
          rootCauseRecordedAt: now,
        },
      );
    });
  }

  /** The linked action: an existing one (it must exist), a new one for this cause, or none for "no systemic cause". */
  private async preventionActionFor(manager: EntityManager, dto: RecordRootCauseDto): Promise<string | null> {
    if (dto.preventionActionId) {
      const action = await this.preventionActionRecords.findById(manager, dto.preventionActionId);
      if (!action) {
        throw new AppError(PreventionErrorCode.LINKED_PREVENTION_ACTION_NOT_FOUND, 'There is no such prevention action', [
          { field: 'preventionActionId', problem: 'names no prevention action' },
        ]);
      }
      // An action's effectiveness is measured on complaints of its cause: linked under another cause, this complaint
      // would never count for or against it.
      if (action.causeCode !== dto.causeCode) {
        throw new AppError(PreventionErrorCode.PREVENTION_ACTION_CAUSE_MISMATCH, 'The prevention action is for another root cause', [
          { field: 'preventionActionId', problem: `addresses root cause "${action.causeCode}", not "${dto.causeCode}"` },
        ]);
      }
      return dto.preventionActionId;
    }
    if (dto.newPreventionAction) {
      return this.preventionActions.createIn(manager, dto.causeCode, dto.newPreventionAction, 'causeCode', 'newPreventionAction.');
    }
    return null;
  }

  /**
   * Closes a resolved complaint whose root cause is recorded, or a suggestion (which has no resolution step and no
   * root cause). The workflow refuses anything else, a reopened or disputed complaint included.
   */
  async close(principal: Principal, complaintId: string, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, 'close', expectedVersion);
      if (complaint.type === 'complaint' && !complaint.rootCauseCode) throw closeNeedsRootCause(complaint);
      const now = this.clock.now();
      await this.rootCauses.endOpenInformationRequest(manager, complaintId, now);
      await this.transitions.apply(
        manager,
        complaint,
        'close',
        actorOf(principal),
        now,
        {
          type: 'closed',
          data:
            complaint.type === 'complaint'
              ? { rootCauseCode: complaint.rootCauseCode, preventionActionId: complaint.preventionActionId, noSystemicCause: complaint.noSystemicCauseJustification !== null }
              : {},
        },
        // A closed case waits for nobody and owes the customer no more updates.
        { closedAt: now, pausedAt: null, keepInformedDueAt: null },
      );
    });
  }
}

function closeNeedsRootCause(complaint: ComplaintEntity): AppError {
  return new AppError(
    RootCauseErrorCode.CLOSE_NEEDS_ROOT_CAUSE,
    'Record the root cause before closing (POST /api/complaints/:id/root-cause), with a prevention action or a justified "no systemic cause"',
    [{ field: 'rootCause', problem: 'is not recorded' }],
    { currentStatus: complaint.status, allowedActions: allowedActions(complaint.status, complaint.type) },
  );
}
