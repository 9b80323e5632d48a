import { DateTime, IANAZone } from 'luxon';

export interface BusinessCalendar {
  /** IANA zone the working hours and holidays are expressed in, e.g. 'Europe/Riga'. */
  timeZone: string;
  /** ISO weekdays, 1 = Monday .. 7 = Sunday. */
  workingDays: number[];
  /** Local wall-clock 'HH:mm', start before end on the same day. */
  workingHours: { start: string; end: string };
  /** Local dates 'YYYY-MM-DD' with no business time at all. */
  holidays: string[];
}

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: [],
});

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
// A calendar whose next opening is further away than this is almost certainly misconfigured
// (e.g. a generated holiday list covering every day); failing loudly beats spinning forever.
const MAX_DAYS_WITHOUT_BUSINESS_TIME = 3 * 366;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant `hours` of business time after `start`. Counting begins at the next opening when
 * `start` is outside business hours; a deadline that uses up a day exactly ends at its closing time.
 * Resolution is one millisecond.
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  const from = instantOf(start, 'start');
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a finite number >= 0, got ${hours}`);
  }
  const rules = compile(calendar);
  // Whole milliseconds so that adding a then b lands exactly where adding a + b does.
  let remaining = Math.round(hours * MS_PER_HOUR);
  let cursor = from;
  let daysWithoutBusinessTime = 0;

  for (let day = localDayOf(cursor, rules.zone) - 1; ; day++) {
    const window = businessWindow(day, rules);
    // Windows are closed intervals: a cursor sitting exactly on a closing time is still inside,
    // which is what lets a deadline end at closing and be extended from there without a jump.
    if (window === undefined || window.close < cursor) {
      if (++daysWithoutBusinessTime > MAX_DAYS_WITHOUT_BUSINESS_TIME) {
        throw new Error(
          `No business hours found within ${MAX_DAYS_WITHOUT_BUSINESS_TIME} days after ` +
            `${new Date(cursor).toISOString()} in calendar ${summarize(calendar)}`,
        );
      }
      continue;
    }
    daysWithoutBusinessTime = 0;
    const countFrom = Math.max(window.open, cursor);
    const available = window.close - countFrom;
    if (remaining <= available) return new Date(countFrom + remaining);
    remaining -= available;
    cursor = window.close;
  }
}

/** Business time, in milliseconds, elapsed from `from` to `to`; 0 when `to` is not after `from`. */
export function businessMillisBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const fromMs = instantOf(from, 'from');
  const toMs = instantOf(to, 'to');
  const rules = compile(calendar);
  if (toMs <= fromMs) return 0;

  let total = 0;
  const lastDay = localDayOf(toMs, rules.zone) + 1;
  for (let day = localDayOf(fromMs, rules.zone) - 1; day <= lastDay; day++) {
    const window = businessWindow(day, rules);
    if (window !== undefined) {
      total += Math.max(0, Math.min(window.close, toMs) - Math.max(window.open, fromMs));
    }
  }
  return total;
}

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

/** Human-readable reasons the calendar cannot be used; empty when it is valid. */
export function calendarProblems(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];

  if (!isValidTimeZone(calendar.timeZone)) {
    problems.push(`timeZone ${JSON.stringify(calendar.timeZone)} is not a valid IANA time zone`);
  }

  const { start, end } = calendar.workingHours ?? {};
  const startMinute = minuteOfDay(start);
  const endMinute = minuteOfDay(end);
  if (startMinute === undefined) {
    problems.push(`workingHours.start ${JSON.stringify(start)} is not a time in HH:mm format`);
  }
  if (endMinute === undefined) {
    problems.push(`workingHours.end ${JSON.stringify(end)} is not a time in HH:mm format`);
  }
  if (startMinute !== undefined && endMinute !== undefined && startMinute >= endMinute) {
    problems.push(`workingHours.start (${start}) must be before workingHours.end (${end})`);
  }

  if (!Array.isArray(calendar.workingDays) || calendar.workingDays.length === 0) {
    problems.push('workingDays is empty: at least one ISO weekday (1 = Monday .. 7 = Sunday) is required');
  } else {
    for (const day of calendar.workingDays) {
      if (!Number.isInteger(day) || day < 1 || day > 7) {
        problems.push(`workingDays contains ${JSON.stringify(day)}: expected ISO weekdays 1 (Monday) to 7 (Sunday)`);
      }
    }
  }

  if (!Array.isArray(calendar.holidays)) {
    problems.push('holidays must be a list of YYYY-MM-DD dates');
  } else {
    for (const holiday of calendar.holidays) {
      if (!isIsoDate(holiday)) {
        problems.push(`holiday ${JSON.stringify(holiday)} is not a valid YYYY-MM-DD date`);
      }
    }
  }

  return problems;
}

interface CompiledCalendar {
  zone: IANAZone;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  startMinute: number;
  endMinute: number;
  /** Each local day's window once worked out (null: no business time that day). */
  windows: Map<number, BusinessWindow | null>;
}

/** Epoch milliseconds; `close` is never before `open`. */
interface BusinessWindow {
  open: number;
  close: number;
}

/**
 * Compiled calendars by content. Every intake computes three deadlines and the sweep hundreds: validating the
 * calendar and asking the time-zone database for each day's offsets every time was a seventh of intake's CPU. The
 * calendar is read fresh from the database each time, so it is keyed by content, not by object; an organisation
 * has one calendar, and the bound only matters to tests that make many.
 */
const compiledCalendars = new Map<string, CompiledCalendar>();
const MAX_COMPILED_CALENDARS = 64;
/** Days of business windows kept per calendar: ten years' worth, far more than deadlines span. */
const MAX_CACHED_DAYS = 4000;

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const key = JSON.stringify([calendar.timeZone, calendar.workingDays, calendar.workingHours?.start, calendar.workingHours?.end, calendar.holidays]);
  const cached = compiledCalendars.get(key);
  if (cached) return cached;
  const problems = calendarProblems(calendar);
  if (problems.length > 0) {
    throw new Error(`Invalid business calendar: ${problems.join('; ')}`);
  }
  const compiled: CompiledCalendar = {
    zone: IANAZone.create(calendar.timeZone),
    workingDays: new Set(calendar.workingDays),
    holidays: new Set(calendar.holidays),
    startMinute: minuteOfDay(calendar.workingHours.start)!,
    endMinute: minuteOfDay(calendar.workingHours.end)!,
    windows: new Map(),
  };
  if (compiledCalendars.size >= MAX_COMPILED_CALENDARS) compiledCalendars.clear();
  compiledCalendars.set(key, compiled);
  return compiled;
}

/*
 * Local days are numbered like epoch days, and a "wall" value is the local wall-clock reading
 * written as if it were UTC milliseconds. That keeps calendar arithmetic free of DST: only the
 * conversions between wall readings and real instants below need to know about offsets.
 */

function localDayOf(instant: number, zone: IANAZone): number {
  return Math.floor((instant + zone.offset(instant) * MS_PER_MINUTE) / MS_PER_DAY);
}

function businessWindow(day: number, rules: CompiledCalendar): BusinessWindow | undefined {
  let window = rules.windows.get(day);
  if (window === undefined) {
    window = windowOf(day, rules) ?? null;
    if (rules.windows.size >= MAX_CACHED_DAYS) rules.windows.clear();
    rules.windows.set(day, window);
  }
  return window ?? undefined;
}

/** Epoch day 0, 1 January 1970, was a Thursday: ISO weekday 4. */
const isoWeekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

function windowOf(day: number, rules: CompiledCalendar): BusinessWindow | undefined {
  if (!rules.workingDays.has(isoWeekdayOf(day))) return undefined;
  if (rules.holidays.size > 0 && rules.holidays.has(new Date(day * MS_PER_DAY).toISOString().slice(0, 10))) return undefined;

  const openingWall = day * MS_PER_DAY + rules.startMinute * MS_PER_MINUTE;
  const closingWall = day * MS_PER_DAY + rules.endMinute * MS_PER_MINUTE;
  // When a fall-back repeats the opening or closing time, open the last time the clock reads the
  // opening time and close the first time after that it reads the closing time. Every counted
  // instant then reads inside working hours on the local clock; the window can only shrink by this,
  // which delays a deadline rather than cutting it short.
  const openings = instantsReading(openingWall, rules.zone);
  const open = openings.length > 0 ? openings[openings.length - 1] : gapTransition(openingWall, rules.zone);
  const closings = instantsReading(closingWall, rules.zone);
  const close =
    closings.length > 0 ? closings.find((instant) => instant > open) : gapTransition(closingWall, rules.zone);
  return close !== undefined && close > open ? { open, close } : undefined;
}

/**
 * Every instant at which the local clock reads `wall`, earliest first: usually one, two during a
 * fall-back overlap, none inside a spring-forward gap. Done by hand rather than with
 * DateTime.fromObject because luxon resolves an ambiguous local time using the offset in force
 * *today*, so the same calendar would give different deadlines in summer and in winter.
 */
function instantsReading(wall: number, zone: IANAZone): number[] {
  // Offsets a day either side of the reading cover both sides of any transition near it.
  const candidateOffsets = new Set([zone.offset(wall - MS_PER_DAY), zone.offset(wall + MS_PER_DAY)]);
  return [...candidateOffsets]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter((instant) => Math.abs(instant + zone.offset(instant) * MS_PER_MINUTE - wall) < 1)
    .sort((a, b) => a - b);
}

/**
 * For a wall reading that the clock skips, the instant of the jump: the local clock reads before
 * `wall` up to it and after `wall` from it on, so it is where a window edge at `wall` belongs.
 */
function gapTransition(wall: number, zone: IANAZone): number {
  const offsetBefore = zone.offset(wall - MS_PER_DAY);
  const offsetAfter = zone.offset(wall + MS_PER_DAY);
  // Read with the later (larger) offset the instant is still before the jump, with the earlier
  // offset already after it; otherwise the clock would read `wall` there and there were no gap.
  let before = wall - offsetAfter * MS_PER_MINUTE;
  let after = wall - offsetBefore * MS_PER_MINUTE;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zone.offset(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}

function minuteOfDay(time: unknown): number | undefined {
  const match = typeof time === 'string' ? HH_MM.exec(time) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function isIsoDate(value: unknown): boolean {
  // fromISO alone would also accept week dates, ordinal dates and times.
  return typeof value === 'string' && YYYY_MM_DD.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

function instantOf(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function summarize(calendar: BusinessCalendar): string {
  const { timeZone, workingDays, workingHours, holidays } = calendar;
  const hours = `${workingHours.start}-${workingHours.end}`;
  return `${timeZone} days [${workingDays.join(',')}] ${hours}, ${holidays.length} holidays`;
}

function deepFreeze<T extends object>(value: T): T {
  for (const nested of Object.values(value)) {
    if (typeof nested === 'object' && nested !== null) deepFreeze(nested);
  }
  return Object.freeze(value);
}
