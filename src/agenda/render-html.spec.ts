import { describe, expect, it } from '@jest/globals';
import { sampleAgendaInput } from '../../test/factories/agenda.js';
import { buildAgenda } from './agenda-builder.js';
import { AGENDA_SECTIONS, type AgendaKpi } from './agenda-content.js';
import { escapeHtml, kpiChart, renderHtml, themeBars } from './render-html.js';

/** The text of an element's first match, tags removed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('renderHtml', () => {
  const content = buildAgenda(sampleAgendaInput());
  const html = renderHtml(content);

  it('is one complete document in English', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>Customer committee agenda: Customer committee, 20 Nov 2026<\/title>/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // Every element that is opened is closed (void elements aside).
    const opened = [...html.matchAll(/<(section|div|table|svg|figure|blockquote|ol|li|p|h[1-4])[\s>]/g)].length;
    const closed = [...html.matchAll(/<\/(section|div|table|svg|figure|blockquote|ol|li|p|h[1-4])>/g)].length;
    expect(closed).toBe(opened);
  });

  it('has a heading per section, in reading order, in a section of its own', () => {
    const headings = [...html.matchAll(/<section id="section-([^"]+)" class="agenda-section[^"]*"><h2>([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(headings).toEqual([
      ...AGENDA_SECTIONS.map((section, i) => [section.key, `${i + 1}. ${escapeHtml(section.title)}`]),
      ['flags', 'For the chair: wording to look at'],
    ]);
  });

  it('prints on A4 with sensible page breaks', () => {
    expect(html).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(html).toMatch(/section\.agenda-section \{ break-inside: avoid;/);
    expect(html).toMatch(/[^}]*table[^}]*\{ break-inside: avoid;/);
    expect(html).toMatch(/h1, h2, h3, h4 \{ break-after: avoid;/);
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('needs nothing from outside: no link, script, font, image or URL; a policy that forbids fetching', () => {
    expect(html).not.toMatch(/<link|<script|<img|<iframe|<object|<embed|@import|@font-face|url\(|src=|href=|https?:/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect([...html.matchAll(/<style>/g)]).toHaveLength(1);
  });

  it('draws each KPI over its last periods as an accessible inline SVG chart with the values written out', () => {
    const charts = [...html.matchAll(/<svg class="chart kpi-chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    // The third KPI has no series: a note, not an empty chart.
    expect(charts).toHaveLength(2);
    const [first] = charts;
    expect(first).toContain('role="img" aria-labelledby="kpi-1-title kpi-1-desc"');
    expect(first).toContain('<title id="kpi-1-title">First response, median, last 6 period(s)</title>');
    expect(first).toContain('<desc id="kpi-1-desc">1 May: 9 h; 1 Jun: 6 h; 1 Jul: 5.5 h; 1 Aug: no data; 1 Sep: 4 h; 1 Oct: 3.3 h</desc>');
    expect([...first.matchAll(/<circle /g)]).toHaveLength(5);
    // The line breaks at the period without data: two pieces.
    expect(first.match(/<path d="([^"]+)"/)![1].match(/M/g)).toHaveLength(2);
    for (const value of ['9 h', '6 h', '5.5 h', '4 h', '3.3 h']) expect(first).toContain(`class="value">${value}</text>`);
    expect(html).toContain('No figures for earlier periods yet.');
  });

  it('scales a KPI chart from zero, and copes with one point, no data and equal values', () => {
    const kpi = (values: (number | null)[]): AgendaKpi => ({
      check: 2,
      key: 'csat',
      label: 'CSAT',
      unit: 'score',
      current: values[values.length - 1] ?? null,
      previous: null,
      series: values.map((value, i) => ({ periodFrom: `2026-0${i + 1}-01T00:00:00.000Z`, periodTo: `2026-0${i + 2}-01T00:00:00.000Z`, value })),
    });
    const ys = (svg: string) => [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [high, low] = ys(kpiChart(kpi([4, 2]), 'k', 'UTC'));
    // 2 is halfway between the baseline (0) and 4: the line is not stretched to fill the chart.
    const baseline = Number(kpiChart(kpi([4, 2]), 'k', 'UTC').match(/<line x1="[\d.]+" y1="([\d.]+)"/)![1]);
    expect(Math.abs(baseline - low - (low - high))).toBeLessThan(0.2);
    expect(ys(kpiChart(kpi([3]), 'k', 'UTC'))).toHaveLength(1);
    expect(ys(kpiChart(kpi([3, 3, 3]), 'k', 'UTC'))).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    const empty = kpiChart(kpi([null, null]), 'k', 'UTC');
    expect(empty).not.toContain('<path');
    expect(empty).toContain('<desc id="k-desc">Jan: no data; Feb: no data</desc>');
    expect(empty).not.toMatch(/NaN|Infinity/);
  });

  it('draws themes as horizontal bars with labels and figures, and a table beside', () => {
    const top = html.match(/<svg class="chart bars"[^>]*aria-labelledby="themes-top-title themes-top-desc"[\s\S]*?<\/svg>/)![0];
    expect(top).toContain('<title id="themes-top-title">Top themes: complaints this period</title>');
    expect(top).toContain('<desc id="themes-top-desc">Billing error — Tooling: 3; Billing error — cause not recorded yet: 2; Network outage — Capacity: 1</desc>');
    const widths = [...top.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([300, 200, 100]);
    const rising = themeBars(content.themes.rising, 'r', 'Rising', 'change');
    expect(rising).toContain('+2 (1 → 3)');
    expect(html).toContain('<td>Billing error — Tooling</td><td class="num">3</td><td class="num">1</td><td class="num">+2</td>');
  });

  it('escapes every text from the content', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Idempotent gateway retries &lt;script&gt;alert(1)&lt;/script&gt; | pipe');
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('frames prevention actions as support, quotes refusals, and lists the flags for the chair', () => {
    const text = textOf(html);
    expect(text).toContain('What support is needed: Billing planned to finish this by 10 Nov 2026 (3 days ago). What support does Billing need to finish it?');
    expect(html).toContain('<h4>What the customer can do next</h4><blockquote>Ask us to review it within 30 days.</blockquote>');
    expect(text).toContain('Afterwards: disputed by the customer, rated 2/5');
    expect(html).toContain('<td>CMP-2026-000007</td><td>refusalReason</td><td>blames the customer</td><td><mark>You failed to</mark></td>');
  });
});
