import { CronTime } from 'cron';
import { DateTime, IANAZone } from 'luxon';

/*
 * When a committee meets, as pure functions of its cadence (a 5-field cron rule), its time zone and the clock.
 *
 * The `cron` package (the one @nestjs/schedule runs on) parses the rule; the occurrences are computed here, on the
 * committee's wall clock, because the package's own next-date search is made for jobs: around the autumn change it
 * also fires in the repeated hour, which for a meeting at 04:00 on that day would be a second meeting at 03:00.
 * The rules for meetings:
 * - a rule is read in the committee's time zone, so "0 10 * * 1" is Monday 10:00 local time in winter and summer;
 * - a local time the spring change skips (03:30 when 03:00 jumps to 04:00) is held when the gap ends (04:00), once;
 * - a local time the autumn change repeats is held once, at its first occurrence;
 * - when both day fields are restricted a day matches either (as in Vixie cron); a field listing every value counts
 *   as "*".
 */

/** What the schedule of a committee depends on. */
export interface CommitteeSchedule {
  cadence: string;
  timeZone: string;
  durationMinutes: number;
  agendaLeadDays: number;
}

/** The instants of one meeting, as stored. */
export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  agendaDueAt: Date;
}

export interface CadenceProblem {
  field: 'cadence';
  problem: string;
}

/** The scheduler keeps at least this many meetings of each committee ahead, so members see the next two dates. */
export const UPCOMING_MEETINGS = 2;
/**
 * It also keeps every meeting whose agenda falls due within this horizon (a long lead time on a dense cadence), so
 * a meeting exists before its agenda is due; the horizon is far longer than the scheduler's 10-minute tick.
 */
const AGENDA_HORIZON_MS = 24 * 3_600_000;
/** A bound on what one committee can schedule ahead, whatever its cadence and lead time. */
export const MAX_MEETINGS_AHEAD = 12;
/** Occurrences looked at to tell whether meetings of a cadence would overlap (a weekday rule shows its pattern in a week). */
const OVERLAP_SAMPLE = 8;

const FIELDS = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];

/** Why `cadence` is not a 5-field cron rule, or null when it is one. Presets (@weekly) and seconds are refused. */
export function cadenceSyntaxProblem(cadence: string): string | null {
  const fields = cadence.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) {
    return `must be a cron rule of ${FIELDS.length} fields (${FIELDS.join(' ')}), e.g. "0 10 * * 1" for Mondays at 10:00; this one has ${cadence.trim() === '' ? 0 : fields.length}`;
  }
  try {
    new CronTime(fields.join(' '), 'UTC');
    return null;
  } catch (error) {
    return `is not a valid cron rule (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The canonical spelling of an IANA time zone (e.g. "europe/riga" → "Europe/Riga"), or null when there is none. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!IANAZone.isValidZone(timeZone)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** The cadence in a single-spaced form, as it is stored. */
export function normaliseCadence(cadence: string): string {
  return cadence.trim().split(/\s+/).join(' ');
}

/** A parsed rule: the values each field allows. */
interface Rule {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 is Sunday. */
  daysOfWeek: Set<number>;
  /** Both day fields restricted: a day matches either. */
  eitherDay: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;
/**
 * How long to look for a matching day before concluding there is none: a little over eight years, the longest wait
 * a valid rule can have (29 February, across a century year that is no leap year).
 */
const SEARCH_DAYS = 8 * 366 + 2;

function range(low: number, high: number): number[] {
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

/** The cron package's parse, read back through its public toJSON: each field as "*" or the list of its values. */
function parseRule(cadence: string): Rule {
  const [, minute, hour, dayOfMonth, month, dayOfWeek] = new CronTime(cadence, 'UTC').toJSON();
  const values = (field: string, low: number, high: number) => (field === '*' ? range(low, high) : field.split(',').map(Number).sort((a, b) => a - b));
  return {
    minutes: values(minute, 0, 59),
    hours: values(hour, 0, 23),
    daysOfMonth: new Set(values(dayOfMonth, 1, 31)),
    months: new Set(values(month, 1, 12)),
    daysOfWeek: new Set(values(dayOfWeek, 0, 6)),
    eitherDay: dayOfMonth !== '*' && dayOfWeek !== '*',
  };
}

/** Whether the rule holds meetings on a calendar day (given as UTC midnight of that wall-clock date). */
function matchesDay(rule: Rule, day: Date): boolean {
  if (!rule.months.has(day.getUTCMonth() + 1)) return false;
  const byDate = rule.daysOfMonth.has(day.getUTCDate());
  const byWeekday = rule.daysOfWeek.has(day.getUTCDay());
  return rule.eitherDay ? byDate || byWeekday : byDate && byWeekday;
}

/**
 * The instant at which the clocks of `zone` show the wall time `wall` (milliseconds as if the wall time were UTC):
 * the first of two in the hour the autumn change repeats, the end of the gap for a time the spring change skips.
 */
export function instantOfWallTime(zone: IANAZone, wall: number): number {
  // The offsets in force around that wall time; an instant is right when the zone has that offset then.
  const offsets = new Set([zone.offset(wall - DAY_MS), zone.offset(wall), zone.offset(wall + DAY_MS)]);
  const candidates = [...offsets].map((offset) => ({ offset, at: wall - offset * MINUTE_MS }));
  const valid = candidates.filter(({ offset, at }) => zone.offset(at) === offset).map(({ at }) => at);
  if (valid.length > 0) return Math.min(...valid);
  // Skipped: the transition lies between the candidates; find the first minute of the new offset.
  let low = Math.min(...candidates.map(({ at }) => at));
  let high = Math.max(...candidates.map(({ at }) => at));
  const before = zone.offset(low);
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(middle) === before) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The start instants of the cadence strictly after `after`, in order, lazily: day by day on the committee's wall
 * calendar. They end when no day matches for eight years (a rule such as "0 10 30 2 *" never occurs).
 */
export function* occurrences(cadence: string, timeZone: string, after: Date): Generator<Date> {
  const rule = parseRule(cadence);
  const zone = IANAZone.create(timeZone);
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let last = after.getTime();
  let day = Date.UTC(local.year, local.month - 1, local.day);
  for (let idle = 0; idle <= SEARCH_DAYS; day += DAY_MS) {
    if (!matchesDay(rule, new Date(day))) {
      idle++;
      continue;
    }
    idle = 0;
    for (const hour of rule.hours) {
      for (const minute of rule.minutes) {
        const at = instantOfWallTime(zone, day + (hour * 60 + minute) * MINUTE_MS);
        // Strictly later than the last one: wall times skipped by a gap all land on its end, and count once.
        if (at > last) {
          last = at;
          yield new Date(at);
        }
      }
    }
  }
}

/** Up to `count` start instants of the cadence strictly after `after`. */
export function occurrencesAfter(cadence: string, timeZone: string, after: Date, count: number): Date[] {
  const found: Date[] = [];
  if (count <= 0) return found;
  for (const at of occurrences(cadence, timeZone, after)) {
    found.push(at);
    if (found.length === count) break;
  }
  return found;
}

/**
 * A meeting starting at `startsAt`: it lasts `durationMinutes` of real time (across a clock change too), and its
 * agenda is due `agendaLeadDays` calendar days earlier at the same local time, so a week's lead is "last Monday at
 * 10:00" even when the clocks changed in between.
 */
export function meetingTimes(startsAt: Date, schedule: Pick<CommitteeSchedule, 'timeZone' | 'durationMinutes' | 'agendaLeadDays'>): MeetingTimes {
  return {
    startsAt,
    endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * MINUTE_MS),
    agendaDueAt: DateTime.fromJSDate(startsAt, { zone: schedule.timeZone }).minus({ days: schedule.agendaLeadDays }).toJSDate(),
  };
}

/**
 * The meetings the scheduler keeps created for a committee at `now`: the next UPCOMING_MEETINGS occurrences, and
 * further ones while their agenda is due within a day (at most MAX_MEETINGS_AHEAD in all). Inserting these is
 * idempotent, so running this at every tick only ever adds the occurrences that came into view.
 */
export function meetingsToSchedule(schedule: CommitteeSchedule, now: Date): MeetingTimes[] {
  const horizon = now.getTime() + AGENDA_HORIZON_MS;
  const kept: MeetingTimes[] = [];
  for (const startsAt of occurrences(schedule.cadence, schedule.timeZone, now)) {
    const meeting = meetingTimes(startsAt, schedule);
    if (kept.length >= UPCOMING_MEETINGS && meeting.agendaDueAt.getTime() > horizon) break;
    kept.push(meeting);
    if (kept.length === MAX_MEETINGS_AHEAD) break;
  }
  return kept;
}

/**
 * What is wrong with a cadence that parses: it never occurs, or it repeats sooner than a meeting lasts (one
 * committee's meetings would overlap, e.g. "* * * * *"). Looked at from `now`, over the next few occurrences.
 */
export function cadenceProblems(schedule: Pick<CommitteeSchedule, 'cadence' | 'timeZone' | 'durationMinutes'>, now: Date): CadenceProblem[] {
  const next = occurrencesAfter(schedule.cadence, schedule.timeZone, now, OVERLAP_SAMPLE);
  if (next.length === 0) return [{ field: 'cadence', problem: 'never occurs: no date matches it in the next eight years' }];
  const gaps = next.slice(1).map((at, i) => (at.getTime() - next[i].getTime()) / MINUTE_MS);
  const shortest = Math.min(...gaps);
  if (shortest < schedule.durationMinutes) {
    return [
      {
        field: 'cadence',
        problem: `repeats after ${shortest} minute(s), sooner than a meeting lasts (durationMinutes ${schedule.durationMinutes}): the committee's meetings would overlap`,
      },
    ];
  }
  return [];
}
