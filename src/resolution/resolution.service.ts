import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/roles.js';
import { AppError, type ErrorDetail } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { actorOf, ComplaintTransitions, SYSTEM } from '../complaints/complaint-transitions.js';
import { firstResponseFacts } from '../complaints/first-response.js';
import { fieldOfFinding } from '../empathy-guard/finding-field.js';
import { CustomerMessenger } from '../notifications/customer-messenger.js';
import { referralText, resolutionMessage } from '../notifications/customer-messages.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { ReopenDto } from './dto/reopen.dto.js';
import type { ResolveComplaintDto } from './dto/resolve-complaint.dto.js';
import { MessageContext } from './message-context.js';
import { ResolutionErrorCode } from './resolution-error-code.js';
import { ResolutionRepository } from './resolution.repository.js';

/** What a resolution must carry: a remedy when upheld; a reason and next steps when it refuses anything. */
export function resolutionProblems(dto: Pick<ResolveComplaintDto, 'outcome' | 'remedy' | 'refusalReason' | 'nextSteps'>): { code: ResolutionErrorCode; details: ErrorDetail[] } | null {
  if (dto.outcome === 'upheld') {
    return dto.remedy?.trim() ? null : { code: ResolutionErrorCode.REMEDY_REQUIRED, details: [{ field: 'remedy', problem: 'is required when the complaint is upheld: say what was done' }] };
  }
  const details: ErrorDetail[] = [];
  if (!dto.refusalReason?.trim()) details.push({ field: 'refusalReason', problem: 'is required for a refusal: say why, in plain words' });
  if (!dto.nextSteps?.trim()) details.push({ field: 'nextSteps', problem: 'is required for a refusal: say what the customer can do next' });
  return details.length > 0 ? { code: ResolutionErrorCode.REFUSAL_NEEDS_REASON_AND_NEXT_STEPS, details } : null;
}

@Injectable()
export class ResolutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: ComplaintTransitions,
    private readonly messenger: CustomerMessenger,
    private readonly context: MessageContext,
    private readonly settings: SettingsRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly clock: Clock,
  ) {}

  /** The outcome, told to the customer on their channel; a refusal gets the organisation's referral rights added. */
  async resolve(principal: Principal, complaintId: string, dto: ResolveComplaintDto, expectedVersion: number | undefined): Promise<void> {
    const problems = resolutionProblems(dto);
    if (problems) throw new AppError(problems.code, 'The resolution is missing what the customer needs to know', problems.details);
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, 'resolve', expectedVersion);
      const now = this.clock.now();
      const refusal = dto.outcome !== 'upheld';
      const settings = await this.settings.current(manager);
      const referral = refusal ? referralText(complaint.customerLanguage, settings.referralEscalateTo, settings.referralTimeLimitDays) : null;
      const parts = {
        customerMessage: dto.customerMessage.trim(),
        remedy: dto.remedy?.trim() || null,
        refusalReason: refusal ? dto.refusalReason!.trim() : null,
        alternativeOffered: dto.alternativeOffered?.trim() || null,
        nextSteps: dto.nextSteps?.trim() || null,
        referralText: referral,
      };
      const resolutionId = randomUUID();
      const actor = actorOf(principal);
      const text = resolutionMessage({ ...(await this.context.of(manager, complaint)), ...parts });
      const sent = await this.messenger.send(
        manager,
        complaint,
        {
          purpose: 'resolution',
          kind: refusal ? 'refusal' : 'resolution',
          // In the order resolutionMessage composes them.
          field: fieldOfFinding(
            text,
            [
              ['customerMessage', parts.customerMessage],
              ['remedy', parts.remedy],
              ['refusalReason', parts.refusalReason],
              ['alternativeOffered', parts.alternativeOffered],
              ['nextSteps', parts.nextSteps],
            ],
            'customerMessage',
          ),
          dedupeKey: `resolution:${resolutionId}`,
          override: dto.override,
          text,
        },
        now,
      );
      await this.resolutions.insertResolution(manager, { id: resolutionId, complaintId, outcome: dto.outcome, ...parts, resolvedAt: now });
      // A question still waiting for the customer ends with the answer: its clocks stop below, and left open it would
      // keep the answer form on the status page and block the next question after a reopen.
      await this.resolutions.closeOpenInformationRequest(manager, complaintId, now);
      if (sent.override) await this.transitions.record(manager, complaint, actor, now, { type: 'guard_overridden', data: { purpose: 'resolution', ...sent.override } });
      // Resolving at first contact is also the first response.
      const firstResponse = firstResponseFacts(complaint, now);
      if (firstResponse.breachToRecord) {
        await this.transitions.record(manager, complaint, SYSTEM, now, { type: 'first_response_breached', data: { dueAt: complaint.firstResponseDueAt } });
      }
      await this.transitions.apply(
        manager,
        complaint,
        'resolve',
        actor,
        now,
        {
          type: 'resolved',
          data: { resolutionId, outcome: dto.outcome, refusal, withNextSteps: Boolean(parts.nextSteps), alternativeOffered: Boolean(parts.alternativeOffered), atFirstContact: complaint.status === 'received' },
        },
        // A resolved complaint owes the customer no more updates: the keep-informed clock stops.
        { ...firstResponse.changes, outcome: dto.outcome, resolvedAt: now, pausedAt: null, customerNextStep: parts.nextSteps, keepInformedDueAt: null },
      );
    });
  }

  /** Staff reopen a resolved complaint, e.g. when new facts arrive; the customer's own route is the dispute. */
  async reopen(principal: Principal, complaintId: string, dto: ReopenDto, expectedVersion: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.transitions.begin(manager, complaintId, 'reopen', expectedVersion);
      await this.transitions.apply(manager, complaint, 'reopen', actorOf(principal), this.clock.now(), { type: 'reopened', data: { reason: dto.reason.trim() } }, {
        outcome: null,
        resolvedAt: null,
      });
    });
  }
}
