import { describe, expect, it } from '@jest/globals';
import type { KpiBlocksDto, PeriodKpisDto } from '../kpis/dto/kpis.dto.js';
import { AGENDA_KPI_FIGURES, agendaKpis } from './agenda-kpis.js';

const ratio = (count: number, of: number) => ({ count, of, share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 });

function blocks(n: number): KpiBlocksDto {
  return {
    firstResponse: { answered: n, medianHours: n, p90Hours: n * 2, onTime: ratio(n, 10) },
    empathy: {
      messages: 10,
      warnFindings: n,
      overriddenBlockFindings: 0,
      findingsPerMessage: n / 10,
      overriddenMessages: ratio(0, 10),
      csat: { responses: 1, average: 4, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 } },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    },
    transparency: { toldNextStepAndDate: ratio(1, 3), delaysAnnouncedBeforeDeadline: ratio(0, 0) },
    preventRecurrence: {
      closedWithRootCause: ratio(1, 2),
      closedWithPreventionAction: 1,
      closedNoSystemicCause: 0,
      actionsDoneOnTime: ratio(1, 1),
      recurrence: { complaints: 0, actions: ratio(0, 1) },
    },
    refusals: { resolutions: 4, refusals: ratio(1, 4), notUpheld: 1, partiallyUpheld: 0, withNextSteps: ratio(1, 1), withAlternative: ratio(0, 1), disputed: ratio(1, 1) },
    volume: { complaints: n, suggestions: 1, total: n + 1 },
    breaches: { firstResponse: 0, resolution: ratio(0, n) },
  };
}

const period = (day: number): PeriodKpisDto['period'] => ({ from: new Date(Date.UTC(2026, 9, day)), to: new Date(Date.UTC(2026, 9, day + 7)) });

describe('agendaKpis', () => {
  const series: PeriodKpisDto[] = [1, 8, 15].map((day, i) => ({ period: period(day), kpis: blocks(i + 1) }));
  const kpis = agendaKpis(series);
  const byKey = (key: string) => kpis.find((k) => k.key === key)!;

  it('has a figure for each of the five checks, then volume and NPS outside them, in reading order', () => {
    expect(kpis.map((k) => k.key)).toEqual(AGENDA_KPI_FIGURES.map((f) => f.key));
    expect([...new Set(kpis.map((k) => k.check))]).toEqual([1, 2, 3, 4, 5, null]);
  });

  it('takes the last period as current, the one before as previous, and every period as the series', () => {
    expect(byKey('firstResponse.medianHours')).toMatchObject({ unit: 'hours', current: 3, previous: 2 });
    expect(byKey('firstResponse.medianHours').series).toEqual(series.map((p, i) => ({ periodFrom: p.period.from, periodTo: p.period.to, value: i + 1 })));
    expect(byKey('volume.complaints')).toMatchObject({ unit: 'count', check: null, current: 3, previous: 2 });
  });

  it('writes shares as percent 0-100, exactly, and keeps "nothing to measure" as null', () => {
    expect(byKey('firstResponse.onTime')).toMatchObject({ unit: 'percent', current: 30, previous: 20 });
    expect(byKey('transparency.toldNextStepAndDate').current).toBe(33.33);
    expect(byKey('transparency.delaysAnnouncedBeforeDeadline').current).toBeNull();
    expect(byKey('empathy.nps').current).toBeNull();
    expect(byKey('empathy.csat')).toMatchObject({ check: 2, unit: 'score', current: 4 });
  });

  it('has no previous figure with a single period, and nothing without one', () => {
    expect(agendaKpis(series.slice(-1)).every((k) => k.previous === null && k.series.length === 1)).toBe(true);
    expect(agendaKpis([])).toEqual([]);
  });
});
