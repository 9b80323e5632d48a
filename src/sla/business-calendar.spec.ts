import { describe, it, expect, afterEach } from '@jest/globals';
import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import {
  addBusinessHours,
  businessMillisBetween,
  calendarProblems,
  DEFAULT_BUSINESS_CALENDAR,
  isValidTimeZone,
  type BusinessCalendar,
} from './business-calendar.js';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const calendar = (overrides: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  ...DEFAULT_BUSINESS_CALENDAR,
  ...overrides,
});
const RIGA = calendar({ timeZone: 'Europe/Riga' });
const RIGA_EVERY_DAY = calendar({ timeZone: 'Europe/Riga', workingDays: [1, 2, 3, 4, 5, 6, 7] });

const add = (startIso: string, hours: number, cal: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): string =>
  addBusinessHours(new Date(startIso), hours, cal).toISOString();
const between = (fromIso: string, toIso: string, cal: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): number =>
  businessMillisBetween(new Date(fromIso), new Date(toIso), cal);

// 2025-06-02 is a Monday; the default calendar is UTC so these read as local times.
describe('addBusinessHours with the default calendar (UTC, Mon-Fri 09:00-17:00)', () => {
  it.each([
    ['within one day', '2025-06-02T10:00:00.000Z', 2, '2025-06-02T12:00:00.000Z'],
    ['landing exactly on closing stays at closing', '2025-06-02T15:00:00.000Z', 2, '2025-06-02T17:00:00.000Z'],
    ['overnight to the next morning', '2025-06-02T16:00:00.000Z', 2, '2025-06-03T10:00:00.000Z'],
    ['Friday afternoon rolls to Monday', '2025-06-06T16:00:00.000Z', 2, '2025-06-09T10:00:00.000Z'],
    ['from Friday closing into Monday', '2025-06-06T17:00:00.000Z', 0.5, '2025-06-09T09:30:00.000Z'],
    ['from Saturday', '2025-06-07T12:00:00.000Z', 1, '2025-06-09T10:00:00.000Z'],
    ['a full day from late Sunday', '2025-06-08T23:59:00.000Z', 8, '2025-06-09T17:00:00.000Z'],
    ['before opening', '2025-06-02T07:00:00.000Z', 1, '2025-06-02T10:00:00.000Z'],
    ['just after midnight', '2025-06-03T00:00:00.000Z', 1, '2025-06-03T10:00:00.000Z'],
    ['after closing', '2025-06-02T17:30:00.000Z', 1, '2025-06-03T10:00:00.000Z'],
    ['a whole working week', '2025-06-02T09:00:00.000Z', 40, '2025-06-06T17:00:00.000Z'],
    ['a week and an hour', '2025-06-02T09:00:00.000Z', 41, '2025-06-09T10:00:00.000Z'],
    ['across two nights, ending at closing', '2025-06-02T13:00:00.000Z', 20, '2025-06-04T17:00:00.000Z'],
    ['1.5 hours', '2025-06-02T09:00:00.000Z', 1.5, '2025-06-02T10:30:00.000Z'],
    ['a quarter hour', '2025-06-02T09:00:00.000Z', 0.25, '2025-06-02T09:15:00.000Z'],
    ['a third of an hour', '2025-06-02T09:00:00.000Z', 1 / 3, '2025-06-02T09:20:00.000Z'],
    ['a sixth of an hour', '2025-06-02T09:00:00.000Z', 1 / 6, '2025-06-02T09:10:00.000Z'],
    ['one second', '2025-06-02T09:00:00.000Z', 1 / 3600, '2025-06-02T09:00:01.000Z'],
    ['one minute split over closing', '2025-06-02T16:59:30.000Z', 1 / 60, '2025-06-03T09:00:30.000Z'],
    ['a fraction split over the weekend', '2025-06-06T16:45:00.000Z', 0.75, '2025-06-09T09:30:00.000Z'],
    ['milliseconds are kept', '2025-06-02T10:00:00.123Z', 1, '2025-06-02T11:00:00.123Z'],
  ])('%s', (_, start, hours, expected) => {
    expect(add(start, hours)).toBe(expected);
  });

  it.each([
    ['inside business hours: the start', '2025-06-02T10:00:00.000Z', '2025-06-02T10:00:00.000Z'],
    ['exactly at opening: the start', '2025-06-02T09:00:00.000Z', '2025-06-02T09:00:00.000Z'],
    ['exactly at closing: the start', '2025-06-02T17:00:00.000Z', '2025-06-02T17:00:00.000Z'],
    ['before opening: the opening', '2025-06-02T07:00:00.000Z', '2025-06-02T09:00:00.000Z'],
    ['a millisecond after closing: next opening', '2025-06-02T17:00:00.001Z', '2025-06-03T09:00:00.000Z'],
    ['on a Saturday: Monday opening', '2025-06-07T12:00:00.000Z', '2025-06-09T09:00:00.000Z'],
    ['Friday evening: Monday opening', '2025-06-06T20:00:00.000Z', '2025-06-09T09:00:00.000Z'],
  ])('with zero hours returns, %s', (_, start, expected) => {
    expect(add(start, 0)).toBe(expected);
  });
});

describe('addBusinessHours with holidays', () => {
  it('skips a holiday in the middle of the week', () => {
    expect(add('2025-06-02T16:00:00.000Z', 2, calendar({ holidays: ['2025-06-03'] }))).toBe('2025-06-04T10:00:00.000Z');
  });

  it('starting on a holiday counts from the next business opening', () => {
    expect(add('2025-06-03T10:00:00.000Z', 1, calendar({ holidays: ['2025-06-03'] }))).toBe('2025-06-04T10:00:00.000Z');
    expect(add('2025-06-03T10:00:00.000Z', 0, calendar({ holidays: ['2025-06-03'] }))).toBe('2025-06-04T09:00:00.000Z');
  });

  it('skips consecutive holidays joined to a weekend', () => {
    const christmas = calendar({ holidays: ['2025-12-24', '2025-12-25', '2025-12-26'] });
    expect(add('2025-12-23T16:00:00.000Z', 2, christmas)).toBe('2025-12-29T10:00:00.000Z');
  });

  it('a holiday falling on a weekend changes nothing', () => {
    expect(add('2025-06-06T16:00:00.000Z', 2, calendar({ holidays: ['2025-06-07', '2025-06-08'] }))).toBe(
      '2025-06-09T10:00:00.000Z',
    );
  });

  it('holidays unrelated to the period change nothing', () => {
    expect(add('2025-06-02T16:00:00.000Z', 2, calendar({ holidays: ['2024-06-03', '2026-06-03'] }))).toBe(
      '2025-06-03T10:00:00.000Z',
    );
  });

  it('holidays are local dates in the calendar zone, not UTC dates', () => {
    // 21:30Z on Monday is already 00:30 on Tuesday in Riga (EEST, +03:00).
    const rigaTuesdayOff = calendar({ timeZone: 'Europe/Riga', holidays: ['2025-06-03'] });
    expect(add('2025-06-02T21:30:00.000Z', 0, rigaTuesdayOff)).toBe('2025-06-04T06:00:00.000Z');
    expect(add('2025-06-02T21:30:00.000Z', 0, RIGA)).toBe('2025-06-03T06:00:00.000Z');
  });
});

describe('compiled calendars are reused by content', () => {
  it('answers a changed calendar by its new content, also when the same object is changed in place', () => {
    const cal = calendar();
    expect(add('2025-06-02T16:00:00.000Z', 2, cal)).toBe('2025-06-03T10:00:00.000Z');
    cal.holidays = ['2025-06-03'];
    expect(add('2025-06-02T16:00:00.000Z', 2, cal)).toBe('2025-06-04T10:00:00.000Z');
    cal.workingHours = { start: '08:00', end: '17:00' };
    expect(add('2025-06-02T16:00:00.000Z', 2, cal)).toBe('2025-06-04T09:00:00.000Z');
    expect(add('2025-06-02T16:00:00.000Z', 2, calendar())).toBe('2025-06-03T10:00:00.000Z');
  });

  it('still refuses an invalid calendar every time, not only the first', () => {
    const invalid = calendar({ timeZone: 'Mars/Olympus' });
    for (let i = 0; i < 2; i++) expect(() => add('2025-06-02T16:00:00.000Z', 2, invalid)).toThrow(/Invalid business calendar/);
  });
});

describe('addBusinessHours with other weeks and hours', () => {
  it('a Sunday-Thursday week rolls Thursday afternoon to Sunday', () => {
    const sundayToThursday = calendar({ workingDays: [7, 1, 2, 3, 4] });
    expect(add('2025-06-05T16:00:00.000Z', 2, sundayToThursday)).toBe('2025-06-08T10:00:00.000Z');
  });

  it('a single working day a week', () => {
    expect(add('2025-06-04T16:00:00.000Z', 2, calendar({ workingDays: [3] }))).toBe('2025-06-11T10:00:00.000Z');
  });

  it('working hours that are not on the hour', () => {
    const morning = calendar({ workingHours: { start: '08:30', end: '12:15' } });
    expect(add('2025-06-02T12:00:00.000Z', 0.5, morning)).toBe('2025-06-03T08:45:00.000Z');
    expect(add('2025-06-02T08:29:00.000Z', 3.75, morning)).toBe('2025-06-02T12:15:00.000Z');
  });

  it('a zone with a half-hour offset (Asia/Kolkata, +05:30)', () => {
    expect(add('2025-06-02T00:00:00.000Z', 1, calendar({ timeZone: 'Asia/Kolkata' }))).toBe('2025-06-02T04:30:00.000Z');
  });

  it('a zone behind UTC whose local Monday starts on UTC Monday morning (America/New_York)', () => {
    // 02:00Z Monday is still Sunday 22:00 EDT.
    expect(add('2025-06-02T02:00:00.000Z', 8, calendar({ timeZone: 'America/New_York' }))).toBe(
      '2025-06-02T21:00:00.000Z',
    );
  });
});

// Riga is EET (+02:00) in winter and EEST (+03:00) in summer, switching at 01:00Z on the last
// Sunday of March and of October: 09:00 local is 07:00Z in winter and 06:00Z in summer.
describe('daylight saving time in Europe/Riga', () => {
  it('opens at 07:00Z in winter and 06:00Z in summer', () => {
    expect(add('2025-01-06T00:00:00.000Z', 0, RIGA)).toBe('2025-01-06T07:00:00.000Z');
    expect(add('2025-01-06T00:00:00.000Z', 8, RIGA)).toBe('2025-01-06T15:00:00.000Z');
    expect(add('2025-07-07T00:00:00.000Z', 0, RIGA)).toBe('2025-07-07T06:00:00.000Z');
    expect(add('2025-07-07T00:00:00.000Z', 8, RIGA)).toBe('2025-07-07T14:00:00.000Z');
  });

  it('Friday before the March change rolls to Monday in summer time', () => {
    // Friday 16:00 EET -> Monday 10:00 EEST.
    expect(add('2025-03-28T14:00:00.000Z', 2, RIGA)).toBe('2025-03-31T07:00:00.000Z');
    expect(between('2025-03-28T14:00:00.000Z', '2025-03-31T07:00:00.000Z', RIGA)).toBe(2 * HOUR);
  });

  it('Friday before the October change rolls to Monday in winter time', () => {
    // Friday 16:00 EEST -> Monday 10:00 EET.
    expect(add('2025-10-24T13:00:00.000Z', 2, RIGA)).toBe('2025-10-27T08:00:00.000Z');
    expect(between('2025-10-24T13:00:00.000Z', '2025-10-27T08:00:00.000Z', RIGA)).toBe(2 * HOUR);
  });

  it('a working day with the change still has its full local 09:00-17:00', () => {
    expect(add('2025-03-29T14:00:00.000Z', 2, RIGA_EVERY_DAY)).toBe('2025-03-30T07:00:00.000Z');
    expect(add('2025-03-30T00:00:00.000Z', 0, RIGA_EVERY_DAY)).toBe('2025-03-30T06:00:00.000Z');
    expect(add('2025-03-30T00:00:00.000Z', 8, RIGA_EVERY_DAY)).toBe('2025-03-30T14:00:00.000Z');
    expect(between('2025-03-29T22:00:00.000Z', '2025-03-30T21:00:00.000Z', RIGA_EVERY_DAY)).toBe(8 * HOUR);

    expect(add('2025-10-26T00:00:00.000Z', 0, RIGA_EVERY_DAY)).toBe('2025-10-26T07:00:00.000Z');
    expect(add('2025-10-26T00:00:00.000Z', 8, RIGA_EVERY_DAY)).toBe('2025-10-26T15:00:00.000Z');
    expect(between('2025-10-25T21:00:00.000Z', '2025-10-26T22:00:00.000Z', RIGA_EVERY_DAY)).toBe(8 * HOUR);
  });

  it('working hours spanning the change count real elapsed time', () => {
    const night = calendar({ timeZone: 'Europe/Riga', workingDays: [7], workingHours: { start: '02:00', end: '05:00' } });
    // Spring: 02:00 EET (00:00Z) to 05:00 EEST (02:00Z) is two real hours.
    expect(between('2025-03-29T00:00:00.000Z', '2025-03-31T00:00:00.000Z', night)).toBe(2 * HOUR);
    expect(add('2025-03-29T00:00:00.000Z', 2, night)).toBe('2025-03-30T02:00:00.000Z');
    // Autumn: 02:00 EEST (23:00Z) to 05:00 EET (03:00Z) is four real hours.
    expect(between('2025-10-25T00:00:00.000Z', '2025-10-27T00:00:00.000Z', night)).toBe(4 * HOUR);
    expect(add('2025-10-25T00:00:00.000Z', 4, night)).toBe('2025-10-26T03:00:00.000Z');
  });

  it('an opening inside the spring-forward gap opens when the clock jumps', () => {
    // 03:30 never happens on 2025-03-30: the clock goes from 03:00 EET to 04:00 EEST at 01:00Z.
    const gap = calendar({ timeZone: 'Europe/Riga', workingDays: [7], workingHours: { start: '03:30', end: '05:00' } });
    expect(add('2025-03-29T23:00:00.000Z', 0, gap)).toBe('2025-03-30T01:00:00.000Z');
    expect(between('2025-03-29T00:00:00.000Z', '2025-03-31T00:00:00.000Z', gap)).toBe(1 * HOUR);
  });

  it('edges inside the fall-back overlap take the later opening and the earlier closing', () => {
    // 03:00-04:00 happens twice on 2025-10-26: first as EEST (00:00Z-01:00Z), then as EET (01:00Z-02:00Z).
    const lateOpening = calendar({
      timeZone: 'Europe/Riga',
      workingDays: [7],
      workingHours: { start: '03:30', end: '05:00' },
    });
    expect(add('2025-10-25T12:00:00.000Z', 0, lateOpening)).toBe('2025-10-26T01:30:00.000Z');
    expect(between('2025-10-25T00:00:00.000Z', '2025-10-27T00:00:00.000Z', lateOpening)).toBe(1.5 * HOUR);

    const earlyClosing = calendar({
      timeZone: 'Europe/Riga',
      workingDays: [7],
      workingHours: { start: '01:00', end: '03:30' },
    });
    expect(add('2025-10-25T12:00:00.000Z', 2.5, earlyClosing)).toBe('2025-10-26T00:30:00.000Z');
    expect(between('2025-10-25T00:00:00.000Z', '2025-10-27T00:00:00.000Z', earlyClosing)).toBe(2.5 * HOUR);
  });

  it('working hours entirely inside the repeated hour count on its second pass only', () => {
    const repeated = calendar({ timeZone: 'Europe/Riga', workingDays: [7], workingHours: { start: '03:30', end: '03:45' } });
    expect(add('2025-10-25T12:00:00.000Z', 0, repeated)).toBe('2025-10-26T01:30:00.000Z');
    expect(add('2025-10-25T12:00:00.000Z', 0.25, repeated)).toBe('2025-10-26T01:45:00.000Z');
    expect(between('2025-10-25T00:00:00.000Z', '2025-10-27T00:00:00.000Z', repeated)).toBe(QUARTER);
  });

  it('America/New_York: Friday before the March change rolls to Monday in EDT', () => {
    // Friday 16:00 EST (21:00Z) -> Monday 10:00 EDT (14:00Z).
    expect(add('2025-03-07T21:00:00.000Z', 2, calendar({ timeZone: 'America/New_York' }))).toBe(
      '2025-03-10T14:00:00.000Z',
    );
  });

  describe('does not depend on the date the code runs on', () => {
    const realNow = Settings.now;
    afterEach(() => {
      Settings.now = realNow;
    });

    it.each([Date.UTC(2025, 0, 15), Date.UTC(2025, 6, 15)])('with the clock at %d', (now) => {
      // luxon resolves ambiguous local times with the offset in force "now"; these must not follow it.
      Settings.now = () => now;
      const overlap = calendar({ timeZone: 'Europe/Riga', workingDays: [7], workingHours: { start: '03:30', end: '05:00' } });
      expect(add('2025-10-25T12:00:00.000Z', 0, overlap)).toBe('2025-10-26T01:30:00.000Z');
      expect(add('2025-10-25T12:00:00.000Z', 1.5, overlap)).toBe('2025-10-26T03:00:00.000Z');
    });
  });
});

describe('businessMillisBetween examples', () => {
  it.each([
    ['the same instant', '2025-06-02T10:00:00.000Z', '2025-06-02T10:00:00.000Z', 0],
    ['a reversed range', '2025-06-02T12:00:00.000Z', '2025-06-02T10:00:00.000Z', 0],
    ['within one day', '2025-06-02T10:00:00.000Z', '2025-06-02T12:30:00.000Z', 2.5 * HOUR],
    ['from before opening to after closing', '2025-06-02T00:00:00.000Z', '2025-06-02T23:59:59.999Z', 8 * HOUR],
    ['a weekend', '2025-06-06T17:00:00.000Z', '2025-06-09T09:00:00.000Z', 0],
    ['a night', '2025-06-02T17:00:00.000Z', '2025-06-03T09:00:00.000Z', 0],
    ['Friday afternoon to Monday morning', '2025-06-06T16:00:00.000Z', '2025-06-09T10:00:00.000Z', 2 * HOUR],
    ['a calendar week', '2025-06-02T00:00:00.000Z', '2025-06-09T00:00:00.000Z', 40 * HOUR],
    ['partial windows at both ends', '2025-06-02T16:59:59.000Z', '2025-06-03T09:00:01.000Z', 2000],
  ])('%s', (_, from, to, expected) => {
    expect(between(from, to)).toBe(expected);
  });

  it('does not count holidays', () => {
    const cal = calendar({ holidays: ['2025-06-03'] });
    expect(between('2025-06-02T00:00:00.000Z', '2025-06-09T00:00:00.000Z', cal)).toBe(32 * HOUR);
    expect(between('2025-06-03T00:00:00.000Z', '2025-06-04T00:00:00.000Z', cal)).toBe(0);
  });

  it('counts a long range', () => {
    // 2025 has 261 weekdays.
    expect(between('2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(261 * 8 * HOUR);
  });
});

describe('guards', () => {
  const everyDayOf = (fromIso: string, days: number): string[] =>
    Array.from({ length: days }, (_, i) => DateTime.fromISO(fromIso, { zone: 'utc' }).plus({ days: i }).toISODate()!);

  it('throws instead of searching forever when every day for years is a holiday', () => {
    const closed = calendar({ holidays: everyDayOf('2025-01-01', 5 * 366) });
    expect(() => addBusinessHours(new Date('2025-01-01T00:00:00.000Z'), 1, closed)).toThrow(
      /No business hours found within 1098 days/,
    );
    expect(() => addBusinessHours(new Date('2025-01-01T00:00:00.000Z'), 0, closed)).toThrow(Error);
  });

  it('still finds an opening two years away', () => {
    const closed = calendar({ holidays: everyDayOf('2025-01-01', 730) });
    expect(add('2025-01-01T00:00:00.000Z', 0, closed)).toBe('2027-01-01T09:00:00.000Z');
  });

  it('limits the search for the next opening, not the length of the addition', () => {
    // 5000 hours is 625 working days, i.e. 125 full weeks ending on a Friday evening.
    expect(add('2025-06-02T09:00:00.000Z', 5000)).toBe(new Date(Date.UTC(2025, 5, 2 + 124 * 7 + 4, 17)).toISOString());
  });

  it.each([-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p hours', (hours) => {
    expect(() => addBusinessHours(new Date('2025-06-02T10:00:00.000Z'), hours, DEFAULT_BUSINESS_CALENDAR)).toThrow(
      RangeError,
    );
  });

  it('rejects invalid dates', () => {
    const invalid = new Date('not a date');
    const valid = new Date('2025-06-02T10:00:00.000Z');
    expect(() => addBusinessHours(invalid, 1, DEFAULT_BUSINESS_CALENDAR)).toThrow(RangeError);
    expect(() => businessMillisBetween(invalid, valid, DEFAULT_BUSINESS_CALENDAR)).toThrow(RangeError);
    expect(() => businessMillisBetween(valid, invalid, DEFAULT_BUSINESS_CALENDAR)).toThrow(RangeError);
  });

  it('rejects an invalid calendar with its problems', () => {
    const broken = calendar({ timeZone: 'Mars/Olympus_Mons', workingDays: [] });
    const start = new Date('2025-06-02T10:00:00.000Z');
    expect(() => addBusinessHours(start, 1, broken)).toThrow(/Invalid business calendar: .*Mars\/Olympus_Mons.*workingDays/);
    expect(() => businessMillisBetween(start, start, broken)).toThrow(/Invalid business calendar/);
  });
});

describe('calendarProblems', () => {
  it('finds nothing wrong with the default calendar, which is UTC Mon-Fri 09:00-17:00 without holidays', () => {
    expect(DEFAULT_BUSINESS_CALENDAR).toEqual({
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '17:00' },
      holidays: [],
    });
    expect(calendarProblems(DEFAULT_BUSINESS_CALENDAR)).toEqual([]);
    expect(calendarProblems(calendar({ timeZone: 'Europe/Riga', holidays: ['2025-06-23', '2024-02-29'] }))).toEqual([]);
  });

  it('the default calendar cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_BUSINESS_CALENDAR)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BUSINESS_CALENDAR.workingDays)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BUSINESS_CALENDAR.workingHours)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BUSINESS_CALENDAR.holidays)).toBe(true);
  });

  it.each<[string, Partial<BusinessCalendar>, RegExp]>([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, /timeZone "Europe\/Atlantis" is not a valid IANA time zone/],
    ['an empty zone', { timeZone: '' }, /timeZone "" is not a valid/],
    ['start equal to end', { workingHours: { start: '09:00', end: '09:00' } }, /start \(09:00\) must be before/],
    ['start after end', { workingHours: { start: '17:00', end: '09:00' } }, /start \(17:00\) must be before .*end \(09:00\)/],
    ['a time without a leading zero', { workingHours: { start: '9:00', end: '17:00' } }, /start "9:00" is not a time in HH:mm/],
    ['hour 24', { workingHours: { start: '09:00', end: '24:00' } }, /end "24:00" is not a time in HH:mm/],
    ['minute 60', { workingHours: { start: '09:60', end: '17:00' } }, /start "09:60"/],
    ['no working days', { workingDays: [] }, /workingDays is empty/],
    ['weekday 0', { workingDays: [0, 1] }, /workingDays contains 0/],
    ['weekday 8', { workingDays: [1, 8] }, /workingDays contains 8/],
    ['a fractional weekday', { workingDays: [1.5] }, /workingDays contains 1.5/],
    ['an impossible date', { holidays: ['2025-02-30'] }, /holiday "2025-02-30" is not a valid YYYY-MM-DD date/],
    ['a non-leap 29 February', { holidays: ['2025-02-29'] }, /holiday "2025-02-29"/],
    ['slashes', { holidays: ['2025/01/01'] }, /holiday "2025\/01\/01"/],
    ['an ISO week date', { holidays: ['2025-W01-1'] }, /holiday "2025-W01-1"/],
    ['a date with a time', { holidays: ['2025-01-01T00:00'] }, /holiday "2025-01-01T00:00"/],
    ['an empty date', { holidays: [''] }, /holiday ""/],
  ])('reports %s', (_, overrides, problem) => {
    const problems = calendarProblems(calendar(overrides));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports every problem at once', () => {
    const problems = calendarProblems({
      timeZone: 'Nowhere',
      workingDays: [0, 9],
      workingHours: { start: '18:00', end: '08:00' },
      holidays: ['2025-13-01', '2025-01-01'],
    });
    expect(problems).toHaveLength(5);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Riga', true],
    ['UTC', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Asia/Kathmandu', true],
    ['Mars/Olympus_Mons', false],
    ['Europe/Rīga', false],
    ['', false],
    ['not a zone', false],
  ])('%p -> %p', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

// A spread of offsets and DST rules: none, half and three-quarter hours, southern hemisphere,
// a 30-minute DST shift (Lord Howe) and a change at local midnight (Santiago).
const ZONES = [
  'UTC',
  'Europe/Riga',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
  'Australia/Lord_Howe',
];
// Transition instants of the zones above, so that properties spend time around DST changes.
const DST_CHANGES = [
  '2025-03-30T01:00:00Z',
  '2025-10-26T01:00:00Z',
  '2025-03-09T07:00:00Z',
  '2025-11-02T06:00:00Z',
  '2025-04-05T16:00:00Z',
  '2025-10-04T16:00:00Z',
  '2025-04-06T03:00:00Z',
  '2025-09-07T04:00:00Z',
  '2025-04-05T14:45:00Z',
  '2025-09-27T14:00:00Z',
].map((iso) => Date.parse(iso));

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Working hours between the given minutes of the day, stepping by `step` minutes. At least an hour
 * long, so that adding days' worth of hours stays quick.
 */
const workingHoursArb = (firstMinute: number, lastMinute: number, step = 1) =>
  fc
    .tuple(
      fc.integer({ min: firstMinute / step, max: lastMinute / step }),
      fc.integer({ min: firstMinute / step, max: lastMinute / step }),
    )
    .filter(([a, b]) => Math.abs(a - b) * step >= 60)
    .map(([a, b]) => ({ start: hhmm(Math.min(a, b) * step), end: hhmm(Math.max(a, b) * step) }));

// Any hours at all, including edges that fall inside DST gaps and overlaps.
const ANY_HOURS = workingHoursArb(0, 23 * 60 + 59);
// Clear of every DST change in ZONES (all happen between 23:00 and 04:00 local), so every
// business instant reads inside working hours on the local clock; quarter hours for the brute force.
const DAYTIME_QUARTERS = workingHoursArb(5 * 60, 22 * 60 + 45, 15);

const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
  // Quarter-hour aligned, so starts often sit exactly on openings and closings.
  fc.integer({ min: Date.UTC(2024, 0, 1) / QUARTER, max: Date.UTC(2027, 0, 1) / QUARTER }).map((q) => q * QUARTER),
  fc.constantFrom(...DST_CHANGES).chain((change) => fc.integer({ min: change - 4 * DAY, max: change + 4 * DAY })),
);

// Whole milliseconds expressed as hours, the resolution addBusinessHours works in.
const hoursArb = fc.oneof(
  fc.integer({ min: 0, max: 40 * HOUR }).map((ms) => ms / HOUR),
  fc.integer({ min: 0, max: 40 * 4 }).map((quarters) => quarters / 4),
  fc.constantFrom(0, 1 / 3, 8, 40),
);

interface Scenario {
  start: Date;
  calendar: BusinessCalendar;
}

const scenarioArb = (
  workingHours: fc.Arbitrary<{ start: string; end: string }>,
  start: fc.Arbitrary<number> = instantArb,
): fc.Arbitrary<Scenario> =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      workingHours,
      start,
      // Holidays near the start, where they matter.
      holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 30 }), { maxLength: 10 }),
    })
    .map(({ timeZone, workingDays, workingHours, start, holidayOffsets }) => {
      const startDate = DateTime.fromISO(DateTime.fromMillis(start, { zone: timeZone }).toISODate()!, { zone: 'utc' });
      const holidays = holidayOffsets.map((days) => startDate.plus({ days }).toISODate()!);
      return { start: new Date(start), calendar: { timeZone, workingDays, workingHours, holidays } };
    });

/** The local clock at an instant, with the minute of the day as a fraction. */
function localReading(instant: number, cal: BusinessCalendar) {
  const local = DateTime.fromMillis(instant, { zone: cal.timeZone });
  const minute = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / MINUTE;
  const [startHour, startMinute] = cal.workingHours.start.split(':').map(Number);
  const [endHour, endMinute] = cal.workingHours.end.split(':').map(Number);
  return {
    minute,
    opening: startHour * 60 + startMinute,
    closing: endHour * 60 + endMinute,
    businessDay: cal.workingDays.includes(local.weekday) && !cal.holidays.includes(local.toISODate()!),
  };
}

/** Business time by brute force: every quarter hour whose start reads as business time. */
function bruteForceBusinessMillis(from: number, to: number, cal: BusinessCalendar): number {
  let total = 0;
  for (let slot = from; slot < to; slot += QUARTER) {
    const { minute, opening, closing, businessDay } = localReading(slot, cal);
    if (businessDay && minute >= opening && minute < closing) total += QUARTER;
  }
  return total;
}

describe('properties', () => {
  it('a deadline is never before its start', () => {
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), hoursArb, ({ start, calendar: cal }, hours) => {
        expect(addBusinessHours(start, hours, cal).getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('adding a + b equals adding a, then b', () => {
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), hoursArb, hoursArb, ({ start, calendar: cal }, a, b) => {
        const atOnce = addBusinessHours(start, a + b, cal);
        const inTwoSteps = addBusinessHours(addBusinessHours(start, a, cal), b, cal);
        expect(inTwoSteps.toISOString()).toBe(atOnce.toISOString());
      }),
    );
  });

  it('more hours never give an earlier deadline', () => {
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), hoursArb, hoursArb, ({ start, calendar: cal }, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(addBusinessHours(start, more, cal).getTime()).toBeGreaterThanOrEqual(
          addBusinessHours(start, fewer, cal).getTime(),
        );
      }),
    );
  });

  it('a deadline falls inside working hours on a working day that is not a holiday', () => {
    fc.assert(
      fc.property(scenarioArb(DAYTIME_QUARTERS), hoursArb, ({ start, calendar: cal }, hours) => {
        const { minute, opening, closing, businessDay } = localReading(addBusinessHours(start, hours, cal).getTime(), cal);
        expect(businessDay).toBe(true);
        expect(minute).toBeGreaterThanOrEqual(opening);
        expect(minute).toBeLessThanOrEqual(closing);
      }),
    );
  });

  it('the business time from a start to its deadline is exactly the hours added', () => {
    // Holds for any start, not only starts inside business hours: time before the opening is not counted.
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), hoursArb, ({ start, calendar: cal }, hours) => {
        const deadline = addBusinessHours(start, hours, cal);
        expect(businessMillisBetween(start, deadline, cal)).toBe(Math.round(hours * HOUR));
      }),
    );
  });

  it('business time between instants adds up over consecutive ranges', () => {
    const laterInstant = fc.integer({ min: 0, max: 20 * DAY });
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), laterInstant, laterInstant, ({ start, calendar: cal }, x, y) => {
        const a = start.getTime();
        const b = new Date(a + Math.min(x, y));
        const c = new Date(a + Math.max(x, y));
        expect(businessMillisBetween(start, b, cal) + businessMillisBetween(b, c, cal)).toBe(
          businessMillisBetween(start, c, cal),
        );
      }),
    );
  });

  it('counts exactly the quarter hours a brute-force walk counts, so weekends and holidays never count', () => {
    const quarterAligned = instantArb.map((instant) => Math.floor(instant / QUARTER) * QUARTER);
    fc.assert(
      fc.property(
        scenarioArb(DAYTIME_QUARTERS, quarterAligned),
        fc.integer({ min: 0, max: 10 * 24 * 4 }),
        ({ start, calendar: cal }, quarters) => {
          const to = start.getTime() + quarters * QUARTER;
          expect(businessMillisBetween(start, new Date(to), cal)).toBe(bruteForceBusinessMillis(start.getTime(), to, cal));
        },
      ),
    );
  });

  it('a weekend day or holiday contributes no business time, and a deadline never lands on one', () => {
    fc.assert(
      fc.property(scenarioArb(ANY_HOURS), fc.integer({ min: -2, max: 30 }), hoursArb, ({ start, calendar: cal }, offset, hours) => {
        const day = DateTime.fromMillis(start.getTime(), { zone: cal.timeZone }).startOf('day').plus({ days: offset });
        const isClosed = !cal.workingDays.includes(day.weekday) || cal.holidays.includes(day.toISODate()!);
        fc.pre(isClosed);
        const dayStart = day.toJSDate();
        const nextDayStart = day.plus({ days: 1 }).toJSDate();
        expect(businessMillisBetween(dayStart, nextDayStart, cal)).toBe(0);

        expect(addBusinessHours(dayStart, hours, cal).getTime()).toBeGreaterThanOrEqual(nextDayStart.getTime());
      }),
    );
  });
});
