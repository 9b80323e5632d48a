import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsDateTime, meetingUid, PRODID, renderMeetingInvite, type MeetingInvite } from './meeting-invite.ics.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
/** RFC 5545, 3.1: a line break followed by one space or tab continues the line. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const INVITE: MeetingInvite = {
  meetingId: '5b7f7a40-0c4e-4d59-9a53-0d1f8a3e6c21',
  committeeName: 'Klientu komiteja; Rīga, "Ā" \\ 😀',
  startsAt: new Date('2026-10-26T08:00:00Z'),
  endsAt: new Date('2026-10-26T09:30:00Z'),
  timeZone: 'Europe/Riga',
  agendaUrl: 'https://redress.example/api/meetings/5b7f7a40-0c4e-4d59-9a53-0d1f8a3e6c21/agenda?format=html',
  stampedAt: new Date('2026-10-20T12:34:56.789Z'),
};

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and writes every line break as \\n', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
  });

  it('leaves colons, quotes and non-ASCII text alone', () => {
    expect(escapeText('Agenda: "Rīga" — 会议 😀')).toBe('Agenda: "Rīga" — 会议 😀');
  });

  it('drops control characters TEXT may not hold, keeping the tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds the 76th octet onto a continuation line that starts with a space', () => {
    const line = `SUMMARY:${'x'.repeat(68)}`;
    expect(foldLine(line)).toBe(`${line.slice(0, 75)}\r\n x`);
  });

  it.each([
    ['two-octet letters', 'ā'],
    ['three-octet letters', '€'],
    ['four-octet emoji', '😀'],
    ['CJK', '会'],
  ])('never splits a UTF-8 character (%s)', (_case, char) => {
    const line = `DESCRIPTION:${char.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // Each physical line on its own is whole UTF-8: encoding and decoding it changes nothing.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part.replace(/^ /, '').replace(/^DESCRIPTION:/, '')).toMatch(new RegExp(`^(${char})+$`, 'u'));
    }
    expect(unfold(folded)).toBe(line);
  });

  it('moves a character that would straddle octet 75 to the next line whole', () => {
    const line = `${'x'.repeat(74)}€`;
    expect(foldLine(line)).toBe(`${'x'.repeat(74)}\r\n €`);
  });

  it('any text folds into lines of at most 75 octets that unfold to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        for (const [i, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          if (i > 0) expect(part.startsWith(' ')).toBe(true);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderMeetingInvite', () => {
  const ics = renderMeetingInvite(INVITE);

  it('is CRLF throughout, ends with one, and no line is over 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('holds one VEVENT in a VCALENDAR with the required properties, times in UTC', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT']);
    expect(lines).toEqual(
      expect.arrayContaining([
        `UID:meeting-${INVITE.meetingId}@redress`,
        'DTSTAMP:20261020T123456Z',
        'DTSTART:20261026T080000Z',
        'DTEND:20261026T093000Z',
        `URL:${INVITE.agendaUrl}`,
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('parses back with ical.js to what went in', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe(PRODID);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(meetingUid(INVITE.meetingId));
    expect(event.summary).toBe(`${INVITE.committeeName} meeting`);
    expect(event.description).toBe(
      `Meeting of ${INVITE.committeeName}, Monday 26 October 2026, 10:00 (Europe/Riga).\nAgenda: ${INVITE.agendaUrl}`,
    );
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.startDate.toJSDate()).toEqual(INVITE.startsAt);
    expect(event.endDate.toJSDate()).toEqual(INVITE.endsAt);
    expect(vevent.getFirstPropertyValue('url')).toBe(INVITE.agendaUrl);
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()).toEqual(new Date('2026-10-20T12:34:56Z'));
  });

  it('gives the same UID on every download, and another one to another meeting', () => {
    const again = renderMeetingInvite({ ...INVITE, stampedAt: new Date('2026-10-21T00:00:00Z') });
    const uid = (text: string) => unfold(text).split('\r\n').find((line) => line.startsWith('UID:'));
    expect(uid(again)).toBe(uid(ics));
    expect(uid(renderMeetingInvite({ ...INVITE, meetingId: '0d3c2a3e-9b1b-4f4e-8d0e-2f8e7b1c9a10' }))).not.toBe(uid(ics));
  });

  it('writes instants in the UTC form', () => {
    expect(icsDateTime(new Date('2026-03-29T01:00:00.000Z'))).toBe('20260329T010000Z');
  });
});
