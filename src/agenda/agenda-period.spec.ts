import { describe, expect, it } from '@jest/globals';
import { agendaPeriod, FALLBACK_PERIOD_DAYS } from './agenda-period.js';

const WEEKLY = { cadence: '0 10 * * 1', timeZone: 'Europe/Riga' };
const at = (iso: string) => new Date(iso);

describe('agendaPeriod', () => {
  it('runs from the previous meeting to this one, with the next meeting as the due horizon', () => {
    expect(
      agendaPeriod({ ...WEEKLY, startsAt: at('2026-10-26T08:00:00Z'), previousStartsAt: at('2026-10-19T07:00:00Z'), nextStartsAt: at('2026-11-02T08:00:00Z') }),
    ).toEqual({ from: at('2026-10-19T07:00:00Z'), to: at('2026-10-26T08:00:00Z'), dueBefore: at('2026-11-02T08:00:00Z') });
  });

  it("starts a committee's first agenda at the cadence's previous occurrence, local time across a clock change", () => {
    // Monday 2 Nov 10:00 EET; the Monday before was 26 Oct 10:00 EET, the one before that 19 Oct 10:00 EEST.
    expect(agendaPeriod({ ...WEEKLY, startsAt: at('2026-11-02T08:00:00Z'), previousStartsAt: null, nextStartsAt: null })).toEqual({
      from: at('2026-10-26T08:00:00Z'),
      to: at('2026-11-02T08:00:00Z'),
      dueBefore: at('2026-11-09T08:00:00Z'),
    });
    expect(agendaPeriod({ ...WEEKLY, startsAt: at('2026-10-26T08:00:00Z'), previousStartsAt: null, nextStartsAt: null }).from).toEqual(at('2026-10-19T07:00:00Z'));
  });

  it('covers a manual meeting between two scheduled ones from the one before it', () => {
    const period = agendaPeriod({ ...WEEKLY, startsAt: at('2026-10-22T12:00:00Z'), previousStartsAt: at('2026-10-19T07:00:00Z'), nextStartsAt: at('2026-10-26T08:00:00Z') });
    expect(period).toEqual({ from: at('2026-10-19T07:00:00Z'), to: at('2026-10-22T12:00:00Z'), dueBefore: at('2026-10-26T08:00:00Z') });
  });

  it('looks back FALLBACK_PERIOD_DAYS when the cadence never occurs again', () => {
    // 30 February never occurs.
    const startsAt = at('2026-10-19T07:00:00Z');
    const period = agendaPeriod({ cadence: '0 10 30 2 *', timeZone: 'Europe/Riga', startsAt, previousStartsAt: null, nextStartsAt: null });
    const span = FALLBACK_PERIOD_DAYS * 86_400_000;
    expect(period).toEqual({ from: new Date(startsAt.getTime() - span), to: startsAt, dueBefore: new Date(startsAt.getTime() + span) });
  });
});
