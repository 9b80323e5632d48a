/*
 * The content of a committee agenda: the JSON format that is stored as an immutable version and that the Markdown
 * and HTML renderers read (PRODUCT.md, "Committee agenda"; issue 5). Plain data only: instants are ISO 8601
 * strings in UTC, so that the stored JSON, its hash and every rendering agree.
 *
 * No blame, no leaks, by construction: nothing here has room for a person. Owners are departments (names), complaints
 * are known by their reference, and every quoted free text has been through src/privacy/redaction.ts.
 */
import type { ResolutionOutcome } from '../complaints/complaint.entity.js';
import type { ComplaintStatus } from '../complaints/complaint-workflow.js';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';

/** Bumped when the shape changes in a way a reader of stored versions must know about. */
export const AGENDA_FORMAT_VERSION = 1;

/** The sections in the order the committee reads them; renderers give each one heading with this title. */
export const AGENDA_SECTIONS = [
  { key: 'kpis', title: 'KPIs against the previous period' },
  { key: 'themes', title: 'Top and rising themes' },
  { key: 'recurringProblems', title: 'Recurring problems and their prevention actions' },
  { key: 'preventionActions', title: 'Prevention actions: what support is needed' },
  { key: 'whereWorkWaits', title: 'Where work waits' },
  { key: 'refusalReview', title: 'Refusal review' },
  { key: 'suggestions', title: 'Customer suggestions' },
  { key: 'followUps', title: "Follow-ups on the last meeting's decisions" },
] as const;

export type AgendaSectionKey = (typeof AGENDA_SECTIONS)[number]['key'];

// --- 1. KPIs --------------------------------------------------------------------------------------------------------

/** One of the five checks of PRODUCT.md (CSAT belongs to check 2, as issue 5 lists it); null for the KPIs outside them (volume, NPS). */
export type KpiCheck = 1 | 2 | 3 | 4 | 5;
/** `percent` values are 0-100 (a share of 0.5 is 50); `ratio` is shown as it is, to 2 decimals. */
export type KpiUnit = 'hours' | 'percent' | 'ratio' | 'count' | 'score';

export interface AgendaKpiPoint {
  periodFrom: string;
  periodTo: string;
  value: number | null;
}

/** A KPI as the KPI module computes it; the agenda only shows it. */
export interface AgendaKpi {
  check: KpiCheck | null;
  key: string;
  label: string;
  unit: KpiUnit;
  current: number | null;
  previous: number | null;
  /** The last six periods, oldest first; the last one is the agenda's period. */
  series: AgendaKpiPoint[];
}

// --- 2. Themes ------------------------------------------------------------------------------------------------------

/** Complaints of one category and root cause; `causeCode` null: no root cause recorded yet. */
export interface AgendaTheme {
  categoryCode: string;
  categoryName: string;
  causeCode: string | null;
  causeName: string | null;
  count: number;
  previousCount: number;
  change: number;
}

export interface AgendaThemes {
  /** Most complaints this period first. */
  top: AgendaTheme[];
  /** Grown most since the previous period first. */
  rising: AgendaTheme[];
}

// --- 3. Recurring problems ------------------------------------------------------------------------------------------

export type EffectivenessVerdict = 'effective' | 'not_effective' | 'insufficient_data';

export interface AgendaEffectivenessCheck {
  verdict: EffectivenessVerdict;
  reductionPct: number | null;
  checkedAt: string;
}

export interface AgendaProblemAction {
  /** The prevention action's id, so minutes can refer to it. */
  ref: string;
  title: string;
  status: PreventionActionStatus;
  ownerDepartment: string;
  /** The action is for this cause in every category, not only this one. */
  allCategories: boolean;
  dueAt: string;
  doneAt: string | null;
  targetReductionPct: number;
  lastCheck: AgendaEffectivenessCheck | null;
  /** Complaints of this period with the action's category and cause received after it was done; null: not done. */
  complaintsAfterDone: number | null;
}

export interface AgendaRecurringProblem {
  /** `<category code>/<cause code>`. */
  ref: string;
  categoryCode: string;
  categoryName: string;
  causeCode: string;
  causeName: string;
  count: number;
  previousCount: number;
  actions: AgendaProblemAction[];
}

// --- 4. Prevention actions ------------------------------------------------------------------------------------------

export type AgendaActionState = 'overdue' | 'due' | 'awaiting_verification';

export interface AgendaPreventionAction {
  ref: string;
  state: AgendaActionState;
  title: string;
  description: string;
  status: PreventionActionStatus;
  ownerDepartment: string;
  categoryName: string | null;
  causeCode: string;
  causeName: string;
  dueAt: string;
  /** Whole days past the due date at generation time; null unless overdue. */
  daysOverdue: number | null;
  doneAt: string | null;
  verificationDueAt: string | null;
  lastCheck: AgendaEffectivenessCheck | null;
  /** The question the committee asks the owning department, never "who is late". */
  supportNeeded: string;
}

export interface AgendaPreventionActions {
  /** All matching actions, also those beyond the items listed. */
  totals: { overdue: number; due: number; awaitingVerification: number };
  items: AgendaPreventionAction[];
}

// --- 5. Where work waits --------------------------------------------------------------------------------------------

export type SlaStage = 'first_response' | 'resolution';

export interface AgendaSlaBreaches {
  stage: SlaStage;
  /** Deadlines of this stage that passed unmet during the period. */
  total: number;
  /** By the department that held the complaint when the deadline passed. */
  byDepartment: { department: string; breaches: number }[];
}

export interface AgendaHandoffWait {
  /** Handoffs made in the period. */
  handoffs: number;
  /** Of those, still not acted on by the receiving department at the end of the period. */
  stillWaiting: number;
  /** Over the waits that ended by the end of the period, in hours of the clock (the customer waits those too). */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface AgendaHandoffRoute extends AgendaHandoffWait {
  fromDepartment: string;
  toDepartment: string;
}

export interface AgendaWhereWorkWaits {
  slaBreaches: AgendaSlaBreaches[];
  handoffs: { overall: AgendaHandoffWait; routes: AgendaHandoffRoute[] };
}

// --- 6. Refusal review ----------------------------------------------------------------------------------------------

export interface AgendaRefusal {
  /** The complaint's reference. */
  ref: string;
  categoryName: string;
  outcome: Exclude<ResolutionOutcome, 'upheld'>;
  resolvedAt: string;
  summary: string;
  refusalReason: string;
  nextSteps: string;
  alternativeOffered: string | null;
  customerMessage: string;
  /** The customer disputed this answer. */
  disputed: boolean;
  /** The customer's rating of this answer, 1-5. */
  csat: number | null;
}

export interface AgendaRefusalReview {
  /** Refusals (partially or not upheld) given in the period. */
  total: number;
  /** A deterministic sample of them, oldest first. */
  sample: AgendaRefusal[];
}

// --- 7. Suggestions -------------------------------------------------------------------------------------------------

export interface AgendaSuggestion {
  ref: string;
  categoryName: string;
  receivedAt: string;
  status: ComplaintStatus;
  summary: string;
  description: string;
}

export interface AgendaSuggestions {
  total: number;
  byCategory: { categoryName: string; count: number }[];
  /** The first ones of the period, oldest first. */
  items: AgendaSuggestion[];
}

// --- 8. Follow-ups --------------------------------------------------------------------------------------------------

export interface AgendaFollowUp {
  /** `decision-<n>`: the decision's number in the last meeting's minutes. */
  ref: string;
  text: string;
  preventionAction: { title: string; status: PreventionActionStatus; ownerDepartment: string } | null;
}

// --- Flags for the chair --------------------------------------------------------------------------------------------

/** `blames_person`: the no-blame guard's rule; `blames_customer`: the empathy guard's. */
export type AgendaFlagRule = 'blames_person' | 'blames_customer';

/** Wording in a quoted text that the chair should look at before the meeting. */
export interface AgendaFlag {
  section: AgendaSectionKey;
  /** The item's `ref` in that section. */
  itemRef: string;
  /** The quoted field, e.g. `refusalReason`. */
  field: string;
  rule: AgendaFlagRule;
  /** The flagged words, as they appear in the (redacted) text. */
  words: string;
}

// --- The agenda -----------------------------------------------------------------------------------------------------

export interface AgendaContent {
  formatVersion: typeof AGENDA_FORMAT_VERSION;
  committee: { id: string; name: string; timeZone: string; memberDepartments: string[] };
  meeting: { id: string; startsAt: string };
  /** [from, to), compared with [previousFrom, from). */
  period: { from: string; to: string; previousFrom: string };
  /** Left out of contentHash: the same figures generated twice are the same agenda. */
  generatedAt: string;
  kpis: AgendaKpi[];
  themes: AgendaThemes;
  recurringProblems: AgendaRecurringProblem[];
  preventionActions: AgendaPreventionActions;
  whereWorkWaits: AgendaWhereWorkWaits;
  refusalReview: AgendaRefusalReview;
  suggestions: AgendaSuggestions;
  followUps: AgendaFollowUp[];
  flags: AgendaFlag[];
}
