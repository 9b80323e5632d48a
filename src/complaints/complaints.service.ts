import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessCalendarRepository } from '../admin/business-calendar.repository.js';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { violates } from '../common/database-errors.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination.js';
import { stableStringify } from '../common/stable-json.js';
import { fieldOfFinding } from '../empathy-guard/finding-field.js';
import { acknowledgementMessage } from '../notifications/customer-messages.js';
import { addressFor, CONTACT_FIELD_FOR } from '../notifications/customer-address.js';
import { actorOf, complaintNotFound, ComplaintTransitions, SYSTEM } from './complaint-transitions.js';
import { CustomerMessenger } from '../notifications/customer-messenger.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { PublicLinkService } from '../public/public-link.service.js';
import type { SimilarComplaint } from '../similar-complaints/similar-complaints.repository.js';
import { SimilarComplaintsService } from '../similar-complaints/similar-complaints.service.js';
import { addBusinessHours } from '../sla/business-calendar.js';
import { ComplaintErrorCode } from './complaint-error-code.js';
import { firstResponseFacts } from './first-response.js';
import { complaintView, type ComplaintView } from './complaint-view.js';
import type { ComplaintEntity } from './complaint.entity.js';
import { ComplaintsRepository } from './complaints.repository.js';
import type { AcknowledgeComplaintDto } from './dto/acknowledge-complaint.dto.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import type { ListComplaintsQuery } from './dto/list-complaints.query.js';
import { nameKeys } from '../privacy/redaction.js';

/** A receivedAt this far ahead of our clock is a client clock problem, not a complaint from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The intake answer: the complaint, and earlier look-alikes with a prevention action to tell the customer about;
 * knownIssuesTimedOut tells an empty list that was cut short from one that found nothing.
 */
export type IntakeView = ComplaintView & { knownIssues: SimilarComplaint[]; knownIssuesTimedOut: boolean };

export interface IntakeResult {
  complaint: IntakeView;
  /** True when an Idempotency-Key retry returned the complaint created earlier. */
  replayed: boolean;
}

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly calendars: BusinessCalendarRepository,
    private readonly messenger: CustomerMessenger,
    private readonly transitions: ComplaintTransitions,
    private readonly settings: SettingsRepository,
    private readonly links: PublicLinkService,
    private readonly clock: Clock,
    private readonly similar: SimilarComplaintsService,
  ) {}

  async intake(principal: Principal, dto: CreateComplaintDto, idempotencyKey: string | undefined): Promise<IntakeResult> {
    const intakeHash = createHash('sha256').update(stableStringify(dto)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.complaints.findByIdempotencyKey(principal.id, idempotencyKey);
      if (earlier) return this.replay(earlier, intakeHash);
    }
    const now = this.clock.now();
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
    this.checkIntake(dto, receivedAt, now);
    try {
      const id = await this.dataSource.transaction((manager) => this.create(manager, principal, dto, receivedAt, now, intakeHash, idempotencyKey));
      // A complaint this new has no handoff yet: the view needs only the row.
      const created = await this.complaints.findForRead(id);
      return { complaint: await this.intakeView(created!), replayed: false };
    } catch (error) {
      // Two retries of one request raced: the loser answers with the winner's complaint.
      if (idempotencyKey && violates(error, 'uq_complaints_idempotency')) {
        const winner = await this.complaints.findByIdempotencyKey(principal.id, idempotencyKey);
        if (winner) return this.replay(winner, intakeHash);
      }
      throw error;
    }
  }

  private async replay(earlier: ComplaintEntity, intakeHash: string): Promise<IntakeResult> {
    if (earlier.intakeHash !== intakeHash) {
      throw new AppError(
        ComplaintErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This Idempotency-Key was used for a different complaint; use a new key for a new complaint',
        [{ field: 'Idempotency-Key', problem: 'was used with a different body' }],
      );
    }
    return { complaint: await this.intakeView(earlier), replayed: true };
  }

  /**
   * Known issues are looked up after the insert has committed, outside its transaction: the search never holds
   * the new row's locks, and a slow or failed search cannot undo an intake. A retry looks them up again, so it
   * also sees prevention actions linked since.
   */
  private async intakeView(complaint: ComplaintEntity): Promise<IntakeView> {
    const known = await this.similar.knownIssuesFor(complaint);
    return { ...complaintView(complaint, this.links.urlFor(complaint.id)), knownIssues: known.items, knownIssuesTimedOut: known.timedOut };
  }

  private checkIntake(dto: CreateComplaintDto, receivedAt: Date, now: Date): void {
    const details = [];
    const contactField = CONTACT_FIELD_FOR[dto.customer.preferredChannel];
    if (contactField && !addressFor(this.contactOf(dto), '')) {
      details.push({ field: contactField, problem: `is required when the preferred channel is ${dto.customer.preferredChannel}` });
    }
    if (dto.customer.excludedChannels?.includes(dto.customer.preferredChannel)) {
      details.push({ field: 'customer.excludedChannels', problem: `must not hold the preferred channel ${dto.customer.preferredChannel}` });
    }
    if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) details.push({ field: 'receivedAt', problem: 'is in the future' });
    if (details.length > 0) throw new AppError(CommonErrorCode.VALIDATION_FAILED, `The request has ${details.length} invalid field(s)`, details);
  }

  private contactOf(dto: CreateComplaintDto) {
    return {
      preferredChannel: dto.customer.preferredChannel,
      customerEmail: dto.customer.email ?? null,
      customerPhone: dto.customer.phone ?? null,
      customerPostalAddress: dto.customer.postalAddress ?? null,
    };
  }

  private async create(
    manager: EntityManager,
    principal: Principal,
    dto: CreateComplaintDto,
    receivedAt: Date,
    now: Date,
    intakeHash: string,
    idempotencyKey: string | undefined,
  ): Promise<string> {
    const category = await this.complaints.findCategoryByCode(manager, dto.categoryCode);
    if (!category) {
      throw new AppError(ComplaintErrorCode.UNKNOWN_CATEGORY, `There is no category "${dto.categoryCode}"`, [
        { field: 'categoryCode', problem: 'names no category' },
      ]);
    }
    const isComplaint = dto.type === 'complaint';
    const calendar = await this.calendars.current(manager);
    const { atRiskShare } = await this.settings.current(manager);
    const resolutionHours = category.targets.resolutionHours[dto.severity];
    const number = await this.complaints.nextReferenceNumber(manager);
    const id = randomUUID();
    const reference = `CMP-${now.getUTCFullYear()}-${String(number).padStart(6, '0')}`;
    await this.complaints.insert(manager, {
      id,
      reference,
      type: dto.type,
      channel: dto.channel,
      categoryId: category.id,
      severity: dto.severity,
      summary: dto.summary,
      description: dto.description,
      desiredOutcome: dto.desiredOutcome ?? null,
      receivedAt,
      status: 'received',
      version: 1,
      owningDepartmentId: category.ownerDepartmentId,
      customerExternalRef: dto.customer.externalRef ?? null,
      customerName: dto.customer.name,
      customerNameKeys: nameKeys(dto.customer.name),
      ...this.contactOf(dto),
      customerExcludedChannels: dto.customer.excludedChannels ?? [],
      contactInstructions: dto.customer.contactInstructions ?? null,
      customerLanguage: dto.customer.language ?? 'en',
      // Suggestions have no SLA clocks: nobody owes a deadline on an idea.
      firstResponseDueAt: isComplaint ? addBusinessHours(receivedAt, category.targets.firstResponseHours[dto.severity], calendar) : null,
      resolutionDueAt: isComplaint ? addBusinessHours(receivedAt, resolutionHours, calendar) : null,
      atRiskDueAt: isComplaint ? addBusinessHours(receivedAt, resolutionHours * atRiskShare, calendar) : null,
      publicTokenHash: this.links.digestOf(this.links.tokenFor(id))!,
      idempotencyPrincipalId: idempotencyKey ? principal.id : null,
      idempotencyKey: idempotencyKey ?? null,
      intakeHash,
    });
    await this.transitions.record(
      manager,
      { id, reference, status: 'received', version: 1, type: dto.type, owningDepartmentId: category.ownerDepartmentId },
      { kind: principal.kind, id: principal.id, departmentId: null },
      now,
      { type: 'received', data: { type: dto.type, channel: dto.channel, severity: dto.severity, categoryCode: category.code } },
    );
    return id;
  }

  async get(id: string): Promise<ComplaintView> {
    const complaint = await this.complaints.findForRead(id);
    if (!complaint) throw complaintNotFound();
    const handoffs = await this.complaints.latestHandoffs([complaint.id]);
    return complaintView(complaint, this.links.urlFor(complaint.id), handoffs.get(complaint.id));
  }

  async list(query: ListComplaintsQuery): Promise<Page<ComplaintView>> {
    const rows = await this.complaints.queue({
      status: query.status,
      departmentId: query.departmentId,
      breached: query.breached,
      type: query.type,
      categoryCode: query.categoryCode,
      receivedFrom: query.receivedFrom ? new Date(query.receivedFrom) : undefined,
      receivedTo: query.receivedTo ? new Date(query.receivedTo) : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const handoffs = await this.complaints.latestHandoffs(items.map((c) => c.id));
    return {
      items: items.map((c) => complaintView(c, this.links.urlFor(c.id), handoffs.get(c.id))),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.receivedAt.toISOString(), id: last.id }) : null,
    };
  }

  async timeline(id: string) {
    if (!(await this.complaints.findForRead(id))) throw complaintNotFound();
    const events = await this.complaints.timeline(id);
    return {
      items: events.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, actor: { kind: e.actorKind, id: e.actorId }, data: e.data })),
    };
  }

  async acknowledge(principal: Principal, id: string, dto: AcknowledgeComplaintDto, expectedVersion: number | undefined): Promise<ComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, id, 'acknowledge', expectedVersion);
      const now = this.clock.now();
      const expectedBy = dto.expectedResolutionBy ? new Date(dto.expectedResolutionBy) : complaint.resolutionDueAt;
      if (dto.expectedResolutionBy && expectedBy!.getTime() <= now.getTime()) {
        throw new AppError(ComplaintErrorCode.EXPECTED_DATE_IN_PAST, 'The expected resolution date must be in the future', [
          { field: 'expectedResolutionBy', problem: 'is not in the future' },
        ]);
      }
      const firstResponse = firstResponseFacts(complaint, now);
      const actor = actorOf(principal);
      if (firstResponse.breachToRecord) {
        // The sweep had not caught it yet: the breach is still recorded, once, before the late answer.
        await this.transitions.record(manager, complaint, SYSTEM, now, { type: 'first_response_breached', data: { dueAt: complaint.firstResponseDueAt } });
      }
      const calendar = await this.calendars.current(manager);
      const team = await this.complaints.findDepartmentName(manager, complaint.owningDepartmentId);
      const text = acknowledgementMessage({
        language: complaint.customerLanguage,
        timeZone: calendar.timeZone,
        reference: complaint.reference,
        teamName: team?.name ?? 'customer care',
        publicUrl: this.links.urlFor(id),
        message: dto.message,
        nextSteps: dto.nextSteps,
        expectedBy,
      });
      const sent = await this.messenger.send(
        manager,
        complaint,
        {
          purpose: 'acknowledgement',
          kind: complaint.type === 'suggestion' ? 'thanks' : 'acknowledgement',
          field: fieldOfFinding(text, [['message', dto.message], ['nextSteps', dto.nextSteps]], 'message'),
          dedupeKey: `acknowledgement:${id}`,
          override: dto.override,
          text,
        },
        now,
      );
      if (sent.override) await this.transitions.record(manager, complaint, actor, now, { type: 'guard_overridden', data: { purpose: 'acknowledgement', ...sent.override } });
      await this.transitions.apply(
        manager,
        complaint,
        'acknowledge',
        actor,
        now,
        { type: 'acknowledged', data: { onTime: firstResponse.onTime, expectedResolutionBy: expectedBy, nextSteps: dto.nextSteps.trim(), channel: complaint.preferredChannel } },
        { ...firstResponse.changes, expectedResolutionBy: expectedBy, customerNextStep: dto.nextSteps.trim() },
      );
    });
    return this.get(id);
  }

}
