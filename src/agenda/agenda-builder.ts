/*
 * The agenda builder (PRODUCT.md, "Committee agenda"; CONVENTIONS.md: a workflow rule, so a pure function): the
 * meeting, the KPIs, the sections' rows from the database and the last meeting's decisions in; the agenda's content
 * out, every quoted text redacted and its blaming wording flagged for the chair. No database, no clock, no I/O:
 * the same input always gives the same content, which is what lets a version be identified by its hash.
 */
import { createHash } from 'node:crypto';
import { stableStringify } from '../common/stable-json.js';
import type { PreventionActionStatus } from '../prevention/prevention-action.entity.js';
import {
  AGENDA_FORMAT_VERSION,
  type AgendaContent,
  type AgendaEffectivenessCheck,
  type AgendaFlag,
  type AgendaKpi,
  type AgendaPreventionAction,
  type AgendaSectionKey,
  type AgendaSlaBreaches,
  type KpiCheck,
  type KpiUnit,
  type SlaStage,
} from './agenda-content.js';
import { formatDate } from './agenda-format.js';
import type { AgendaSectionsData, EffectivenessCheckRow, PreventionActionRow, ThemeRow } from './agenda-sections.repository.js';
import { createRedactor, type CustomerIdentity, type KnownPeople, type Redactor } from '../privacy/redaction.js';
import { findBlamingWording } from './blaming-wording.js';

/** A KPI as the KPI module hands it over; instants may be Dates. */
export interface AgendaKpiInput {
  check: KpiCheck | null;
  key: string;
  label: string;
  unit: KpiUnit;
  current: number | null;
  previous: number | null;
  series: readonly { periodFrom: Date | string; periodTo: Date | string; value: number | null }[];
}

/**
 * A decision of the previous meeting, as the minutes recorded it: MinutesRepository.followUpsFor(...).decisions fits
 * as it is (its other fields are ignored; a department may be given by name or as { name }, never a person).
 */
export interface AgendaFollowUpInput {
  /** The decision's number in the minutes (1, 2, …); absent: its place in the list. */
  position?: number;
  text: string;
  preventionAction: { title: string; status: PreventionActionStatus; ownerDepartment: string | { name: string } } | null;
}

export interface AgendaBuildInput {
  committee: { id: string; name: string; timeZone: string; memberDepartments?: readonly string[] };
  meeting: { id: string; startsAt: Date };
  /** [from, to): since the previous meeting. */
  period: { from: Date; to: Date };
  kpis: readonly AgendaKpiInput[];
  sections: AgendaSectionsData;
  followUps: readonly AgendaFollowUpInput[];
  /**
   * Every staff member (names and ids), and the customers of the period's complaints whose names the texts may hold
   * (PrivacyService.finderFor finds them): none of them may appear in the agenda.
   */
  people: KnownPeople;
  now: Date;
}

/** The KPI charts show this many periods. */
export const KPI_SERIES_LENGTH = 6;
/** Long texts (descriptions) are cut here: the agenda quotes, it does not archive. */
export const MAX_QUOTED_CHARS = 600;

const DAY_MS = 86_400_000;
const KPI_CHECKS: readonly number[] = [1, 2, 3, 4, 5];

const iso = (date: Date | string) => new Date(date).toISOString();
/** JSON has no NaN or Infinity; a figure that is not a number is no data. */
const finite = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Cut at a word boundary, after redaction: cutting first could leave half a name that the redaction no longer sees. */
function clip(text: string, max = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function kpiOf(input: AgendaKpiInput): AgendaKpi {
  const series = [...input.series]
    .map((point) => ({ periodFrom: iso(point.periodFrom), periodTo: iso(point.periodTo), value: finite(point.value) }))
    .sort((a, b) => (a.periodFrom < b.periodFrom ? -1 : a.periodFrom > b.periodFrom ? 1 : 0))
    .slice(-KPI_SERIES_LENGTH);
  return {
    check: input.check !== null && KPI_CHECKS.includes(input.check) ? input.check : null,
    key: input.key,
    label: input.label,
    unit: input.unit,
    current: finite(input.current),
    previous: finite(input.previous),
    series,
  };
}

const checkOf = (check: EffectivenessCheckRow | null): AgendaEffectivenessCheck | null =>
  check ? { verdict: check.verdict, reductionPct: finite(check.reductionPct), checkedAt: iso(check.checkedAt) } : null;

const themeOf = (theme: ThemeRow) => ({
  categoryCode: theme.categoryCode,
  categoryName: theme.categoryName,
  causeCode: theme.causeCode,
  causeName: theme.causeName,
  count: theme.count,
  previousCount: theme.previousCount,
  change: theme.change,
});

/**
 * The question the committee asks the owning department. Framed as support, never as fault: a team with an overdue
 * action usually lacks time, people or a decision from someone else, and the committee is where those are found.
 */
export function supportNeeded(action: Pick<PreventionActionRow, 'state' | 'ownerDepartment' | 'dueAt' | 'doneAt' | 'verificationDueAt' | 'lastCheck'>, now: Date, timeZone: string): string {
  const date = (d: Date) => formatDate(d, timeZone);
  const team = action.ownerDepartment;
  const replanned = action.lastCheck?.verdict === 'not_effective' ? 'The last effectiveness check found it did not reduce complaints enough. ' : '';
  switch (action.state) {
    case 'overdue': {
      const days = Math.floor((now.getTime() - action.dueAt.getTime()) / DAY_MS);
      const ago = days < 1 ? 'less than a day ago' : days === 1 ? '1 day ago' : `${days} days ago`;
      return `${replanned}${team} planned to finish this by ${date(action.dueAt)} (${ago}). What support does ${team} need to finish it?`;
    }
    case 'due':
      return `${replanned}${team} plans to finish this by ${date(action.dueAt)}. What support does ${team} need to finish it on time?`;
    case 'awaiting_verification': {
      const done = action.doneAt ? `${team} finished this on ${date(action.doneAt)}. ` : '';
      const check = action.verificationDueAt ? `Its effectiveness check is due on ${date(action.verificationDueAt)}` : 'Its effectiveness check is pending';
      if (action.lastCheck?.verdict === 'insufficient_data') {
        return `${done}The last check had too few complaints to judge; ${check.charAt(0).toLowerCase()}${check.slice(1)}. What support is needed to tell whether it works?`;
      }
      return `${done}${check}. What support is needed to tell whether it works?`;
    }
  }
}

function slaBreachesOf(rows: AgendaSectionsData['slaBreaches']): AgendaSlaBreaches[] {
  // Both stages always, so "no breaches" reads as such and not as a missing section.
  return (['first_response', 'resolution'] as const satisfies readonly SlaStage[]).map((stage) => {
    const ofStage = rows.filter((row) => row.stage === stage);
    return { stage, total: ofStage[0]?.stageTotal ?? 0, byDepartment: ofStage.map((row) => ({ department: row.department, breaches: row.breaches })) };
  });
}

const departmentName = (department: string | { name: string }) => (typeof department === 'string' ? department : department.name);

/** The agenda's content, redacted, with the flags for the chair. */
export function buildAgenda(input: AgendaBuildInput): AgendaContent {
  const { sections, now } = input;
  const timeZone = input.committee.timeZone;
  const redactor = createRedactor(input.people);
  const flags: AgendaFlag[] = [];

  /** Every quoted free text goes through here: redacted, then checked for blaming wording. */
  const quote = (section: AgendaSectionKey, itemRef: string, field: string, raw: string, customer?: CustomerIdentity | null): string => {
    const text = redactor(raw, customer);
    for (const found of findBlamingWording(text)) flags.push({ section, itemRef, field, rule: found.rule, words: found.words });
    return text;
  };
  const quoteClipped = (section: AgendaSectionKey, itemRef: string, field: string, raw: string, customer?: CustomerIdentity | null) =>
    clip(quote(section, itemRef, field, raw, customer));

  const span = input.period.to.getTime() - input.period.from.getTime();

  const kpis = input.kpis.map(kpiOf);

  const themes = { top: sections.themes.top.map(themeOf), rising: sections.themes.rising.map(themeOf) };

  const recurringProblems = sections.recurringProblems.map((problem) => ({
    ref: `${problem.categoryCode}/${problem.causeCode}`,
    categoryCode: problem.categoryCode,
    categoryName: problem.categoryName,
    causeCode: problem.causeCode,
    causeName: problem.causeName,
    count: problem.count,
    previousCount: problem.previousCount,
    actions: problem.actions.map((action) => ({
      ref: action.id,
      title: quote('recurringProblems', action.id, 'title', action.title),
      status: action.status,
      ownerDepartment: action.ownerDepartment,
      allCategories: action.allCategories,
      dueAt: iso(action.dueAt),
      doneAt: action.doneAt ? iso(action.doneAt) : null,
      targetReductionPct: action.targetReductionPct,
      lastCheck: checkOf(action.lastCheck),
      complaintsAfterDone: action.complaintsAfterDone,
    })),
  }));

  const preventionActions = {
    totals: { ...sections.preventionActions.totals },
    items: sections.preventionActions.items.map(
      (action): AgendaPreventionAction => ({
        ref: action.id,
        state: action.state,
        title: quote('preventionActions', action.id, 'title', action.title),
        description: quoteClipped('preventionActions', action.id, 'description', action.description),
        status: action.status,
        ownerDepartment: action.ownerDepartment,
        categoryName: action.categoryName,
        causeCode: action.causeCode,
        causeName: action.causeName,
        dueAt: iso(action.dueAt),
        daysOverdue: action.state === 'overdue' ? Math.max(0, Math.floor((now.getTime() - action.dueAt.getTime()) / DAY_MS)) : null,
        doneAt: action.doneAt ? iso(action.doneAt) : null,
        verificationDueAt: action.verificationDueAt ? iso(action.verificationDueAt) : null,
        lastCheck: checkOf(action.lastCheck),
        supportNeeded: supportNeeded(action, now, timeZone),
      }),
    ),
  };

  const whereWorkWaits = {
    slaBreaches: slaBreachesOf(sections.slaBreaches),
    handoffs: {
      overall: { ...sections.handoffWaits.overall },
      routes: sections.handoffWaits.routes.map((route) => ({ ...route })),
    },
  };

  const refusalReview = {
    total: sections.refusals.total,
    sample: sections.refusals.sample.map((refusal) => {
      const ref = refusal.reference;
      const q = (field: string, text: string) => quote('refusalReview', ref, field, text, refusal.customer);
      return {
        ref,
        categoryName: refusal.categoryName,
        outcome: refusal.outcome,
        resolvedAt: iso(refusal.resolvedAt),
        summary: q('summary', refusal.summary),
        refusalReason: q('refusalReason', refusal.refusalReason),
        nextSteps: q('nextSteps', refusal.nextSteps),
        alternativeOffered: refusal.alternativeOffered === null ? null : q('alternativeOffered', refusal.alternativeOffered),
        customerMessage: q('customerMessage', refusal.customerMessage),
        disputed: refusal.disputed,
        csat: refusal.csat,
      };
    }),
  };

  const suggestions = {
    total: sections.suggestions.total,
    byCategory: sections.suggestions.byCategory.map((row) => ({ ...row })),
    items: sections.suggestions.items.map((suggestion) => ({
      ref: suggestion.reference,
      categoryName: suggestion.categoryName,
      receivedAt: iso(suggestion.receivedAt),
      status: suggestion.status,
      summary: quote('suggestions', suggestion.reference, 'summary', suggestion.summary, suggestion.customer),
      description: quoteClipped('suggestions', suggestion.reference, 'description', suggestion.description, suggestion.customer),
    })),
  };

  const followUps = input.followUps.map((decision, i) => {
    const ref = `decision-${decision.position ?? i + 1}`;
    const action = decision.preventionAction;
    return {
      ref,
      text: quote('followUps', ref, 'text', decision.text),
      preventionAction: action
        ? { title: quote('followUps', ref, 'preventionAction.title', action.title), status: action.status, ownerDepartment: departmentName(action.ownerDepartment) }
        : null,
    };
  });

  // Object keys in the order of the sections: JSON readers and the stored version show them in reading order.
  return redactSetUpNames(redactor, {
    formatVersion: AGENDA_FORMAT_VERSION,
    committee: { id: input.committee.id, name: input.committee.name, timeZone, memberDepartments: [...(input.committee.memberDepartments ?? [])] },
    meeting: { id: input.meeting.id, startsAt: iso(input.meeting.startsAt) },
    period: { from: iso(input.period.from), to: iso(input.period.to), previousFrom: iso(new Date(input.period.from.getTime() - span)) },
    generatedAt: iso(now),
    kpis,
    themes,
    recurringProblems,
    preventionActions,
    whereWorkWaits,
    refusalReview,
    suggestions,
    followUps,
    flags,
  });
}

/**
 * Where the agenda shows what the organisation named (committee, departments, categories, causes): checked at the
 * door since names could hold people (PrivacyService.assertCleanNames), and redacted here too for names written
 * before that check existed. The question to a department quotes its name, so it is redacted with it.
 */
const SET_UP_NAME_FIELDS = new Set(['name', 'memberDepartments', 'categoryName', 'causeName', 'ownerDepartment', 'department', 'fromDepartment', 'toDepartment', 'label', 'supportNeeded']);

function redactSetUpNames<T>(redactor: Redactor, value: T, field?: string): T {
  if (typeof value === 'string') return (field !== undefined && SET_UP_NAME_FIELDS.has(field) ? redactor(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => redactSetUpNames(redactor, item, field)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSetUpNames(redactor, item, key)])) as T;
}

/**
 * SHA-256 (hex) of the content as canonical JSON (keys sorted, src/common/stable-json.ts), without `generatedAt`:
 * the hash says "this is the same agenda", so two generations of the same figures, by two instances or a minute
 * apart, get the same hash; a version store can keep one of them.
 */
export function contentHash(content: AgendaContent): string {
  const { generatedAt: _generatedAt, ...hashed } = content;
  return createHash('sha256').update(stableStringify(hashed)).digest('hex');
}
