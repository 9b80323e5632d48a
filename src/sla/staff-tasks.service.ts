import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { actorOf, ComplaintTransitions } from '../complaints/complaint-transitions.js';
import type { ComplaintEntity, ContactChannel } from '../complaints/complaint.entity.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { FALLBACK_MARK, OutboxRepository } from '../notifications/outbox.repository.js';
import type { OutboxMessageEntity } from '../notifications/outbox-message.entity.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { CompleteStaffTaskDto } from './dto/complete-staff-task.dto.js';
import { nextStep, OUTCOMES_OF, type OutreachKind } from './outreach.js';
import { StaffTaskErrorCode } from './staff-task-error-code.js';
import type { StaffTaskEntity } from './staff-task.entity.js';
import { StaffTasksRepository } from './staff-tasks.repository.js';

const MINUTE_MS = 60_000;

/**
 * Recording how a call, text or letter went, and what follows: nothing when the customer was reached; another call
 * after no answer; after the last unanswered call, or a wrong number or address, the message goes out again on the
 * customer's next stated contact, never one they excluded. The obligation to tell the customer never ends silently.
 */
@Injectable()
export class StaffTasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: StaffTasksRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly transitions: ComplaintTransitions,
    private readonly outbox: OutboxRepository,
    private readonly settings: SettingsRepository,
    private readonly clock: Clock,
  ) {}

  async complete(principal: Principal, id: string, dto: CompleteStaffTaskDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.lockForCompletion(manager, id);
      if (!task) throw new AppError(StaffTaskErrorCode.STAFF_TASK_NOT_FOUND, 'There is no such staff task');
      if (task.kind === 'keep_informed') {
        throw new AppError(StaffTaskErrorCode.STAFF_TASK_DONE_BY_UPDATE, 'A keep-informed task is done by sending the customer an update, a new date or the answer');
      }
      if (task.doneAt) throw new AppError(StaffTaskErrorCode.STAFF_TASK_ALREADY_DONE, `The task was done already (${task.outcome})`, [], { outcome: task.outcome });
      if (!OUTCOMES_OF[task.kind].includes(dto.outcome)) {
        throw new AppError(CommonErrorCode.VALIDATION_FAILED, `A ${task.kind} task cannot end ${dto.outcome}`, [
          { field: 'outcome', problem: `must be one of ${OUTCOMES_OF[task.kind].join(', ')} for a ${task.kind} task` },
        ]);
      }
      const now = this.clock.now();
      const complaint = (await this.complaints.lockForTransition(manager, task.complaintId))!;
      await this.tasks.complete(manager, id, dto.outcome, now);
      await this.transitions.record(manager, complaint, actorOf(principal), now, {
        type: 'staff_task_done',
        data: { taskId: id, kind: task.kind, attempt: task.attempt, outcome: dto.outcome, ...(dto.note?.trim() ? { note: dto.note.trim() } : {}) },
      });
      await this.follow(manager, task as StaffTaskEntity & { kind: OutreachKind }, dto, complaint, now);
    });
  }

  private async follow(manager: EntityManager, task: StaffTaskEntity & { kind: OutreachKind }, dto: CompleteStaffTaskDto, complaint: ComplaintEntity, now: Date): Promise<void> {
    const message = (await this.outbox.lockMessage(manager, task.outboxMessageId!))!;
    const rootKey = message.dedupeKey.split(FALLBACK_MARK)[0];
    const { callAttempts, callRetryMinutes } = await this.settings.current(manager);
    const step = nextStep({ kind: task.kind, attempt: task.attempt, outcome: dto.outcome }, complaint, await this.outbox.channelsTried(manager, rootKey), callAttempts);
    const system = { kind: 'system' as const, id: null, departmentId: null };
    switch (step.kind) {
      case 'done':
        return;
      case 'retry': {
        // The same number, the same words: only the moment changes.
        const retry = await this.tasks.raiseOutreach(manager, {
          complaintId: complaint.id,
          departmentId: complaint.owningDepartmentId,
          kind: task.kind,
          outboxMessageId: message.id,
          address: task.address!,
          contactInstructions: task.contactInstructions,
          attempt: step.attempt,
          dueAt: new Date(now.getTime() + callRetryMinutes * MINUTE_MS),
          createdAt: now,
        });
        await this.transitions.record(manager, complaint, system, now, {
          type: 'staff_task_raised',
          data: { outboxMessageId: message.id, purpose: message.purpose, taskId: retry.id, kind: task.kind, attempt: step.attempt },
        });
        return;
      }
      case 'fallback': {
        const fallback = await this.queueFallback(manager, message, rootKey, step.channel, step.address, now);
        await this.transitions.record(manager, complaint, system, now, {
          type: 'contact_fallback',
          data: { outboxMessageId: fallback, purpose: message.purpose, from: message.channel, to: step.channel, after: dto.outcome },
        });
        return;
      }
      case 'portal':
        await this.transitions.record(manager, complaint, system, now, {
          type: 'customer_not_reached',
          data: { outboxMessageId: message.id, purpose: message.purpose, channel: message.channel, after: dto.outcome },
        });
    }
  }

  /** The same message on another channel, for the dispatcher to deliver like any other; answers its id. */
  private async queueFallback(manager: EntityManager, message: OutboxMessageEntity, rootKey: string, channel: ContactChannel, address: string, now: Date): Promise<string> {
    return this.outbox.enqueue(manager, {
      complaintId: message.complaintId!,
      purpose: message.purpose,
      channel,
      address,
      language: message.language,
      body: message.body,
      dedupeKey: `${rootKey}${FALLBACK_MARK}${channel}`,
      availableAt: now,
    });
  }
}
