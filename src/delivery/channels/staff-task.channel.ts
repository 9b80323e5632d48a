import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactChannel } from '../../complaints/complaint.entity.js';
import type { StaffTaskKind } from '../../sla/staff-task.entity.js';
import { StaffTasksRepository } from '../../sla/staff-tasks.repository.js';
import type { ClaimedMessage, DeliveryReceipt } from '../claimed-message.js';

/** The task a person makes for each channel that needs one. */
export const TASK_KIND_OF: Partial<Record<ContactChannel, Exclude<StaffTaskKind, 'keep_informed'>>> = { phone: 'call', sms: 'text', letter: 'letter' };

/**
 * A call, a text or a letter is made by a person (or the support desk), so delivering such a message means raising a
 * task in the owning department's queue, with the number or address of the message and the customer's contact
 * instructions word for word. Runs in the transaction that records the delivery: the task exists if and only if the
 * message counts as delivered.
 */
@Injectable()
export class StaffTaskChannel {
  constructor(private readonly tasks: StaffTasksRepository) {}

  async deliver(manager: EntityManager, message: ClaimedMessage, now: Date): Promise<DeliveryReceipt> {
    const kind = TASK_KIND_OF[message.channel as ContactChannel]!;
    const task = await this.tasks.raiseOutreach(manager, {
      complaintId: message.complaintId!,
      departmentId: message.owningDepartmentId!,
      kind,
      outboxMessageId: message.id,
      address: message.address,
      contactInstructions: message.contactInstructions,
      attempt: 1,
      dueAt: null,
      createdAt: now,
    });
    return {
      receipt: `${kind} task ${task.id}`,
      timelineEvent: { type: 'staff_task_raised', data: { outboxMessageId: message.id, purpose: message.purpose, taskId: task.id, kind, attempt: 1 } },
    };
  }
}
