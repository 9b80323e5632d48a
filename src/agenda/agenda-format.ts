/*
 * How the agenda writes dates, figures and codes in words: shared by the builder (its "what support is needed"
 * sentences) and both renderers, so Markdown and HTML say the same thing the same way. Pure.
 */
import { DateTime } from 'luxon';
import type { AgendaActionState, AgendaTheme, EffectivenessVerdict, KpiUnit, SlaStage } from './agenda-content.js';

/** The committee's zone when luxon knows it; UTC otherwise, rather than "Invalid DateTime" in a printed agenda. */
function zoned(iso: string | Date, timeZone: string): DateTime {
  const instant = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: false }) : DateTime.fromJSDate(iso);
  const local = instant.setZone(timeZone);
  return local.isValid ? local : instant.setZone('UTC');
}

/** "15 Dec 2026" in the committee's time zone. */
export function formatDate(iso: string | Date, timeZone: string): string {
  return zoned(iso, timeZone).toFormat('d LLL yyyy');
}

/** "15 Dec 2026, 14:00 (Europe/Riga)". */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  const local = zoned(iso, timeZone);
  return `${local.toFormat('d LLL yyyy, HH:mm')} (${local.zoneName})`;
}

/**
 * The period [from, to) as people say it. Between midnights of the committee's zone: the days, the last one included,
 * so a calendar month reads "1 Oct 2026 – 31 Oct 2026" and not "… – 1 Nov 2026". Otherwise (from one meeting to the
 * next, say) both instants with their time.
 */
export function formatPeriod(from: string, to: string, timeZone: string): string {
  const start = zoned(from, timeZone);
  const end = zoned(to, timeZone);
  const midnight = (t: DateTime) => t.hour === 0 && t.minute === 0 && t.second === 0 && t.millisecond === 0;
  if (midnight(start) && midnight(end)) return `${start.toFormat('d LLL yyyy')} – ${end.minus({ days: 1 }).toFormat('d LLL yyyy')}`;
  return `${start.toFormat('d LLL yyyy, HH:mm')} – ${end.toFormat('d LLL yyyy, HH:mm')}`;
}

/** A short label for a chart's axis: "Oct" for a calendar month, otherwise the first day, "3 Oct". */
export function formatPeriodShort(from: string, to: string, timeZone: string): string {
  const start = zoned(from, timeZone);
  const end = zoned(to, timeZone);
  const wholeMonth = start.day === 1 && start.hour === 0 && start.minute === 0 && end.equals(start.plus({ months: 1 }));
  return wholeMonth ? start.toFormat('LLL') : start.toFormat('d LLL');
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** A KPI value in its unit; "–" for no data. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '–';
  switch (unit) {
    case 'hours':
      return `${round(value, 1)} h`;
    case 'percent':
      return `${round(value, 1)} %`;
    case 'ratio':
      return `${round(value, 2)}`;
    case 'count':
      return `${round(value, 0)}`;
    case 'score':
      return `${round(value, 1)}`;
  }
}

/**
 * The change from the previous period, signed. A difference of percentages is in percentage points, not per cent.
 * No judgement of better or worse: whether up is good depends on the KPI, and the committee reads that itself.
 */
export function formatKpiChange(current: number | null, previous: number | null, unit: KpiUnit): string {
  if (current === null || previous === null) return '–';
  const decimals = unit === 'ratio' ? 2 : unit === 'count' ? 0 : 1;
  const change = round(current - previous, decimals);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = Math.abs(change);
  switch (unit) {
    case 'hours':
      return `${sign}${magnitude} h`;
    case 'percent':
      return `${sign}${magnitude} pp`;
    default:
      return `${sign}${magnitude}`;
  }
}

/** "+3", "−2", "±0". */
export function formatChange(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '±0';
}

export function formatHours(hours: number | null): string {
  return hours === null ? '–' : `${hours} h`;
}

export function themeLabel(theme: Pick<AgendaTheme, 'categoryName' | 'causeName' | 'causeCode'>): string {
  return `${theme.categoryName} — ${theme.causeCode === null ? 'cause not recorded yet' : (theme.causeName ?? theme.causeCode)}`;
}

export const STAGE_LABELS: Record<SlaStage, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
};

export const ACTION_STATE_LABELS: Record<AgendaActionState, string> = {
  overdue: 'Overdue',
  due: 'Due',
  awaiting_verification: 'Awaiting verification',
};

export const VERDICT_LABELS: Record<EffectivenessVerdict, string> = {
  effective: 'effective',
  not_effective: 'not effective',
  insufficient_data: 'too little data to judge',
};

/** Codes as words: "not_upheld" → "not upheld". */
export const words = (code: string) => code.replace(/_/g, ' ');

export const RULE_LABELS: Record<string, string> = {
  blames_person: 'blames a person',
  blames_customer: 'blames the customer',
};
