import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { actorOf, ComplaintTransitions } from '../complaints/complaint-transitions.js';
import { isCopyOfDescription } from './context-note.js';
import type { CreateHandoffDto } from './dto/create-handoff.dto.js';
import { HandoffErrorCode } from './handoff-error-code.js';
import { HandoffsRepository } from './handoffs.repository.js';

@Injectable()
export class HandoffsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: ComplaintTransitions,
    private readonly handoffs: HandoffsRepository,
    private readonly clock: Clock,
  ) {}

  /** Passes the complaint to another department with the context it needs; the wait until it acts is measured. */
  async handOff(principal: Principal, complaintId: string, dto: CreateHandoffDto, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, 'handoff', expectedVersion);
      const to = await this.handoffs.findDepartment(manager, dto.toDepartmentId);
      if (!to) {
        throw new AppError(HandoffErrorCode.HANDOFF_DEPARTMENT_NOT_FOUND, 'There is no such department', [{ field: 'toDepartmentId', problem: 'names no department' }]);
      }
      // The stored id, not the request's spelling: a UUID in capitals names the same department.
      if (to.id === complaint.owningDepartmentId) {
        throw new AppError(HandoffErrorCode.HANDOFF_TO_SAME_DEPARTMENT, 'The complaint is already with this department', [
          { field: 'toDepartmentId', problem: 'is the owning department' },
        ]);
      }
      if (dto.toAssigneeId && !(await this.handoffs.isStaffOf(manager, dto.toAssigneeId, to.id))) {
        throw new AppError(HandoffErrorCode.ASSIGNEE_NOT_IN_DEPARTMENT, `The assignee is not a member of ${to.name}`, [
          { field: 'toAssigneeId', problem: 'is not staff of the receiving department' },
        ]);
      }
      if (isCopyOfDescription(dto.contextNote, complaint.description)) {
        throw new AppError(
          HandoffErrorCode.CONTEXT_NOTE_COPIES_DESCRIPTION,
          'The context note repeats the description: say what was found so far and what the customer wants, so nobody asks them again',
          [{ field: 'contextNote', problem: 'is a copy of the description' }],
        );
      }
      const now = this.clock.now();
      const fromDepartmentId = complaint.owningDepartmentId;
      await this.transitions.apply(
        manager,
        complaint,
        'handoff',
        actorOf(principal),
        now,
        {
          type: 'handed_off',
          data: { fromDepartmentId, toDepartmentId: to.id, toDepartmentName: to.name, toAssigneeId: dto.toAssigneeId ?? null, reason: dto.reason.trim(), contextNote: dto.contextNote.trim() },
        },
        { owningDepartmentId: to.id },
      );
      // Inserted after the event so the sender's own action cannot count as the receiver's first one.
      await this.handoffs.insert(manager, {
        complaintId,
        fromDepartmentId,
        toDepartmentId: to.id,
        toAssigneeId: dto.toAssigneeId ?? null,
        reason: dto.reason.trim(),
        contextNote: dto.contextNote.trim(),
        handedOffAt: now,
      });
    });
  }
}
