import { describe, expect, it } from '@jest/globals';
import { sampleAgendaInput, sampleSections } from '../../test/factories/agenda.js';
import { buildAgenda } from './agenda-builder.js';
import { AGENDA_SECTIONS } from './agenda-content.js';
import { escapeMarkdown, renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  const content = buildAgenda(sampleAgendaInput());
  const markdown = renderMarkdown(content);

  it('has one numbered ## heading per section, in reading order, then the chair’s flags', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([...AGENDA_SECTIONS.map((section, i) => `## ${i + 1}. ${section.title}`), '## For the chair: wording to look at']);
    expect(markdown.startsWith('# Customer committee agenda: Customer committee\n')).toBe(true);
  });

  it('states the meeting and the period in the committee’s time zone', () => {
    expect(markdown).toContain('**Meeting:** 20 Nov 2026, 14:00 (Europe/Riga)');
    const utc = renderMarkdown(buildAgenda(sampleAgendaInput({ committee: { ...sampleAgendaInput().committee, timeZone: 'UTC' } })));
    expect(utc).toContain('**Period:** 1 Oct 2026 – 31 Oct 2026, compared with 31 Aug 2026 – 30 Sep 2026');
  });

  it('writes figures as GFM tables', () => {
    expect(markdown).toContain('| Check | KPI | This period | Previous | Change | Last periods |\n| --- | --- | --: | --: | --: | --- |');
    expect(markdown).toContain('| 1 | First response, median | 3.3 h | 4 h | −0.7 h |');
    expect(markdown).toContain('| 5 | Refusals with next steps | 87.5 % | 90 % | −2.5 pp |');
    expect(markdown).toContain('| Billing error — Tooling | 3 | 1 | +2 |');
    expect(markdown).toContain('| Resolution | 3 | Network: 2, Billing: 1 |');
    expect(markdown).toContain('| Billing | Network | 5 | 2 | 4 h | 8.8 h |');
    expect(markdown).toContain('| **All handoffs** |  | 6 | 2 | 3 h | 8.2 h |');
  });

  it('frames prevention actions as support and quotes refusals', () => {
    expect(markdown).toContain('**What support is needed:** Billing planned to finish this by 10 Nov 2026 (3 days ago). What support does Billing need to finish it?');
    expect(markdown).toContain('### CMP-2026-000009: partially upheld, Billing error, 20 Oct 2026');
    expect(markdown).toContain('**Reason given**\n\n> The fee covers the reminder letter we had to send on 2026-10-03.');
    // A quoted text keeps its lines, each in the quote.
    expect(markdown).toMatch(/> Dear \\\[customer\\\], .*\n> Kind regards, \\\[staff member\\\]/);
  });

  it('escapes quoted text: no HTML, no link, no broken table', () => {
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('Idempotent gateway retries \\<script\\>alert(1)\\</script\\> \\| pipe');
    expect(escapeMarkdown('[click](javascript:alert(1)) *bold* `code` # x & y ~z~ | a\nb')).toBe(
      '\\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\` \\# x \\& y \\~z\\~ \\| a b',
    );
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('3.5 h and +2')).toBe('3.5 h and +2');
  });

  it('says so when a section is empty', () => {
    const sections = sampleSections();
    const empty = renderMarkdown(
      buildAgenda(
        sampleAgendaInput({
          kpis: [],
          followUps: [],
          sections: {
            ...sections,
            themes: { top: [], rising: [] },
            recurringProblems: [],
            preventionActions: { totals: { overdue: 0, due: 0, awaitingVerification: 0 }, items: [] },
            slaBreaches: [],
            handoffWaits: { overall: { handoffs: 0, stillWaiting: 0, medianHours: null, p90Hours: null }, routes: [] },
            refusals: { total: 0, sample: [] },
            suggestions: { total: 0, byCategory: [], items: [] },
          },
        }),
      ),
    );
    for (const text of [
      '_No KPIs were given for this period._',
      '_No complaints in this period._',
      '_No theme grew since the previous period._',
      '_No problem came back in this period._',
      '0 overdue, 0 due, 0 awaiting verification.',
      '| First response | 0 | – |',
      '| **All handoffs** |  | 0 | 0 | – | – |',
      '_No refusals in this period._',
      '_No suggestions in this period._',
      '_The last meeting recorded no decisions._',
      '_No blaming wording found in the quoted texts._',
    ]) {
      expect(empty).toContain(text);
    }
  });
});
