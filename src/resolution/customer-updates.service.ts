import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ComplaintErrorCode } from '../complaints/complaint-error-code.js';
import { actorOf, ComplaintTransitions } from '../complaints/complaint-transitions.js';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import { CustomerMessenger } from '../notifications/customer-messenger.js';
import { delayMessage, informationRequestMessage, updateMessage } from '../notifications/customer-messages.js';
import type { AddNoteDto } from './dto/add-note.dto.js';
import type { ExpectedDateDto } from './dto/expected-date.dto.js';
import type { InformationRequestDto } from './dto/information-request.dto.js';
import { MessageContext } from './message-context.js';
import { ResolutionRepository } from './resolution.repository.js';

/** Where work on the complaint is under way and the customer can be told about it. */
const IN_PROGRESS: ComplaintStatus[] = ['acknowledged', 'in_resolution', 'reopened'];
const OPEN: ComplaintStatus[] = ['received', ...IN_PROGRESS];

/** Keeping the customer informed while the complaint is worked on: notes, questions, a new expected date. */
@Injectable()
export class CustomerUpdatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: ComplaintTransitions,
    private readonly messenger: CustomerMessenger,
    private readonly context: MessageContext,
    private readonly records: ResolutionRepository,
    private readonly clock: Clock,
  ) {}

  /** An internal note stays with staff; a customer note is a message to the customer through the guard. */
  async addNote(principal: Principal, complaintId: string, dto: AddNoteDto): Promise<{ id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, null);
      const now = this.clock.now();
      const actor = actorOf(principal);
      const id = randomUUID();
      const body = dto.body.trim();
      if (dto.visibility === 'customer') {
        this.transitions.requireStatus(complaint, 'send a customer update to', OPEN);
        const sent = await this.messenger.send(
          manager,
          complaint,
          { purpose: 'update', kind: 'update', field: 'body', dedupeKey: `note:${id}`, override: dto.override, text: updateMessage({ ...(await this.context.of(manager, complaint)), body }) },
          now,
        );
        if (sent.override) await this.transitions.record(manager, complaint, actor, now, { type: 'guard_overridden', data: { purpose: 'update', ...sent.override } });
      }
      await this.records.insertNote(manager, { id, complaintId, visibility: dto.visibility, body, authorKind: actor.kind, authorId: actor.id, createdAt: now });
      await this.transitions.record(manager, complaint, actor, now, dto.visibility === 'customer' ? { type: 'customer_updated', data: { noteId: id, message: body } } : { type: 'note_added', data: { noteId: id, visibility: 'internal' } });
      return { id };
    });
  }

  /** Asks the customer for something; the SLA clocks stand still until they answer on their status page. */
  async requestInformation(principal: Principal, complaintId: string, dto: InformationRequestDto, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, null, expectedVersion);
      this.transitions.requireStatus(complaint, 'ask the customer about', IN_PROGRESS);
      if (complaint.pausedAt) {
        throw new AppError(ComplaintErrorCode.ALREADY_WAITING_FOR_CUSTOMER, 'A question to the customer is already open; wait for the answer or ask both in one message');
      }
      const now = this.clock.now();
      const actor = actorOf(principal);
      const id = randomUUID();
      const question = dto.question.trim();
      const sent = await this.messenger.send(
        manager,
        complaint,
        { purpose: 'information_request', kind: 'update', field: 'question', dedupeKey: `information_request:${id}`, override: dto.override, text: informationRequestMessage({ ...(await this.context.of(manager, complaint)), question }) },
        now,
      );
      await this.records.insertInformationRequest(manager, { id, complaintId, question, askedAt: now });
      if (sent.override) await this.transitions.record(manager, complaint, actor, now, { type: 'guard_overridden', data: { purpose: 'information_request', ...sent.override } });
      await this.transitions.apply(manager, complaint, null, actor, now, { type: 'information_requested', data: { informationRequestId: id, question } }, { pausedAt: now });
    });
  }

  /** Moves the expected date; a later date needs a reason the customer understands and tells them at once. */
  async changeExpectedDate(principal: Principal, complaintId: string, dto: ExpectedDateDto, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, null, expectedVersion);
      this.transitions.requireStatus(complaint, 'change the expected date of', OPEN);
      const now = this.clock.now();
      const to = new Date(dto.expectedResolutionBy);
      if (to.getTime() <= now.getTime()) {
        throw new AppError(ComplaintErrorCode.EXPECTED_DATE_IN_PAST, 'The expected resolution date must be in the future', [{ field: 'expectedResolutionBy', problem: 'is not in the future' }]);
      }
      const from = complaint.expectedResolutionBy ?? complaint.resolutionDueAt;
      const later = !from || to.getTime() > from.getTime();
      const customerReason = dto.customerReason?.trim();
      const actor = actorOf(principal);
      if (later) {
        if (!customerReason) {
          throw new AppError(ComplaintErrorCode.DELAY_NEEDS_REASON, 'Moving the date later needs a reason the customer can understand', [
            { field: 'customerReason', problem: 'is required when the date moves later' },
          ]);
        }
        const sent = await this.messenger.send(
          manager,
          complaint,
          {
            purpose: 'delay',
            kind: 'delay',
            field: 'customerReason',
            dedupeKey: `delay:${complaintId}:${complaint.version}`,
            override: dto.override,
            text: delayMessage({ ...(await this.context.of(manager, complaint)), customerReason, expectedBy: to }),
          },
          now,
        );
        if (sent.override) await this.transitions.record(manager, complaint, actor, now, { type: 'guard_overridden', data: { purpose: 'delay', ...sent.override } });
      }
      await this.transitions.apply(
        manager,
        complaint,
        null,
        actor,
        now,
        {
          type: 'expected_date_changed',
          data: { from, to, later, customerReason: customerReason ?? null, announcedBeforeDeadline: later ? !from || now.getTime() <= from.getTime() : null },
        },
        { expectedResolutionBy: to },
      );
    });
  }
}
