import { DateTime } from 'luxon';

/*
 * The iCalendar invite of a committee meeting (RFC 5545), as a pure function: one VEVENT in UTC (no VTIMEZONE
 * needed), with the agenda link. What the RFC asks of the text itself lives here too: CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, and TEXT values escaped.
 */

export interface MeetingInvite {
  meetingId: string;
  committeeName: string;
  startsAt: Date;
  endsAt: Date;
  /** The committee's time zone: the description states the local time for people reading it outside a calendar. */
  timeZone: string;
  /** Where the printable agenda is. */
  agendaUrl: string;
  /** DTSTAMP: when this copy of the invite was made. */
  stampedAt: Date;
}

const CRLF = '\r\n';
/** RFC 5545, 3.1: a content line is at most 75 octets, the line break excluded. */
const MAX_LINE_OCTETS = 75;
/** Control characters are not allowed in TEXT values (RFC 5545, 3.3.11), except the tab; line breaks are escaped. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** An instant in the UTC form of DATE-TIME (FORM #2), e.g. 20261026T080000Z. */
export function icsDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, every kind of line break as \n. */
export function escapeText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 5545, 3.1): no physical line over 75 octets; each continuation starts with one space,
 * which counts toward its 75. Splits only between code points, so every line stays valid UTF-8 on its own.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Who made the calendar object (RFC 5545, 3.7.3), in the usual formal public identifier form. */
export const PRODID = '-//Redress//Customer committee//EN';

/** The UID of a meeting's event: the same for every download, so calendars update the event instead of adding one. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@redress`;
}

export function renderMeetingInvite(invite: MeetingInvite): string {
  const local = DateTime.fromJSDate(invite.startsAt, { zone: invite.timeZone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm');
  const description = `Meeting of ${invite.committeeName}, ${local} (${invite.timeZone}).\nAgenda: ${invite.agendaUrl}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meetingUid(invite.meetingId)}`,
    `DTSTAMP:${icsDateTime(invite.stampedAt)}`,
    `DTSTART:${icsDateTime(invite.startsAt)}`,
    `DTEND:${icsDateTime(invite.endsAt)}`,
    `SUMMARY:${escapeText(`${invite.committeeName} meeting`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    // URL is of value type URI, not TEXT: it is not escaped (RFC 5545, 3.8.4.6).
    `URL:${invite.agendaUrl}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
