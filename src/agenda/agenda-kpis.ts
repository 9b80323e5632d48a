/*
 * The KPI module's blocks (src/kpis, formulas in docs/kpis.md) as the agenda's KPI list: one entry per figure the
 * committee reviews, grouped by the check of PRODUCT.md it measures (issue 5, "What the agenda holds", item 1), each
 * with its last six periods for the chart. Pure: the figures are computed in SQL; this only picks and scales them.
 */
import type { KpiBlocksDto, PeriodKpisDto, RatioDto } from '../kpis/dto/kpis.dto.js';
import type { AgendaKpiInput } from './agenda-builder.js';
import type { KpiCheck, KpiUnit } from './agenda-content.js';

interface KpiFigure {
  check: KpiCheck | null;
  key: string;
  label: string;
  unit: KpiUnit;
  value: (kpis: KpiBlocksDto) => number | null;
}

/** A RatioDto's share (0-1, 4 decimals) as the agenda's percent (0-100); rounded, as 0.1234 × 100 is not 12.34 in floating point. */
const percent = (ratio: RatioDto): number | null => (ratio.share === null ? null : Math.round(ratio.share * 10_000) / 100);

/** In reading order: checks 1-5, then volume and NPS, which belong to no check. */
export const AGENDA_KPI_FIGURES: readonly KpiFigure[] = [
  { check: 1, key: 'firstResponse.medianHours', label: 'First response: median time', unit: 'hours', value: (k) => k.firstResponse.medianHours },
  { check: 1, key: 'firstResponse.p90Hours', label: 'First response: 90th percentile', unit: 'hours', value: (k) => k.firstResponse.p90Hours },
  { check: 1, key: 'firstResponse.onTime', label: 'First response on time', unit: 'percent', value: (k) => percent(k.firstResponse.onTime) },
  { check: 2, key: 'empathy.findingsPerMessage', label: 'Empathy-guard findings per message', unit: 'ratio', value: (k) => k.empathy.findingsPerMessage },
  { check: 2, key: 'empathy.csat', label: 'Customer satisfaction (CSAT, 1-5)', unit: 'score', value: (k) => k.empathy.csat.average },
  { check: 3, key: 'transparency.toldNextStepAndDate', label: 'Told a next step and a date', unit: 'percent', value: (k) => percent(k.transparency.toldNextStepAndDate) },
  {
    check: 3,
    key: 'transparency.delaysAnnouncedBeforeDeadline',
    label: 'Delays announced before the deadline',
    unit: 'percent',
    value: (k) => percent(k.transparency.delaysAnnouncedBeforeDeadline),
  },
  { check: 4, key: 'preventRecurrence.closedWithRootCause', label: 'Closed with a root cause', unit: 'percent', value: (k) => percent(k.preventRecurrence.closedWithRootCause) },
  { check: 4, key: 'preventRecurrence.actionsDoneOnTime', label: 'Prevention actions done on time', unit: 'percent', value: (k) => percent(k.preventRecurrence.actionsDoneOnTime) },
  {
    check: 4,
    key: 'preventRecurrence.recurrence',
    label: 'Prevention actions followed by a recurrence',
    unit: 'percent',
    value: (k) => percent(k.preventRecurrence.recurrence.actions),
  },
  { check: 5, key: 'refusals.share', label: 'Refusal share', unit: 'percent', value: (k) => percent(k.refusals.refusals) },
  { check: 5, key: 'refusals.withNextSteps', label: 'Refusals with next steps', unit: 'percent', value: (k) => percent(k.refusals.withNextSteps) },
  { check: 5, key: 'refusals.disputed', label: 'Disputes after a refusal', unit: 'percent', value: (k) => percent(k.refusals.disputed) },
  { check: null, key: 'volume.complaints', label: 'Complaints received', unit: 'count', value: (k) => k.volume.complaints },
  { check: null, key: 'volume.suggestions', label: 'Suggestions received', unit: 'count', value: (k) => k.volume.suggestions },
  { check: null, key: 'empathy.nps', label: 'Net Promoter Score', unit: 'score', value: (k) => k.empathy.nps.score },
];

/**
 * The agenda's KPIs from a series of periods, oldest first, the agenda's own period last (precedingPeriods(from, to,
 * KPI_SERIES_LENGTH)): current is the last period, previous the one before it (null with a single period).
 */
export function agendaKpis(series: readonly PeriodKpisDto[]): AgendaKpiInput[] {
  if (series.length === 0) return [];
  const current = series[series.length - 1];
  const previous = series.length > 1 ? series[series.length - 2] : null;
  return AGENDA_KPI_FIGURES.map((figure) => ({
    check: figure.check,
    key: figure.key,
    label: figure.label,
    unit: figure.unit,
    current: figure.value(current.kpis),
    previous: previous ? figure.value(previous.kpis) : null,
    series: series.map((point) => ({ periodFrom: point.period.from, periodTo: point.period.to, value: figure.value(point.kpis) })),
  }));
}
