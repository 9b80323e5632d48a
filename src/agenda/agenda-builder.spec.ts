import { describe, expect, it } from '@jest/globals';
import { CONTACT_STRINGS, leaksIn, sampleAgendaInput, sampleSections, STAFF_NAME_WORDS, STAFF_NAMES } from '../../test/factories/agenda.js';
import { AGENDA_SECTIONS } from './agenda-content.js';
import { buildAgenda, contentHash, KPI_SERIES_LENGTH, MAX_QUOTED_CHARS, supportNeeded } from './agenda-builder.js';
import { PLACEHOLDERS } from '../privacy/redaction.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

/** Every string anywhere in a value, with the path to it. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe('buildAgenda', () => {
  it('holds the sections in reading order, after the meeting, the period and the generation time', () => {
    const content = buildAgenda(sampleAgendaInput());
    expect(Object.keys(content)).toEqual([
      'formatVersion',
      'committee',
      'meeting',
      'period',
      'generatedAt',
      ...AGENDA_SECTIONS.map((section) => section.key),
      'flags',
    ]);
    expect(content.committee).toEqual({ id: 'c0000000-0000-4000-8000-000000000001', name: 'Customer committee', timeZone: 'Europe/Riga', memberDepartments: ['Billing', 'Network'] });
    expect(content.meeting).toEqual({ id: 'b0000000-0000-4000-8000-000000000001', startsAt: '2026-11-20T12:00:00.000Z' });
    expect(content.period).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', previousFrom: '2026-08-31T00:00:00.000Z' });
    expect(content.generatedAt).toBe('2026-11-13T09:00:00.000Z');
  });

  describe('no blame, no leaks', () => {
    const input = sampleAgendaInput();
    const content = buildAgenda(input);
    const formats = { json: JSON.stringify(content), markdown: renderMarkdown(content), html: renderHtml(content) };
    /** Markdown escapes the brackets, so that no quoted text can become a link. */
    const placeholderIn = (format: keyof typeof formats, placeholder: string) =>
      expect(formats[format]).toContain(format === 'markdown' ? placeholder.replace(/[[\]]/g, '\\$&') : placeholder);

    it.each(Object.keys(formats) as (keyof typeof formats)[])('no staff name, in any spelling, is left in %s', (format) => {
      expect(leaksIn(formats[format], STAFF_NAME_WORDS)).toEqual([]);
      placeholderIn(format, PLACEHOLDERS.staff);
    });

    it.each(Object.keys(formats) as (keyof typeof formats)[])("no customer name, e-mail address or phone number is left in %s", (format) => {
      expect(leaksIn(formats[format], CONTACT_STRINGS)).toEqual([]);
      placeholderIn(format, PLACEHOLDERS.customer);
      placeholderIn(format, PLACEHOLDERS.email);
      placeholderIn(format, PLACEHOLDERS.phone);
    });

    it('redacted every quoted field: each one that was planted now holds the staff placeholder', () => {
      const quoted = strings(content).filter(([, text]) => text.includes(PLACEHOLDERS.staff)).map(([path]) => path);
      expect(quoted).toEqual([
        '$.recurringProblems[0].actions[0].title',
        '$.preventionActions.items[0].title',
        '$.preventionActions.items[0].description',
        '$.preventionActions.items[2].title',
        '$.refusalReview.sample[0].summary',
        '$.refusalReview.sample[0].refusalReason',
        '$.refusalReview.sample[0].nextSteps',
        '$.refusalReview.sample[0].alternativeOffered',
        '$.refusalReview.sample[0].customerMessage',
        '$.suggestions.items[0].summary',
        '$.suggestions.items[0].description',
        '$.followUps[0].text',
        '$.followUps[0].preventionAction.title',
      ]);
    });

    it('has no staff id: the only ids are the committee, the meeting and prevention actions (and flags pointing at them)', () => {
      const uuids = strings(content).flatMap(([path, text]) => (text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []).map(() => path));
      expect(new Set(uuids.map((path) => path.replace(/\[\d+\]/g, '[]')))).toEqual(
        new Set(['$.committee.id', '$.meeting.id', '$.recurringProblems[].actions[].ref', '$.preventionActions.items[].ref', '$.flags[].itemRef']),
      );
    });

    it('names departments as owners', () => {
      expect(content.preventionActions.items.map((item) => item.ownerDepartment)).toEqual(['Billing', 'Network', 'Billing']);
      expect(content.followUps[0].preventionAction).toEqual({ title: expect.any(String), status: 'in_progress', ownerDepartment: 'Billing' });
    });

    it('flags blaming wording for the chair, quoting the redacted words', () => {
      expect(content.flags).toEqual([
        { section: 'preventionActions', itemRef: 'a2000000-0000-4000-8000-000000000002', field: 'description', rule: 'blames_person', words: 'Human error' },
        { section: 'refusalReview', itemRef: 'CMP-2026-000007', field: 'refusalReason', rule: 'blames_customer', words: 'You failed to' },
        { section: 'followUps', itemRef: 'decision-1', field: 'text', rule: 'blames_person', words: 'forgot' },
      ]);
    });
  });

  describe('sections', () => {
    it('keeps the last six periods of each KPI, oldest first, with instants as ISO strings; no number that JSON cannot hold', () => {
      const input = sampleAgendaInput();
      const series = Array.from({ length: 8 }, (_, i) => ({
        periodFrom: new Date(Date.UTC(2026, 2 + i, 1)),
        periodTo: new Date(Date.UTC(2026, 3 + i, 1)),
        value: i === 7 ? Number.NaN : i,
      })).reverse();
      const content = buildAgenda({ ...input, kpis: [{ check: 7 as never, key: 'k', label: 'K', unit: 'count', current: Number.POSITIVE_INFINITY, previous: 2, series }] });
      const [kpi] = content.kpis;
      expect(kpi.check).toBeNull();
      expect(kpi.current).toBeNull();
      expect(kpi.series).toHaveLength(KPI_SERIES_LENGTH);
      expect(kpi.series.map((p) => p.periodFrom)).toEqual(['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'].map((d) => `${d}T00:00:00.000Z`));
      expect(kpi.series.map((p) => p.value)).toEqual([2, 3, 4, 5, 6, null]);
    });

    it('gives both SLA stages, with the stage total from SQL, even when a stage had no breach', () => {
      const content = buildAgenda(sampleAgendaInput());
      expect(content.whereWorkWaits.slaBreaches).toEqual([
        { stage: 'first_response', total: 0, byDepartment: [] },
        {
          stage: 'resolution',
          total: 3,
          byDepartment: [
            { department: 'Network', breaches: 2 },
            { department: 'Billing', breaches: 1 },
          ],
        },
      ]);
    });

    it('frames each prevention action as the support its department needs', () => {
      const content = buildAgenda(sampleAgendaInput());
      const [overdue, due, verifying] = content.preventionActions.items;
      expect(overdue).toMatchObject({ state: 'overdue', daysOverdue: 3, dueAt: '2026-11-10T09:00:00.000Z' });
      expect(overdue.supportNeeded).toBe('Billing planned to finish this by 10 Nov 2026 (3 days ago). What support does Billing need to finish it?');
      expect(due.daysOverdue).toBeNull();
      expect(due.supportNeeded).toBe(
        'The last effectiveness check found it did not reduce complaints enough. Network plans to finish this by 1 Dec 2026. What support does Network need to finish it on time?',
      );
      expect(verifying.supportNeeded).toBe(
        'Billing finished this on 10 Oct 2026. The last check had too few complaints to judge; its effectiveness check is due on 9 Dec 2026. What support is needed to tell whether it works?',
      );
    });

    it('words support for every state', () => {
      const base = { ownerDepartment: 'Billing', dueAt: new Date('2026-11-12T20:00:00Z'), doneAt: null, verificationDueAt: null, lastCheck: null };
      const now = new Date('2026-11-13T09:00:00Z');
      expect(supportNeeded({ ...base, state: 'overdue' }, now, 'UTC')).toContain('(less than a day ago)');
      expect(supportNeeded({ ...base, state: 'overdue', dueAt: new Date('2026-11-12T08:00:00Z') }, now, 'UTC')).toContain('(1 day ago)');
      expect(supportNeeded({ ...base, state: 'awaiting_verification', verificationDueAt: new Date('2026-12-01T00:00:00Z') }, now, 'UTC')).toBe(
        'Its effectiveness check is due on 1 Dec 2026. What support is needed to tell whether it works?',
      );
      for (const state of ['overdue', 'due', 'awaiting_verification'] as const) {
        const text = supportNeeded({ ...base, state }, now, 'UTC');
        expect(text).toMatch(/What support (does Billing need|is needed)/);
        expect(text).not.toMatch(/\b(late|fault|blame|failed)\b/i);
      }
    });

    it('takes follow-ups as the minutes give them, keeping only the decision, the action title and status, and the department name', () => {
      // The shape of MinutesRepository.followUpsFor(...).decisions: ids and dates beside what the agenda shows.
      const fromMinutes = {
        decisionId: 'd0000000-0000-4000-8000-000000000003',
        position: 3,
        text: 'Network shares its capacity plan.',
        preventionAction: {
          id: 'a9000000-0000-4000-8000-000000000009',
          title: 'Capacity plan',
          status: 'planned' as const,
          dueAt: new Date('2026-12-01T00:00:00Z'),
          ownerDepartment: { id: 'e0000000-0000-4000-8000-00000000000e', name: 'Network' },
        },
      };
      const content = buildAgenda(sampleAgendaInput({ followUps: [fromMinutes] }));
      expect(content.followUps).toEqual([
        { ref: 'decision-3', text: 'Network shares its capacity plan.', preventionAction: { title: 'Capacity plan', status: 'planned', ownerDepartment: 'Network' } },
      ]);
    });

    it('cuts long quoted descriptions after redacting them', () => {
      const sections = sampleSections();
      sections.suggestions.items[0].description = `${'Please add paper invoices again. '.repeat(40)}Dana Ozola`;
      const content = buildAgenda(sampleAgendaInput({ sections }));
      const { description } = content.suggestions.items[0];
      expect(description.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS + 1);
      expect(description.endsWith('…')).toBe(true);
      expect(description).not.toMatch(/Ozola|Dana/);
    });

    it('copies the refusal facts and the counts through', () => {
      const content = buildAgenda(sampleAgendaInput());
      expect(content.refusalReview.total).toBe(2);
      expect(content.refusalReview.sample[1]).toEqual({
        ref: 'CMP-2026-000009',
        categoryName: 'Billing error',
        outcome: 'partially_upheld',
        resolvedAt: '2026-10-20T10:00:00.000Z',
        summary: 'Late fee',
        refusalReason: 'The fee covers the reminder letter we had to send on 2026-10-03.',
        nextSteps: 'Ask us to review it within 30 days.',
        alternativeOffered: null,
        customerMessage: 'Thank you for your patience.',
        disputed: false,
        csat: null,
      });
      expect(content.themes.top.map((t) => t.count)).toEqual([3, 2, 1]);
      expect(content.recurringProblems[0]).toMatchObject({ ref: 'billing-error/tooling', count: 3, previousCount: 1 });
      expect(content.recurringProblems[0].actions[0]).toMatchObject({
        status: 'verifying',
        lastCheck: { verdict: 'insufficient_data', reductionPct: null, checkedAt: '2026-10-20T00:00:00.000Z' },
        complaintsAfterDone: 1,
      });
      expect(content.suggestions).toMatchObject({ total: 1, byCategory: [{ categoryName: 'Billing error', count: 1 }] });
    });
  });

  describe('purity and the content hash', () => {
    it('gives equal content for equal input, and changes nothing it was given', () => {
      const input = sampleAgendaInput();
      const before = JSON.stringify(input);
      expect(buildAgenda(input)).toEqual(buildAgenda(sampleAgendaInput()));
      expect(JSON.stringify(input)).toBe(before);
    });

    it('hashes canonical JSON: key order and the generation time do not matter, any figure does', () => {
      const content = buildAgenda(sampleAgendaInput());
      const hash = contentHash(content);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const reordered = Object.fromEntries(Object.entries(content).reverse()) as typeof content;
      expect(contentHash(reordered)).toBe(hash);
      expect(contentHash({ ...content, generatedAt: '2030-01-01T00:00:00.000Z' })).toBe(hash);
      expect(contentHash({ ...content, refusalReview: { ...content.refusalReview, total: 3 } })).not.toBe(hash);
      expect(contentHash(buildAgenda(sampleAgendaInput({ people: { staffNames: STAFF_NAMES.slice(1) } })))).not.toBe(hash);
    });
  });
});
