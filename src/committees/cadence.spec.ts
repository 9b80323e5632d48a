import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  cadenceProblems,
  cadenceSyntaxProblem,
  canonicalTimeZone,
  MAX_MEETINGS_AHEAD,
  meetingsToSchedule,
  meetingTimes,
  normaliseCadence,
  occurrencesAfter,
  UPCOMING_MEETINGS,
} from './cadence.js';

const RIGA = 'Europe/Riga';
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
/** Local wall time in `zone`, as people in the committee read it. */
const local = (date: Date, zone = RIGA) => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");

/** The instants in 2026 and 2027 at which `zone` changes its offset, found hour by hour. */
function clockChanges(zone: string): Date[] {
  const changes: Date[] = [];
  let previous = DateTime.fromISO('2026-01-01T00:00:00Z', { zone });
  while (previous.year < 2028) {
    const next = previous.plus({ hours: 1 });
    if (next.offset !== previous.offset) changes.push(next.toJSDate());
    previous = next;
  }
  return changes;
}

describe('cadenceSyntaxProblem', () => {
  it.each(['0 10 * * 1', '*/15 9-17 * * mon-fri', '0 10 1-7 * 1', '  0   10 * * 1 ', '30 8 1 1,4,7,10 *', '0 9 * * 7'])('accepts %j', (cadence) => {
    expect(cadenceSyntaxProblem(cadence)).toBeNull();
  });

  it.each([
    ['', /5 fields.*this one has 0/],
    ['@weekly', /5 fields.*this one has 1/],
    ['0 0 10 * * 1', /5 fields.*this one has 6/],
    ['0 10 * *', /5 fields.*this one has 4/],
    ['60 10 * * 1', /not a valid cron rule/],
    ['0 24 * * *', /not a valid cron rule/],
    ['0 10 32 * *', /not a valid cron rule/],
    ['0 10 * 13 *', /not a valid cron rule/],
    ['0 10 * * 8', /not a valid cron rule/],
    ['a b c d e', /not a valid cron rule/],
    ['0 10 * * 1/0', /not a valid cron rule/],
  ])('refuses %j', (cadence, problem) => {
    expect(cadenceSyntaxProblem(cadence)).toMatch(problem);
  });

  it('stores a cadence single-spaced', () => {
    expect(normaliseCadence('  0   10 *\t* 1 ')).toBe('0 10 * * 1');
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Europe/Riga', 'Europe/Riga'],
    ['europe/riga', 'Europe/Riga'],
    ['UTC', 'UTC'],
    ['America/New_York', 'America/New_York'],
  ])('%j is %j', (given, canonical) => {
    expect(canonicalTimeZone(given)).toBe(canonical);
  });

  it.each(['', '+02:00', 'UTC+2', 'Mars/Olympus_Mons', 'Europe/Riga ', 'local'])('%j is no IANA time zone', (given) => {
    expect(canonicalTimeZone(given)).toBeNull();
  });
});

describe('occurrencesAfter, in the committee time zone', () => {
  it('keeps Mondays at 10:00 local time across the autumn change (EEST +03 to EET +02)', () => {
    const next = occurrencesAfter('0 10 * * 1', RIGA, new Date('2026-10-13T00:00:00Z'), 3);
    expect(iso(next)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
    expect(next.map((d) => local(d))).toEqual(['2026-10-19 10:00 UTC+03:00', '2026-10-26 10:00 UTC+02:00', '2026-11-02 10:00 UTC+02:00']);
  });

  it('keeps them across the spring change too (EET to EEST)', () => {
    const next = occurrencesAfter('0 10 * * 1', RIGA, new Date('2026-03-20T00:00:00Z'), 2);
    expect(iso(next)).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('moves a time the spring change skips to the end of the gap, once', () => {
    // 29 March 2026: 03:00 EET jumps to 04:00 EEST, so 03:30 does not exist that day.
    const next = occurrencesAfter('30 3 * * *', RIGA, new Date('2026-03-27T12:00:00Z'), 3);
    expect(next.map((d) => local(d))).toEqual(['2026-03-28 03:30 UTC+02:00', '2026-03-29 04:00 UTC+03:00', '2026-03-30 03:30 UTC+03:00']);
  });

  it('takes a time the autumn change repeats once, at its first occurrence', () => {
    // 25 October 2026: 04:00 EEST falls back to 03:00 EET, so 03:30 happens twice that night.
    const next = occurrencesAfter('30 3 * * *', RIGA, new Date('2026-10-23T12:00:00Z'), 3);
    expect(next.map((d) => local(d))).toEqual(['2026-10-24 03:30 UTC+03:00', '2026-10-25 03:30 UTC+03:00', '2026-10-26 03:30 UTC+02:00']);
  });

  it('is strictly after the given instant', () => {
    const [first] = occurrencesAfter('0 10 * * 1', RIGA, new Date('2026-10-19T07:00:00Z'), 1);
    expect(first.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    const [justBefore] = occurrencesAfter('0 10 * * 1', RIGA, new Date('2026-10-19T06:59:59.999Z'), 1);
    expect(justBefore.toISOString()).toBe('2026-10-19T07:00:00.000Z');
  });

  it('matches either day field when both are restricted (as Vixie cron)', () => {
    // The 1st of the month or any Friday.
    const next = occurrencesAfter('0 9 1 * 5', 'UTC', new Date('2026-11-25T00:00:00Z'), 3);
    expect(iso(next)).toEqual(['2026-11-27T09:00:00.000Z', '2026-12-01T09:00:00.000Z', '2026-12-04T09:00:00.000Z']);
  });

  it('finds nothing for a rule no date matches', () => {
    expect(occurrencesAfter('0 10 30 2 *', RIGA, new Date('2026-11-23T09:00:00Z'), 2)).toEqual([]);
  });

  it('holds a 04:00 meeting once on the day the clocks go back at 04:00 (the cron package alone would add one at 03:00)', () => {
    const next = occurrencesAfter('0 4 * * *', RIGA, new Date('2027-10-29T12:00:00Z'), 3);
    expect(next.map((d) => local(d))).toEqual(['2027-10-30 04:00 UTC+03:00', '2027-10-31 04:00 UTC+02:00', '2027-11-01 04:00 UTC+02:00']);
  });

  it('holds a time skipped by a half-hour change at the end of that gap (Lord Howe Island)', () => {
    // 4 October 2026, 02:00 jumps to 02:30 (UTC+10:30 to UTC+11).
    const next = occurrencesAfter('15 2 * * *', 'Australia/Lord_Howe', new Date('2026-10-02T12:00:00Z'), 3);
    expect(next.map((d) => local(d, 'Australia/Lord_Howe'))).toEqual(['2026-10-03 02:15 UTC+10:30', '2026-10-04 02:30 UTC+11:00', '2026-10-05 02:15 UTC+11:00']);
  });

  const ZONES = ['Europe/Riga', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago'];
  const CHANGES = ZONES.flatMap((zone) => clockChanges(zone).map((at) => ({ zone, at })));

  it('a daily meeting happens once every calendar day, 22 to 26 hours apart, across any clock change (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(...CHANGES),
        fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }),
        (minute, hour, change, minutes) => {
          const after = new Date(change.at.getTime() + minutes * 60_000);
          const next = occurrencesAfter(`${minute} ${hour} * * *`, change.zone, after, 5);
          expect(next).toHaveLength(5);
          expect(next[0].getTime()).toBeGreaterThan(after.getTime());
          const days = next.map((d) => DateTime.fromJSDate(d, { zone: change.zone }).toISODate());
          expect(new Set(days).size).toBe(days.length);
          for (let i = 1; i < next.length; i++) {
            const hours = (next[i].getTime() - next[i - 1].getTime()) / 3_600_000;
            expect(hours).toBeGreaterThanOrEqual(22);
            expect(hours).toBeLessThanOrEqual(26);
          }
          // On the committee's clock it is the rule's time, unless that time was skipped that day.
          for (const at of next) {
            const shown = DateTime.fromJSDate(at, { zone: change.zone });
            const asked = shown.set({ hour, minute });
            if (asked.hour === hour && asked.minute === minute) expect([shown.hour, shown.minute]).toEqual([hour, minute]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('occurrences, whatever the rule, near a clock change (property)', () => {
  const zones = ['Europe/Riga', 'America/New_York', 'Australia/Lord_Howe'];
  const changes = zones.flatMap((zone) => clockChanges(zone).map((at) => ({ zone, at })));

  it('finds the clock changes it starts from', () => {
    expect(changes).toHaveLength(zones.length * 4);
  });

  it('are strictly increasing and after the given instant, so the one-meeting-per-start key never sees one twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('*/30 * * * *', '0 * * * *', '30 3 * * *', '0 2-4 * * *', '0 10 * * 1', '15 0 1 * *'),
        fc.constantFrom(...changes),
        fc.integer({ min: -6 * 60, max: 6 * 60 }),
        (cadence, change, minutes) => {
          const after = new Date(change.at.getTime() + minutes * 60_000);
          const next = occurrencesAfter(cadence, change.zone, after, 6);
          expect(next).toHaveLength(6);
          expect(next[0].getTime()).toBeGreaterThan(after.getTime());
          for (let i = 1; i < next.length; i++) expect(next[i].getTime()).toBeGreaterThan(next[i - 1].getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('meetingTimes', () => {
  const committee = { timeZone: RIGA, durationMinutes: 90, agendaLeadDays: 7 };

  it('puts the agenda a week earlier at the same local time, across the clock change', () => {
    // Monday 26 October 10:00 EET; a week before is Monday 19 October 10:00 EEST: 07:00Z, not 08:00Z.
    const times = meetingTimes(new Date('2026-10-26T08:00:00Z'), committee);
    expect(times).toEqual({
      startsAt: new Date('2026-10-26T08:00:00Z'),
      endsAt: new Date('2026-10-26T09:30:00Z'),
      agendaDueAt: new Date('2026-10-19T07:00:00Z'),
    });
  });

  it('lasts its duration in real time over a night the clocks go back', () => {
    const times = meetingTimes(new Date('2026-10-24T23:00:00Z'), { ...committee, durationMinutes: 180 });
    expect(times.endsAt.toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('with no lead time, the agenda is due when the meeting starts', () => {
    const startsAt = new Date('2026-12-07T08:00:00Z');
    expect(meetingTimes(startsAt, { ...committee, agendaLeadDays: 0 }).agendaDueAt).toEqual(startsAt);
  });
});

describe('meetingsToSchedule', () => {
  const weekly = { cadence: '0 10 * * 1', timeZone: RIGA, durationMinutes: 90, agendaLeadDays: 7 };
  const now = new Date('2026-10-13T09:00:00Z');

  it(`keeps the next ${UPCOMING_MEETINGS} meetings`, () => {
    expect(iso(meetingsToSchedule(weekly, now).map((m) => m.startsAt))).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('and every further one whose agenda is due within a day, so a meeting exists before its agenda is due', () => {
    // Agendas 30 days ahead: those of 19 Oct to 9 Nov are due by 14 Oct; 16 Nov's (17 Oct) is not yet.
    const kept = meetingsToSchedule({ ...weekly, agendaLeadDays: 30 }, now);
    expect(iso(kept.map((m) => m.startsAt))).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z']);
    for (const meeting of kept) expect(meeting.agendaDueAt.getTime()).toBeLessThanOrEqual(now.getTime() + 24 * 3_600_000);
  });

  it(`never more than ${MAX_MEETINGS_AHEAD}`, () => {
    expect(meetingsToSchedule({ ...weekly, cadence: '0 10 * * *', agendaLeadDays: 60 }, now)).toHaveLength(MAX_MEETINGS_AHEAD);
  });

  it('nothing for a rule no date matches', () => {
    expect(meetingsToSchedule({ ...weekly, cadence: '0 10 31 4 *' }, now)).toEqual([]);
  });
});

describe('cadenceProblems', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it('has none for a weekly meeting', () => {
    expect(cadenceProblems({ cadence: '0 10 * * 1', timeZone: RIGA, durationMinutes: 120 }, now)).toEqual([]);
  });

  it('refuses a rule no date matches', () => {
    expect(cadenceProblems({ cadence: '0 10 30 2 *', timeZone: RIGA, durationMinutes: 60 }, now)).toEqual([{ field: 'cadence', problem: expect.stringMatching(/^never occurs/) }]);
  });

  it.each([
    ['* * * * *', 5, /repeats after 1 minute/],
    ['0 * * * *', 90, /repeats after 60 minute/],
    ['0 9,10 * * 1', 90, /repeats after 60 minute/],
  ])('refuses %j with meetings of %i minutes: they would overlap', (cadence, durationMinutes, problem) => {
    expect(cadenceProblems({ cadence, timeZone: RIGA, durationMinutes }, now)).toEqual([{ field: 'cadence', problem: expect.stringMatching(problem) }]);
  });

  it('accepts back-to-back meetings', () => {
    expect(cadenceProblems({ cadence: '0 * * * *', timeZone: RIGA, durationMinutes: 60 }, now)).toEqual([]);
  });
});
