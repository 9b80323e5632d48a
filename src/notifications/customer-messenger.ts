import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BusinessCalendarRepository } from '../admin/business-calendar.repository.js';
import type { ComplaintEntity } from '../complaints/complaint.entity.js';
import type { GuardOverride } from '../empathy-guard/empathy-guard.service.js';
import { EmpathyGuardService } from '../empathy-guard/empathy-guard.service.js';
import type { MessageKind } from '../empathy-guard/empathy-guard.js';
import type { TextSpan } from '../empathy-guard/finding-field.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { PublicLinkService } from '../public/public-link.service.js';
import { addBusinessHours, type BusinessCalendar } from '../sla/business-calendar.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import { addressFor } from './customer-address.js';
import { KeepInformedRepository } from './keep-informed.repository.js';
import { OutboxRepository } from './outbox.repository.js';

export interface CustomerMessage {
  purpose: string;
  kind: MessageKind;
  /** The full text as the customer will read it; the guard checks this, not fragments. */
  text: string;
  /**
   * The request field the staff-written part came from, for the guard's 422 details; for a text composed from
   * several fields, a function naming the field a finding falls in.
   */
  field: string | ((at: TextSpan) => string);
  dedupeKey: string;
  override?: GuardOverride;
}

export interface SentMessage {
  /** Set when block findings were let through; the caller puts it on the timeline. */
  override: { justification: string; findings: unknown[] } | null;
}

/** Business hours in one working day of the calendar, to turn "5 business days" into business hours. */
function workdayHours(calendar: BusinessCalendar): number {
  const [sh, sm] = calendar.workingHours.start.split(':').map(Number);
  const [eh, em] = calendar.workingHours.end.split(':').map(Number);
  return (eh * 60 + em - (sh * 60 + sm)) / 60;
}

/**
 * Every message to a customer goes through here: the empathy guard, the outbox (preferred channel only), and the
 * keep-informed clock, all in the caller's transaction.
 */
@Injectable()
export class CustomerMessenger {
  constructor(
    private readonly guard: EmpathyGuardService,
    private readonly outbox: OutboxRepository,
    private readonly links: PublicLinkService,
    private readonly calendars: BusinessCalendarRepository,
    private readonly settings: SettingsRepository,
    private readonly keepInformed: KeepInformedRepository,
    private readonly privacy: PrivacyService,
  ) {}

  async send(manager: EntityManager, complaint: ComplaintEntity, message: CustomerMessage, now: Date): Promise<SentMessage> {
    const verdict = this.guard.enforce(message.text, complaint.customerLanguage, message.kind, message.override, message.field);
    const field = message.field;
    await this.privacy.assertPrivateToCustomer(
      manager,
      { id: complaint.id, customer: { name: complaint.customerName, email: complaint.customerEmail, phone: complaint.customerPhone } },
      message.text,
      typeof field === 'string' ? () => field : field,
    );
    const publicUrl = this.links.urlFor(complaint.id);
    const warnings = verdict.findings.filter((finding) => finding.severity === 'warn' || verdict.overridden);
    await this.outbox.enqueue(manager, {
      complaintId: complaint.id,
      purpose: message.purpose,
      channel: complaint.preferredChannel,
      address: addressFor(complaint, publicUrl)!,
      language: complaint.customerLanguage,
      body: message.text,
      dedupeKey: message.dedupeKey,
      availableAt: now,
      guardFindings: verdict.overridden ? [...warnings, { override: message.override!.justification.trim() }] : warnings,
    });
    await this.restartKeepInformedClock(manager, complaint, now);
    return { override: verdict.overridden ? { justification: message.override!.justification.trim(), findings: verdict.findings } : null };
  }

  /** The customer just heard from us: the next update is owed keepInformedBusinessDays business days from now. */
  private async restartKeepInformedClock(manager: EntityManager, complaint: ComplaintEntity, now: Date): Promise<void> {
    const calendar = await this.calendars.current(manager);
    const { keepInformedBusinessDays } = await this.settings.current(manager);
    const keepInformedDueAt = addBusinessHours(now, keepInformedBusinessDays * workdayHours(calendar), calendar);
    await this.keepInformed.restart(manager, complaint.id, now, keepInformedDueAt);
    Object.assign(complaint, { lastCustomerUpdateAt: now, keepInformedDueAt });
  }
}
