/**
 * The effectiveness check's arithmetic (PRODUCT.md, "Prevent recurrence"): the rate of matching complaints before
 * the action (its baseline) against the rate after it was done. Pure: the counts come from SQL, the verdict from here.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Below this many matching complaints in the baseline, a fall or a rise is noise (going from 2 to 1 is "50% fewer"),
 * so the check gives no verdict: the action stays verifying and is checked again a window later.
 */
export const MIN_BASELINE_COMPLAINTS = 5;

/**
 * reduction_pct is numeric(7,2). A rate can rise without bound (a baseline of 5 in two years against hundreds in a
 * week), so a rise past this floor is reported as the floor: it says "far worse" as well as the exact figure would.
 */
export const REDUCTION_PCT_FLOOR = -99_999.99;

export type Verdict = 'effective' | 'not_effective' | 'insufficient_data';

/** Matching complaints received in [from, to). */
export interface Window {
  from: Date;
  to: Date;
  count: number;
}

export interface Figures extends Window {
  /** count × 30 / days of the window, to 2 decimals; null for a window with no length yet (just done). */
  ratePer30Days: number | null;
}

export interface Judgement {
  baseline: Figures;
  after: Figures;
  /** (baseline rate − after rate) / baseline rate × 100, to 2 decimals; null when the baseline rate is 0 or the after window is empty. */
  reductionPct: number | null;
  verdict: Verdict;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The unrounded rate per 30 days (a "day" is 24 hours), or null for an empty window. */
function exactRate(window: Window): number | null {
  const ms = window.to.getTime() - window.from.getTime();
  return ms > 0 ? (window.count * 30 * DAY_MS) / ms : null;
}

/** A window's figures as the API shows them. */
export function figuresOf(window: Window): Figures {
  const rate = exactRate(window);
  return { ...window, ratePer30Days: rate === null ? null : round2(rate) };
}

/**
 * Rates per 30 days make windows of different lengths comparable: the baseline spans `windowDays`, the after window
 * `windowDays` too, or a multiple of it once a check found too little data and the window was extended.
 * The reduction is computed from the exact rates, then rounded; the verdict reads the rounded figure, so a report
 * never shows "50.00% (target 50%)" beside "not effective", and float noise at the boundary cannot flip a verdict.
 */
export function judge(baseline: Window, after: Window, targetReductionPct: number): Judgement {
  const baselineRate = exactRate(baseline);
  const afterRate = exactRate(after);
  const reductionPct =
    baselineRate === null || baselineRate === 0 || afterRate === null
      ? null
      : Math.max(REDUCTION_PCT_FLOOR, round2(((baselineRate - afterRate) / baselineRate) * 100));
  let verdict: Verdict;
  if (baseline.count < MIN_BASELINE_COMPLAINTS || reductionPct === null) verdict = 'insufficient_data';
  else verdict = reductionPct >= targetReductionPct ? 'effective' : 'not_effective';
  return { baseline: figuresOf(baseline), after: figuresOf(after), reductionPct, verdict };
}
