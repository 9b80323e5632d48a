import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { ComplaintEntity, ComplaintType, ResolutionOutcome } from '../complaints/complaint.entity.js';
import type { CustomerLocale } from './customer-locale.js';
import type { CustomerLanguage, MessageKey } from './i18n/translations.js';

/**
 * The timeline events a customer may see. Every other event type (SLA breaches, internal notes, at-risk flags,
 * overrides, anything added later) is internal: it is neither read from the database nor shown.
 */
export const PUBLIC_EVENT_TYPES = [
  'received',
  'acknowledged',
  'handed_off',
  'customer_updated',
  'information_requested',
  'customer_replied',
  'expected_date_changed',
  'resolved',
  'reopened',
  'disputed',
  'feedback_received',
] as const;
export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number];

/**
 * The only members of an event's data the page reads, whatever else the event carries (a handoff's reason and
 * context note, staff ids, channels…). The repository selects just these; the mapping below picks per type.
 */
export const PUBLIC_EVENT_FIELDS = ['nextSteps', 'toDepartmentName', 'message', 'question', 'to', 'customerReason', 'outcome'] as const;
export type PublicEventField = (typeof PUBLIC_EVENT_FIELDS)[number];

export interface PublicEventRow {
  type: string;
  occurredAt: Date;
  data: Partial<Record<PublicEventField, unknown>>;
}

export interface OpenInformationRequest {
  question: string;
  askedAt: Date;
}

export interface LatestResolution {
  outcome: ResolutionOutcome;
  customerMessage: string;
  resolvedAt: Date;
  /** Whether the customer has already rated this resolution: once per resolution. */
  hasFeedback: boolean;
}

/** Everything the page is built from; the complaint row holds more than that, and the view copies field by field. */
export interface CustomerStatusFacts {
  complaint: ComplaintEntity;
  events: PublicEventRow[];
  openInformationRequest: OpenInformationRequest | null;
  latestResolution: LatestResolution | null;
}

export type StepKey = 'received' | 'acknowledged' | 'in_resolution' | 'resolved' | 'closed';
export type StepState = 'done' | 'current' | 'upcoming';

export interface CustomerStatusView {
  language: CustomerLanguage;
  reference: string;
  type: ComplaintType;
  status: ComplaintStatus;
  statusText: string;
  step: number;
  totalSteps: number;
  steps: { key: StepKey; label: string; state: StepState }[];
  nextStep: string;
  expectedResolutionBy: Date | null;
  replyDueBy: Date | null;
  owningTeam: string | null;
  receivedAt: Date;
  lastUpdatedAt: Date;
  timeline: { at: Date; type: PublicEventType; text: string }[];
  informationRequest: { question: string; askedAt: Date } | null;
  resolution: { outcome: ResolutionOutcome; outcomeText: string; message: string; resolvedAt: Date } | null;
  canGiveFeedback: boolean;
  canDispute: boolean;
}

const COMPLAINT_STEPS: readonly StepKey[] = ['received', 'acknowledged', 'in_resolution', 'resolved', 'closed'];
/** Suggestions skip the resolution step (PRODUCT.md): they are thanked for and go to the committee. */
const SUGGESTION_STEPS: readonly StepKey[] = ['received', 'acknowledged', 'closed'];

/** A reopened complaint is being resolved again: the customer sees the same step, with its own status text. */
const STEP_OF_STATUS: Record<ComplaintStatus, StepKey> = {
  received: 'received',
  acknowledged: 'acknowledged',
  in_resolution: 'in_resolution',
  reopened: 'in_resolution',
  resolved: 'resolved',
  closed: 'closed',
};

const OUTCOMES: readonly ResolutionOutcome[] = ['upheld', 'partially_upheld', 'not_upheld'];
const isOutcome = (value: unknown): value is ResolutionOutcome => OUTCOMES.includes(value as ResolutionOutcome);

/** Once we have answered, an earlier expected date is moot: the answer is the last word until a dispute. */
const ANSWERED: readonly ComplaintStatus[] = ['resolved', 'closed'];

/**
 * Staff write the customer's next step when they acknowledge and when they resolve. A dispute or a reopening
 * makes that step stale (it belonged to the answer being reopened), and a closed case needs nothing more, so the
 * written step stands only while the latest of these events is the one that wrote it.
 */
function staffNextStepStands(status: ComplaintStatus, events: PublicEventRow[]): boolean {
  if (status === 'closed') return false;
  const latest = events.findLast((event) => ['acknowledged', 'resolved', 'reopened', 'disputed'].includes(event.type));
  return latest === undefined || latest.type === 'acknowledged' || latest.type === 'resolved';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function isPublicEventType(type: string): type is PublicEventType {
  return (PUBLIC_EVENT_TYPES as readonly string[]).includes(type);
}

export function outcomeText(outcome: ResolutionOutcome, locale: CustomerLocale): string {
  return locale.t(`outcome.${outcome}` as MessageKey);
}

/** One public event in plain words, from the fields named for its type only. */
export function describeEvent(type: PublicEventType, data: PublicEventRow['data'], locale: CustomerLocale): string {
  const { t } = locale;
  switch (type) {
    case 'received':
      return t('timeline.received');
    case 'acknowledged': {
      const nextSteps = text(data.nextSteps);
      return nextSteps ? t('timeline.acknowledgedWithNextSteps', { nextSteps }) : t('timeline.acknowledged');
    }
    case 'handed_off': {
      // Never the handoff's reason or context note: those are written for the receiving team.
      const team = text(data.toDepartmentName);
      return team ? t('timeline.handedOff', { team }) : t('timeline.handedOffNoTeam');
    }
    case 'customer_updated': {
      const message = text(data.message);
      return message ? t('timeline.customerUpdated', { message }) : t('timeline.customerUpdatedNoText');
    }
    case 'information_requested': {
      const question = text(data.question);
      return question ? t('timeline.informationRequested', { question }) : t('timeline.informationRequestedNoText');
    }
    case 'customer_replied':
      return t('timeline.customerReplied');
    case 'expected_date_changed': {
      const to = date(data.to);
      const reason = text(data.customerReason);
      if (!to) return t('timeline.expectedDateChangedNoDate');
      return reason
        ? t('timeline.expectedDateChangedWithReason', { date: locale.longDate(to), reason })
        : t('timeline.expectedDateChanged', { date: locale.longDate(to) });
    }
    case 'resolved':
      return isOutcome(data.outcome) ? t('timeline.resolved', { outcome: outcomeText(data.outcome, locale) }) : t('timeline.resolvedNoOutcome');
    case 'reopened':
      return t('timeline.reopened');
    case 'disputed':
      return t('timeline.disputed');
    case 'feedback_received':
      return t('timeline.feedbackReceived');
  }
}

/**
 * The customer's status page, for both the HTML page and the JSON: built field by field from an allow-list.
 * Staff names and ids, internal notes, event data beyond the fields above, contact details and other complaints
 * never reach it, because nothing here copies a row or an object wholesale.
 */
export function customerStatusView(facts: CustomerStatusFacts, locale: CustomerLocale): CustomerStatusView {
  const { complaint: c, latestResolution } = facts;
  const { t } = locale;
  const current = STEP_OF_STATUS[c.status];
  const keys = c.type === 'suggestion' && SUGGESTION_STEPS.includes(current) ? SUGGESTION_STEPS : COMPLAINT_STEPS;
  const currentIndex = keys.indexOf(current);
  const answered = ANSWERED.includes(c.status);
  const staffNextStep = staffNextStepStands(c.status, facts.events) ? text(c.customerNextStep) : null;
  // The answer can be rated once, also after the case is closed; it can be disputed until the case is closed.
  const rateable = answered && latestResolution !== null;
  return {
    language: locale.language,
    reference: c.reference,
    type: c.type,
    status: c.status,
    statusText: t(`status.${c.status}` as MessageKey),
    step: currentIndex + 1,
    totalSteps: keys.length,
    steps: keys.map((key, index) => ({
      key,
      label: t(`step.${key}` as MessageKey),
      state: index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming',
    })),
    nextStep: staffNextStep ?? t(`nextStep.${c.status}` as MessageKey),
    // Before anyone has named a date, the resolution target is the date we hold ourselves to.
    expectedResolutionBy: answered ? null : (c.expectedResolutionBy ?? c.resolutionDueAt),
    replyDueBy: c.status === 'received' ? c.firstResponseDueAt : null,
    owningTeam: c.owningDepartment?.name ?? null,
    receivedAt: c.receivedAt,
    lastUpdatedAt: c.updatedAt,
    timeline: facts.events.flatMap((event) =>
      isPublicEventType(event.type) ? [{ at: event.occurredAt, type: event.type, text: describeEvent(event.type, event.data, locale) }] : [],
    ),
    informationRequest: facts.openInformationRequest
      ? { question: facts.openInformationRequest.question, askedAt: facts.openInformationRequest.askedAt }
      : null,
    resolution:
      answered && latestResolution
        ? {
            outcome: latestResolution.outcome,
            outcomeText: outcomeText(latestResolution.outcome, locale),
            message: latestResolution.customerMessage,
            resolvedAt: latestResolution.resolvedAt,
          }
        : null,
    canGiveFeedback: rateable && !latestResolution.hasFeedback,
    // Disputing stays open after a rating: a customer who rated the answer low may still want it looked at again.
    canDispute: c.status === 'resolved' && latestResolution !== null,
  };
}
