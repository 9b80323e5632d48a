/*
 * Which period a meeting's agenda covers (issue 5: "the period since the previous meeting"). Pure, so the edge cases
 * (a committee's first meeting, a cadence that stops) are unit-tested without a database.
 */
import { occurrences, occurrencesAfter } from '../committees/cadence.js';

/** A first meeting whose cadence has no next occurrence either looks back this far. */
export const FALLBACK_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

export interface AgendaPeriodInput {
  startsAt: Date;
  /** The committee's latest meeting starting before this one; null for its first meeting. */
  previousStartsAt: Date | null;
  /** The committee's first meeting starting after this one, if already scheduled. */
  nextStartsAt: Date | null;
  cadence: string;
  timeZone: string;
}

export interface AgendaPeriod {
  /** [from, to): from the previous meeting's start to this meeting's start. */
  from: Date;
  to: Date;
  /** Unfinished prevention actions due before this instant are listed as due: what falls due before the next meeting. */
  dueBefore: Date;
}

/**
 * The agenda's period ends where the meeting starts and begins where the previous meeting started, so consecutive
 * agendas tile time with no gap and no overlap, whether a meeting was held or not.
 *
 * A committee's first meeting has no previous one. It then starts where the cadence's previous occurrence would have
 * been (a weekly committee's first agenda covers a week, "Monday 10:00" to "Monday 10:00" local time, across a clock
 * change too), so the first KPI charts compare like with like. Failing that (a rule whose occurrences are irregular
 * enough that none is found within twice the next gap), one gap to the cadence's next occurrence; and if the cadence
 * never occurs again either, FALLBACK_PERIOD_DAYS. When no next meeting is scheduled, the cadence's next occurrence
 * (or the same fallback) stands in for it.
 */
export function agendaPeriod(input: AgendaPeriodInput): AgendaPeriod {
  const to = input.startsAt;
  const [nextOccurrence] = occurrencesAfter(input.cadence, input.timeZone, to, 1);
  const gap = nextOccurrence ? nextOccurrence.getTime() - to.getTime() : FALLBACK_PERIOD_DAYS * DAY_MS;
  const from = input.previousStartsAt ?? (nextOccurrence ? previousOccurrence(input, gap) : null) ?? new Date(to.getTime() - gap);
  return { from, to, dueBefore: input.nextStartsAt ?? nextOccurrence ?? new Date(to.getTime() + gap) };
}

/** The cadence's last occurrence before the meeting, looked for within twice the next gap and a day. */
function previousOccurrence(input: AgendaPeriodInput, gap: number): Date | null {
  let last: Date | null = null;
  for (const at of occurrences(input.cadence, input.timeZone, new Date(input.startsAt.getTime() - 2 * gap - DAY_MS))) {
    if (at.getTime() >= input.startsAt.getTime()) break;
    last = at;
  }
  return last;
}
