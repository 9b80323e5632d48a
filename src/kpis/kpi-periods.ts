/** [from, to): from inclusive, to exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * Enough for the agenda's charts (six periods) and a two-year view of monthly figures; each period is one more
 * index range scan per query, so the bound keeps a careless caller from asking for thousands.
 */
export const MAX_SERIES_PERIODS = 36;

/**
 * `count` consecutive periods as long as [from, to), oldest first, the last being [from, to) itself: the agenda's
 * "each KPI over the last six periods", and (count 2) the previous period GET /api/kpis compares with.
 * Lengths are exact milliseconds, so a period never stretches or shrinks across a daylight-saving change.
 */
export function precedingPeriods(from: Date, to: Date, count: number): Period[] {
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) throw new RangeError('precedingPeriods: from must be before to');
  if (!Number.isInteger(count) || count < 1) throw new RangeError('precedingPeriods: count must be a positive integer');
  return Array.from({ length: count }, (_, i) => {
    const end = to.getTime() - (count - 1 - i) * span;
    return { from: new Date(end - span), to: new Date(end) };
  });
}

/**
 * Refuses a series the queries cannot answer meaningfully. Programming errors, not user input (the HTTP period is
 * validated with field names before it gets here), hence RangeError rather than a 400. Periods may differ in length
 * (meetings by a cron rule are not evenly spaced) and may even overlap: each is aggregated on its own.
 */
export function checkSeries(periods: readonly Period[]): void {
  if (periods.length === 0) throw new RangeError('A KPI series needs at least one period');
  if (periods.length > MAX_SERIES_PERIODS) throw new RangeError(`A KPI series has at most ${MAX_SERIES_PERIODS} periods, not ${periods.length}`);
  periods.forEach(({ from, to }, i) => {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError(`Period ${i} of the KPI series has an invalid date`);
    if (from.getTime() >= to.getTime()) throw new RangeError(`Period ${i} of the KPI series does not end after it starts`);
  });
}
