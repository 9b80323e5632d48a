/*
 * The agenda as one printable HTML document (issue 5, "Formats"): A4 pages with sensible breaks, inline CSS, inline
 * SVG charts (each KPI over its last six periods; themes as horizontal bars), and nothing fetched from anywhere: no
 * stylesheet, script, font or image by URL, and a Content-Security-Policy that would block one if it slipped in. So
 * it prints and archives the same offline, years later. Pure; every text from the content is HTML-escaped.
 */
import { AGENDA_SECTIONS, type AgendaContent, type AgendaHandoffWait, type AgendaKpi, type AgendaSectionKey, type AgendaTheme } from './agenda-content.js';
import {
  ACTION_STATE_LABELS,
  formatChange,
  formatDate,
  formatDateTime,
  formatHours,
  formatKpiChange,
  formatKpiValue,
  formatPeriod,
  formatPeriodShort,
  RULE_LABELS,
  STAGE_LABELS,
  themeLabel,
  VERDICT_LABELS,
  words,
} from './agenda-format.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const h = escapeHtml;

/** Coordinates rounded to a tenth of a pixel: shorter markup, and the same text for the same figures. */
const px = (n: number) => String(Math.round(n * 10) / 10);

// --- Charts -------------------------------------------------------------------------------------------------------

const CHART_COLOUR = '#2f5597';
const CHART_MUTED = '#6b6b6b';

/**
 * A small line chart of one KPI over its last periods. The scale starts at zero (or below it, for negative figures)
 * so that a small change does not look like a large one. Every value is written next to its point and in the
 * chart's description, so a screen reader, a black-and-white printout and a reader who distrusts charts get the
 * figures themselves.
 */
export function kpiChart(kpi: AgendaKpi, id: string, timeZone: string): string {
  const width = 300;
  const height = 96;
  const pad = { left: 18, right: 18, top: 16, bottom: 20 };
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const points = kpi.series;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = values.length && Math.max(...values) > low ? Math.max(...values) : low + 1;
  const x = (i: number) => pad.left + (points.length > 1 ? (i * innerWidth) / (points.length - 1) : innerWidth / 2);
  const y = (v: number) => pad.top + innerHeight - ((v - low) / (high - low)) * innerHeight;

  const labels = points.map((p) => formatPeriodShort(p.periodFrom, p.periodTo, timeZone));
  const description = points.length
    ? points.map((p, i) => `${labels[i]}: ${p.value === null ? 'no data' : formatKpiValue(p.value, kpi.unit)}`).join('; ')
    : 'No figures for the last periods.';

  // The line breaks where a period has no figure, rather than drawing through it.
  let path = '';
  let drawing = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${px(x(i))} ${px(y(p.value))}`;
    drawing = true;
  });

  const marks = points
    .map((p, i) => {
      const last = i === points.length - 1;
      const label = `<text x="${px(x(i))}" y="${height - 5}" text-anchor="middle" class="axis">${h(labels[i])}</text>`;
      if (p.value === null) return `${label}<text x="${px(x(i))}" y="${px(pad.top + innerHeight)}" text-anchor="middle" class="value">–</text>`;
      return (
        `<circle cx="${px(x(i))}" cy="${px(y(p.value))}" r="${last ? 3.5 : 2.5}" fill="${last ? CHART_COLOUR : '#fff'}" stroke="${CHART_COLOUR}" stroke-width="1.5"/>` +
        `<text x="${px(x(i))}" y="${px(y(p.value) - 6)}" text-anchor="middle" class="value">${h(formatKpiValue(p.value, kpi.unit))}</text>` +
        label
      );
    })
    .join('');

  return (
    `<svg class="chart kpi-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${id}-title">${h(kpi.label)}, last ${points.length} period(s)</title>` +
    `<desc id="${id}-desc">${h(description)}</desc>` +
    `<line x1="${pad.left}" y1="${px(y(low))}" x2="${width - pad.right}" y2="${px(y(low))}" stroke="#ccc" stroke-width="0.75"/>` +
    (path ? `<path d="${path}" fill="none" stroke="${CHART_COLOUR}" stroke-width="1.75"/>` : '') +
    marks +
    `</svg>`
  );
}

/** Horizontal bars, one per theme, with the label and the figure written out. */
export function themeBars(themes: readonly AgendaTheme[], id: string, title: string, measure: 'count' | 'change'): string {
  const rowHeight = 22;
  const labelWidth = 290;
  const barSpace = 300;
  const width = labelWidth + barSpace + 80;
  const height = themes.length * rowHeight + 6;
  const valueOf = (t: AgendaTheme) => (measure === 'count' ? t.count : t.change);
  const max = Math.max(1, ...themes.map(valueOf));
  const figure = (t: AgendaTheme) => (measure === 'count' ? String(t.count) : `${formatChange(t.change)} (${t.previousCount} → ${t.count})`);
  const shorten = (label: string) => (label.length > 46 ? `${label.slice(0, 45)}…` : label);
  const description = themes.map((t) => `${themeLabel(t)}: ${figure(t)}`).join('; ');
  const rows = themes
    .map((t, i) => {
      const top = 3 + i * rowHeight;
      const length = Math.max(1, (Math.max(0, valueOf(t)) / max) * barSpace);
      return (
        `<text x="${labelWidth - 6}" y="${top + 14}" text-anchor="end" class="label">${h(shorten(themeLabel(t)))}</text>` +
        `<rect x="${labelWidth}" y="${top + 3}" width="${px(length)}" height="${rowHeight - 8}" fill="${CHART_COLOUR}"/>` +
        `<text x="${px(labelWidth + length + 5)}" y="${top + 14}" class="value">${h(figure(t))}</text>`
      );
    })
    .join('');
  return (
    `<svg class="chart bars" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${id}-title">${h(title)}</title>` +
    `<desc id="${id}-desc">${h(description)}</desc>` +
    rows +
    `</svg>`
  );
}

// --- Sections -----------------------------------------------------------------------------------------------------

function section(key: AgendaSectionKey, body: string): string {
  const index = AGENDA_SECTIONS.findIndex((s) => s.key === key);
  return `<section id="section-${key}" class="agenda-section"><h2>${index + 1}. ${h(AGENDA_SECTIONS[index].title)}</h2>${body}</section>`;
}

const none = (text: string) => `<p class="none">${h(text)}</p>`;

function table(header: string[], numeric: boolean[], rows: string[][], className = ''): string {
  const cell = (tag: 'th' | 'td', content: string, i: number) => `<${tag}${numeric[i] ? ' class="num"' : ''}>${content}</${tag}>`;
  return (
    `<table${className ? ` class="${className}"` : ''}><thead><tr>${header.map((c, i) => cell('th', h(c), i)).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** A quoted text, its line breaks kept (white-space: pre-wrap). */
const quoted = (text: string) => `<blockquote>${h(text)}</blockquote>`;

function kpis(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  if (content.kpis.length === 0) return section('kpis', none('No KPIs were given for this period.'));
  const blocks = content.kpis
    .map((kpi, i) => {
      const check = kpi.check === null ? '' : `<span class="check">Check ${kpi.check}</span>`;
      return (
        `<div class="kpi">${check}<h3>${h(kpi.label)}</h3>` +
        `<p class="figures"><strong>${h(formatKpiValue(kpi.current, kpi.unit))}</strong> this period · ${h(formatKpiValue(kpi.previous, kpi.unit))} before · change ${h(formatKpiChange(kpi.current, kpi.previous, kpi.unit))}</p>` +
        (kpi.series.length ? kpiChart(kpi, `kpi-${i + 1}`, zone) : none('No figures for earlier periods yet.')) +
        `</div>`
      );
    })
    .join('');
  return section('kpis', `<div class="kpis">${blocks}</div>`);
}

function themeTable(themes: AgendaTheme[]): string {
  return table(
    ['Theme', 'This period', 'Previous', 'Change'],
    [false, true, true, true],
    themes.map((t) => [h(themeLabel(t)), String(t.count), String(t.previousCount), h(formatChange(t.change))]),
  );
}

function themes(content: AgendaContent): string {
  const { top, rising } = content.themes;
  const topPart = top.length
    ? `<figure>${themeBars(top, 'themes-top', 'Top themes: complaints this period', 'count')}</figure>${themeTable(top)}`
    : none('No complaints in this period.');
  const risingPart = rising.length
    ? `<figure>${themeBars(rising, 'themes-rising', 'Rising themes: growth since the previous period', 'change')}</figure>${themeTable(rising)}`
    : none('No theme grew since the previous period.');
  return section('themes', `<div class="block"><h3>Top themes</h3>${topPart}</div><div class="block"><h3>Rising themes</h3>${risingPart}</div>`);
}

function recurringProblems(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  if (content.recurringProblems.length === 0) return section('recurringProblems', none('No problem came back in this period.'));
  const blocks = content.recurringProblems.map((problem) => {
    const head = `<h3>${h(problem.categoryName)} — ${h(problem.causeName)}</h3><p>${problem.count} complaint(s) this period, ${problem.previousCount} in the previous one.</p>`;
    if (problem.actions.length === 0) return `<div class="block">${head}${none('No prevention action yet: which department could own one?')}</div>`;
    const rows = problem.actions.map((action) => [
      h(action.title) + (action.allCategories ? ' <em>(all categories)</em>' : ''),
      h(action.ownerDepartment),
      h(words(action.status)),
      h(formatDate(action.dueAt, zone)),
      action.lastCheck
        ? h(`${VERDICT_LABELS[action.lastCheck.verdict]}${action.lastCheck.reductionPct === null ? '' : `, ${action.lastCheck.reductionPct} % fewer (target ${action.targetReductionPct} %)`}, ${formatDate(action.lastCheck.checkedAt, zone)}`)
        : 'not checked yet',
      action.complaintsAfterDone === null ? '–' : String(action.complaintsAfterDone),
    ]);
    return `<div class="block">${head}${table(['Prevention action', 'Owner', 'Status', 'Due', 'Last effectiveness check', 'Complaints after done'], [false, false, false, false, false, true], rows)}</div>`;
  });
  return section('recurringProblems', blocks.join(''));
}

function preventionActions(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { totals, items } = content.preventionActions;
  const all = totals.overdue + totals.due + totals.awaitingVerification;
  const parts = [
    `<p>${totals.overdue} overdue, ${totals.due} due, ${totals.awaitingVerification} awaiting verification${items.length < all ? ` (the first ${items.length} are listed)` : ''}.</p>`,
  ];
  for (const state of ['overdue', 'due', 'awaiting_verification'] as const) {
    const ofState = items.filter((item) => item.state === state);
    if (ofState.length === 0) continue;
    parts.push(`<h3>${h(ACTION_STATE_LABELS[state])}</h3>`);
    for (const item of ofState) {
      const facts = [item.ownerDepartment, `${item.causeName}${item.categoryName ? `, ${item.categoryName}` : ''}`, `due ${formatDate(item.dueAt, zone)}`];
      parts.push(
        `<div class="item action ${state}"><p class="title"><strong>${h(item.title)}</strong> <span class="facts">(${h(facts.join('; '))})</span></p>` +
          `<p class="description">${h(item.description)}</p>` +
          `<p class="support"><strong>What support is needed:</strong> ${h(item.supportNeeded)}</p></div>`,
      );
    }
  }
  return section('preventionActions', parts.join(''));
}

function whereWorkWaits(content: AgendaContent): string {
  const { slaBreaches, handoffs } = content.whereWorkWaits;
  const breaches = table(
    ['Stage', 'Deadlines missed', 'Where the complaint was'],
    [false, true, false],
    slaBreaches.map((stage) => [
      h(STAGE_LABELS[stage.stage]),
      String(stage.total),
      stage.byDepartment.length ? stage.byDepartment.map((d) => `${h(d.department)}: ${d.breaches}`).join(', ') : '–',
    ]),
  );
  const cells = (w: AgendaHandoffWait) => [String(w.handoffs), String(w.stillWaiting), h(formatHours(w.medianHours)), h(formatHours(w.p90Hours))];
  const waits = table(
    ['From', 'To', 'Handoffs', 'Still waiting', 'Median wait', '90th percentile'],
    [false, false, true, true, true, true],
    [...handoffs.routes.map((route) => [h(route.fromDepartment), h(route.toDepartment), ...cells(route)]), ['<strong>All handoffs</strong>', '', ...cells(handoffs.overall)]],
  );
  return section(
    'whereWorkWaits',
    `<div class="block"><h3>SLA breaches by stage</h3>${breaches}</div>` +
      `<div class="block"><h3>Waiting in handoffs between departments</h3>` +
      `<p class="note">From the handoff to the receiving department’s first action, in hours; still waiting: not acted on by the end of the period.</p>${waits}</div>`,
  );
}

function refusalReview(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { total, sample } = content.refusalReview;
  if (total === 0) return section('refusalReview', none('No refusals in this period.'));
  const parts = [`<p>${total} refusal(s) in this period; ${sample.length === total ? 'all of them' : `a sample of ${sample.length}`}:</p>`];
  for (const refusal of sample) {
    const after = [refusal.disputed ? 'disputed by the customer' : 'not disputed', refusal.csat === null ? 'not rated' : `rated ${refusal.csat}/5`];
    parts.push(
      `<div class="item refusal"><h3>${h(refusal.ref)}: ${h(words(refusal.outcome))}, ${h(refusal.categoryName)}, ${h(formatDate(refusal.resolvedAt, zone))}</h3>` +
        `<p><strong>Complaint:</strong> ${h(refusal.summary)}<br><strong>Afterwards:</strong> ${h(after.join(', '))}</p>` +
        `<h4>Reason given</h4>${quoted(refusal.refusalReason)}` +
        `<h4>What the customer can do next</h4>${quoted(refusal.nextSteps)}` +
        (refusal.alternativeOffered === null ? '' : `<h4>Alternative offered</h4>${quoted(refusal.alternativeOffered)}`) +
        `<h4>Message to the customer</h4>${quoted(refusal.customerMessage)}</div>`,
    );
  }
  return section('refusalReview', parts.join(''));
}

function suggestions(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { total, byCategory, items } = content.suggestions;
  if (total === 0) return section('suggestions', none('No suggestions in this period.'));
  const parts = [
    `<p>${total} suggestion(s): ${byCategory.map((c) => `${h(c.categoryName)} ${c.count}`).join(', ')}.${items.length < total ? ` The first ${items.length}:` : ''}</p>`,
  ];
  for (const item of items) {
    parts.push(
      `<div class="item suggestion"><h3>${h(item.ref)}: ${h(item.summary)}</h3>` +
        `<p class="facts">${h(item.categoryName)}, received ${h(formatDate(item.receivedAt, zone))}, ${h(words(item.status))}</p>${quoted(item.description)}</div>`,
    );
  }
  return section('suggestions', parts.join(''));
}

function followUps(content: AgendaContent): string {
  if (content.followUps.length === 0) return section('followUps', none('The last meeting recorded no decisions.'));
  const items = content.followUps.map((decision) => {
    const action = decision.preventionAction;
    const tail = action
      ? `<br><span class="facts">Prevention action: <strong>${h(action.title)}</strong>, ${h(action.ownerDepartment)}, ${h(words(action.status))}</span>`
      : '';
    return `<li>${h(decision.text)}${tail}</li>`;
  });
  return section('followUps', `<ol class="decisions">${items.join('')}</ol>`);
}

function flags(content: AgendaContent): string {
  const body = content.flags.length
    ? table(
        ['Section', 'Item', 'Field', 'Why', 'Words'],
        [false, false, false, false, false],
        content.flags.map((flag) => [
          h(AGENDA_SECTIONS.find((s) => s.key === flag.section)!.title),
          h(flag.itemRef),
          h(flag.field),
          h(RULE_LABELS[flag.rule] ?? flag.rule),
          `<mark>${h(flag.words)}</mark>`,
        ]),
      )
    : none('No blaming wording found in the quoted texts.');
  return `<section id="section-flags" class="agenda-section flags"><h2>For the chair: wording to look at</h2>${body}</section>`;
}

// --- The document -------------------------------------------------------------------------------------------------

/*
 * Print rules: A4 with margins; a heading is never left alone at the foot of a page (break-after: avoid); tables,
 * charts and single items are not split (break-inside: avoid); long tables repeat their header row. The legacy
 * page-break-* properties are there for engines that predate the break-* ones.
 */
const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1a1a1a; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen { body { max-width: 200mm; margin: 10mm auto; padding: 0 8mm; } }
header { border-bottom: 2pt solid #1a1a1a; padding-bottom: 6pt; margin-bottom: 8pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1pt solid #444; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; }
h4 { font-size: 9.5pt; margin: 6pt 0 2pt; color: #444; text-transform: uppercase; letter-spacing: 0.03em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; orphans: 3; widows: 3; }
section.agenda-section { break-inside: avoid; page-break-inside: avoid; }
.block, .item, .kpi, figure, table, svg, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 4pt; border-bottom: 0.5pt solid #bbb; }
th { border-bottom: 1pt solid #444; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 4pt 0; }
.kpis { display: grid; grid-template-columns: 1fr 1fr; gap: 6pt 10pt; }
.kpi { border: 0.5pt solid #bbb; padding: 4pt 6pt; }
.kpi h3 { margin: 0 0 2pt; font-size: 10pt; }
.kpi .check { float: right; font-size: 8pt; color: #555; border: 0.5pt solid #999; padding: 0 3pt; }
.kpi .figures { font-size: 9pt; }
.chart text { font-family: inherit; }
.chart .axis { font-size: 8px; fill: ${CHART_MUTED}; }
.chart .value { font-size: 8.5px; fill: #1a1a1a; }
.chart .label { font-size: 11px; fill: #1a1a1a; }
.kpi-chart { display: block; width: 100%; height: auto; max-width: 300px; }
blockquote { margin: 2pt 0 4pt; padding: 3pt 8pt; border-left: 2pt solid #999; background: #f5f5f5; white-space: pre-wrap; }
.item { margin: 6pt 0 10pt; }
.support { background: #eef3fa; padding: 3pt 6pt; }
.facts, .note, .none { color: #444; }
.none { font-style: italic; }
mark { background: #fff0a8; }
.meta { margin: 0; }
.principle { font-size: 9pt; color: #444; margin-top: 4pt; }
`;

export function renderHtml(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { period } = content;
  const title = `Customer committee agenda: ${content.committee.name}, ${formatDate(content.meeting.startsAt, zone)}`;
  const meta = [
    `<strong>Meeting:</strong> ${h(formatDateTime(content.meeting.startsAt, zone))}`,
    `<strong>Period:</strong> ${h(formatPeriod(period.from, period.to, zone))}, compared with ${h(formatPeriod(period.previousFrom, period.from, zone))}`,
    ...(content.committee.memberDepartments.length ? [`<strong>Members:</strong> ${content.committee.memberDepartments.map(h).join(', ')}`] : []),
    `<strong>Generated:</strong> ${h(formatDateTime(content.generatedAt, zone))}`,
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may be fetched: only the inline style block applies.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>Customer committee agenda: ${h(content.committee.name)}</h1><p class="meta">${meta.join('<br>')}</p>` +
      `<p class="principle">No blame: this agenda speaks of processes, teams and stages, never of individual staff. Customer names and contact details are removed from quoted texts.</p></header>`,
    '<main>',
    kpis(content),
    themes(content),
    recurringProblems(content),
    preventionActions(content),
    whereWorkWaits(content),
    refusalReview(content),
    suggestions(content),
    followUps(content),
    flags(content),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
