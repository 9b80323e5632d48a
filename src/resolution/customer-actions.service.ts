import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendarRepository } from '../admin/business-calendar.repository.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { violates } from '../common/database-errors.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { ComplaintErrorCode } from '../complaints/complaint-error-code.js';
import { ComplaintTransitions, CUSTOMER } from '../complaints/complaint-transitions.js';
import type { ComplaintEntity } from '../complaints/complaint.entity.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { StaffNotificationsRepository } from '../notifications/staff-notifications.repository.js';
import { PublicLinkService } from '../public/public-link.service.js';
import { addBusinessHours, businessMillisBetween, type BusinessCalendar } from '../sla/business-calendar.js';
import type { CustomerReplyDto } from './dto/customer-reply.dto.js';
import type { DisputeDto } from './dto/dispute.dto.js';
import type { FeedbackDto } from './dto/feedback.dto.js';
import { ResolutionErrorCode } from './resolution-error-code.js';
import { ResolutionRepository } from './resolution.repository.js';

const HOUR = 3_600_000;

function shift(at: Date | null, pausedMs: number, calendar: BusinessCalendar): Date | null {
  return at && pausedMs > 0 ? addBusinessHours(at, pausedMs / HOUR, calendar) : at;
}

/** What the customer does from their status link: answer a question, rate the resolution, dispute it. */
@Injectable()
export class CustomerActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PublicLinkService,
    private readonly complaints: ComplaintsRepository,
    private readonly transitions: ComplaintTransitions,
    private readonly records: ResolutionRepository,
    private readonly calendars: BusinessCalendarRepository,
    private readonly notifications: StaffNotificationsRepository,
    private readonly clock: Clock,
  ) {}

  /** The answer to an open question: the clocks resume, every deadline moved by the business time they stood still. */
  async reply(token: string, dto: CustomerReplyDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.lockByToken(manager, token);
      const request = await this.records.openInformationRequest(manager, complaint.id);
      if (!request || !complaint.pausedAt) {
        throw new AppError(ComplaintErrorCode.NO_OPEN_INFORMATION_REQUEST, 'We have not asked you anything that is waiting for an answer');
      }
      const now = this.clock.now();
      const calendar = await this.calendars.current(manager);
      const pausedMs = businessMillisBetween(complaint.pausedAt, now, calendar);
      const answer = dto.message.trim();
      await this.records.answerInformationRequest(manager, request.id, answer, now, pausedMs);
      await this.transitions.apply(
        manager,
        complaint,
        null,
        CUSTOMER,
        now,
        { type: 'customer_replied', data: { informationRequestId: request.id, answer, pausedBusinessMs: pausedMs } },
        {
          pausedAt: null,
          firstResponseDueAt: complaint.firstRespondedAt ? complaint.firstResponseDueAt : shift(complaint.firstResponseDueAt, pausedMs, calendar),
          resolutionDueAt: shift(complaint.resolutionDueAt, pausedMs, calendar),
          atRiskDueAt: complaint.atRiskAt ? complaint.atRiskDueAt : shift(complaint.atRiskDueAt, pausedMs, calendar),
          keepInformedDueAt: shift(complaint.keepInformedDueAt, pausedMs, calendar),
        },
      );
      await this.notifications.notifyDepartment(manager, {
        complaintId: complaint.id,
        departmentId: complaint.owningDepartmentId,
        kind: 'customer_replied',
        body: `The customer answered the question on ${complaint.reference}; the clocks run again.`,
        dedupeKey: `customer_replied:${request.id}`,
        createdAt: now,
      });
    });
  }

  /** One rating per resolution: CSAT 1–5 and/or NPS 0–10, with an optional comment. */
  async feedback(token: string, dto: FeedbackDto): Promise<void> {
    // null passes @IsOptional like an absent score does; without either score the database's check would refuse it.
    if (dto.csat == null && dto.nps == null) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'Give a satisfaction score, a recommendation score, or both', [
        { field: 'csat', problem: 'or nps is required' },
      ]);
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        const complaint = await this.lockByToken(manager, token);
        const resolution = ['resolved', 'closed'].includes(complaint.status) ? await this.records.latestResolution(manager, complaint.id) : null;
        if (!resolution) throw new AppError(ResolutionErrorCode.NOTHING_TO_RATE, 'There is no answer to rate yet');
        const now = this.clock.now();
        await this.records.insertFeedback(manager, {
          complaintId: complaint.id,
          resolutionId: resolution.id,
          csat: dto.csat ?? null,
          nps: dto.nps ?? null,
          comment: dto.comment?.trim() || null,
          createdAt: now,
        });
        await this.transitions.record(manager, complaint, CUSTOMER, now, { type: 'feedback_received', data: { resolutionId: resolution.id, csat: dto.csat ?? null, nps: dto.nps ?? null } });
      });
    } catch (error) {
      if (violates(error, 'uq_customer_feedback_resolution')) {
        throw new AppError(ResolutionErrorCode.FEEDBACK_ALREADY_GIVEN, 'You have already rated this answer; thank you');
      }
      throw error;
    }
  }

  /** The customer disagrees with the answer: the complaint reopens and its department is told. */
  async dispute(token: string, dto: DisputeDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.lockByToken(manager, token);
      if (complaint.status !== 'resolved') throw new AppError(ResolutionErrorCode.NOTHING_TO_DISPUTE, 'There is no answer to dispute right now');
      const now = this.clock.now();
      const reason = dto.reason.trim();
      await this.transitions.apply(manager, complaint, 'dispute', CUSTOMER, now, { type: 'disputed', data: { reason, outcome: complaint.outcome } }, { outcome: null, resolvedAt: null });
      await this.notifications.notifyDepartment(manager, {
        complaintId: complaint.id,
        departmentId: complaint.owningDepartmentId,
        kind: 'disputed',
        body: `The customer disputed the answer on ${complaint.reference} and it has been reopened: "${reason}"`,
        dedupeKey: `disputed:${complaint.id}:${complaint.version}`,
        createdAt: now,
      });
    });
  }

  private async lockByToken(manager: EntityManager, token: string): Promise<ComplaintEntity> {
    const digest = this.links.digestOf(token);
    const found = digest ? await this.complaints.findByPublicTokenHash(digest, manager) : null;
    if (!found) throw new AppError(CommonErrorCode.NOT_FOUND, 'This status link is not valid');
    return this.transitions.begin(manager, found.id, null);
  }
}
