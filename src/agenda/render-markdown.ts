/*
 * The agenda as GitHub-flavoured Markdown: one `##` heading per section, numbered in reading order, tables for
 * figures, quotes for quoted texts. Pure. Every text from the content is escaped, so a quoted "<script>" or "|" stays
 * text in any Markdown viewer and cannot break a table.
 */
import { AGENDA_SECTIONS, type AgendaContent, type AgendaKpi, type AgendaSectionKey, type AgendaTheme } from './agenda-content.js';
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

/**
 * Inline text: CommonMark lets any ASCII punctuation be escaped with a backslash; these are the characters that
 * start markup (emphasis, code, links, HTML, headings, tables, strike-through, entities). Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>#|~&!]/g, '\\$&')
    // A line start that would open a list or underline a heading; "3.5 h" and "+2" need nothing.
    .replace(/^([-+*]|\d+[.)])(?=\s|$)/, (m) => m.replace(/[-+*.)]$/, '\\$&'))
    .replace(/^=/, '\\=');
}

/** A quoted text as a block quote, keeping its paragraphs; each line escaped. */
function blockQuote(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line.trim())}`))
    .join('\n');
}

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string {
  const rule = align.map((a) => (a === 'r' ? '--:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const e = escapeMarkdown;

function heading(key: AgendaSectionKey): string {
  const index = AGENDA_SECTIONS.findIndex((section) => section.key === key);
  return `## ${index + 1}. ${AGENDA_SECTIONS[index].title}`;
}

function kpis(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  if (content.kpis.length === 0) return `${heading('kpis')}\n\n_No KPIs were given for this period._`;
  const trend = (kpi: AgendaKpi) =>
    kpi.series.map((point) => `${e(formatPeriodShort(point.periodFrom, point.periodTo, zone))}: ${e(formatKpiValue(point.value, kpi.unit))}`).join(' · ');
  const rows = content.kpis.map((kpi) => [
    kpi.check === null ? '–' : String(kpi.check),
    e(kpi.label),
    e(formatKpiValue(kpi.current, kpi.unit)),
    e(formatKpiValue(kpi.previous, kpi.unit)),
    e(formatKpiChange(kpi.current, kpi.previous, kpi.unit)),
    trend(kpi) || '–',
  ]);
  return `${heading('kpis')}\n\n${table(['Check', 'KPI', 'This period', 'Previous', 'Change', 'Last periods'], ['l', 'l', 'r', 'r', 'r', 'l'], rows)}`;
}

function themeTable(themes: AgendaTheme[]): string {
  return table(
    ['Theme', 'This period', 'Previous', 'Change'],
    ['l', 'r', 'r', 'r'],
    themes.map((theme) => [e(themeLabel(theme)), String(theme.count), String(theme.previousCount), e(formatChange(theme.change))]),
  );
}

function themes(content: AgendaContent): string {
  const { top, rising } = content.themes;
  return [
    heading('themes'),
    '### Top themes',
    top.length ? themeTable(top) : '_No complaints in this period._',
    '### Rising themes',
    rising.length ? themeTable(rising) : '_No theme grew since the previous period._',
  ].join('\n\n');
}

function recurringProblems(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  if (content.recurringProblems.length === 0) return `${heading('recurringProblems')}\n\n_No problem came back in this period._`;
  const parts = [heading('recurringProblems')];
  for (const problem of content.recurringProblems) {
    parts.push(`### ${e(problem.categoryName)} — ${e(problem.causeName)}`);
    parts.push(`${problem.count} complaint(s) this period, ${problem.previousCount} in the previous one.`);
    if (problem.actions.length === 0) {
      parts.push('_No prevention action yet: which department could own one?_');
      continue;
    }
    parts.push(
      table(
        ['Prevention action', 'Owner', 'Status', 'Due', 'Last effectiveness check', 'Complaints after done'],
        ['l', 'l', 'l', 'l', 'l', 'r'],
        problem.actions.map((action) => [
          e(action.title) + (action.allCategories ? ' _(all categories)_' : ''),
          e(action.ownerDepartment),
          e(words(action.status)),
          e(formatDate(action.dueAt, zone)),
          action.lastCheck
            ? e(`${VERDICT_LABELS[action.lastCheck.verdict]}${action.lastCheck.reductionPct === null ? '' : `, ${action.lastCheck.reductionPct} % fewer (target ${action.targetReductionPct} %)`}, ${formatDate(action.lastCheck.checkedAt, zone)}`)
            : 'not checked yet',
          action.complaintsAfterDone === null ? '–' : String(action.complaintsAfterDone),
        ]),
      ),
    );
  }
  return parts.join('\n\n');
}

function preventionActions(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { totals, items } = content.preventionActions;
  const parts = [
    heading('preventionActions'),
    `${totals.overdue} overdue, ${totals.due} due, ${totals.awaitingVerification} awaiting verification${items.length < totals.overdue + totals.due + totals.awaitingVerification ? ` (the first ${items.length} are listed)` : ''}.`,
  ];
  for (const state of ['overdue', 'due', 'awaiting_verification'] as const) {
    const ofState = items.filter((item) => item.state === state);
    if (ofState.length === 0) continue;
    parts.push(`### ${ACTION_STATE_LABELS[state]}`);
    parts.push(
      ofState
        .map((item) => {
          const facts = [item.ownerDepartment, `${words(item.causeName)}${item.categoryName ? `, ${item.categoryName}` : ''}`, `due ${formatDate(item.dueAt, zone)}`];
          return [
            `- **${e(item.title)}** (${e(facts.join('; '))})`,
            `  ${e(item.description)}`,
            `  **What support is needed:** ${e(item.supportNeeded)}`,
          ].join('  \n');
        })
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

function whereWorkWaits(content: AgendaContent): string {
  const { slaBreaches, handoffs } = content.whereWorkWaits;
  const breaches = table(
    ['Stage', 'Deadlines missed', 'Where the complaint was'],
    ['l', 'r', 'l'],
    slaBreaches.map((stage) => [
      STAGE_LABELS[stage.stage],
      String(stage.total),
      stage.byDepartment.length ? stage.byDepartment.map((d) => `${e(d.department)}: ${d.breaches}`).join(', ') : '–',
    ]),
  );
  const waitCells = (w: { handoffs: number; stillWaiting: number; medianHours: number | null; p90Hours: number | null }) => [
    String(w.handoffs),
    String(w.stillWaiting),
    e(formatHours(w.medianHours)),
    e(formatHours(w.p90Hours)),
  ];
  const waits = table(
    ['From', 'To', 'Handoffs', 'Still waiting', 'Median wait', '90th percentile'],
    ['l', 'l', 'r', 'r', 'r', 'r'],
    [...handoffs.routes.map((route) => [e(route.fromDepartment), e(route.toDepartment), ...waitCells(route)]), ['**All handoffs**', '', ...waitCells(handoffs.overall)]],
  );
  return [
    heading('whereWorkWaits'),
    '### SLA breaches by stage',
    breaches,
    '### Waiting in handoffs between departments',
    'From the handoff to the receiving department’s first action, in hours; still waiting: not acted on by the end of the period.',
    waits,
  ].join('\n\n');
}

function refusalReview(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { total, sample } = content.refusalReview;
  if (total === 0) return `${heading('refusalReview')}\n\n_No refusals in this period._`;
  const parts = [heading('refusalReview'), `${total} refusal(s) in this period; ${sample.length === total ? 'all of them' : `a sample of ${sample.length}`}:`];
  for (const refusal of sample) {
    const after = [refusal.disputed ? 'disputed by the customer' : 'not disputed', refusal.csat === null ? 'not rated' : `rated ${refusal.csat}/5`];
    parts.push(`### ${e(refusal.ref)}: ${e(words(refusal.outcome))}, ${e(refusal.categoryName)}, ${e(formatDate(refusal.resolvedAt, zone))}`);
    parts.push(`**Complaint:** ${e(refusal.summary)}  \n**Afterwards:** ${after.join(', ')}`);
    parts.push(`**Reason given**\n\n${blockQuote(refusal.refusalReason)}`);
    parts.push(`**What the customer can do next**\n\n${blockQuote(refusal.nextSteps)}`);
    if (refusal.alternativeOffered !== null) parts.push(`**Alternative offered**\n\n${blockQuote(refusal.alternativeOffered)}`);
    parts.push(`**Message to the customer**\n\n${blockQuote(refusal.customerMessage)}`);
  }
  return parts.join('\n\n');
}

function suggestions(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { total, byCategory, items } = content.suggestions;
  if (total === 0) return `${heading('suggestions')}\n\n_No suggestions in this period._`;
  const parts = [
    heading('suggestions'),
    `${total} suggestion(s): ${byCategory.map((c) => `${e(c.categoryName)} ${c.count}`).join(', ')}.${items.length < total ? ` The first ${items.length}:` : ''}`,
  ];
  for (const item of items) {
    parts.push(`### ${e(item.ref)}: ${e(item.summary)}`);
    parts.push(`${e(item.categoryName)}, received ${e(formatDate(item.receivedAt, zone))}, ${e(words(item.status))}\n\n${blockQuote(item.description)}`);
  }
  return parts.join('\n\n');
}

function followUps(content: AgendaContent): string {
  if (content.followUps.length === 0) return `${heading('followUps')}\n\n_The last meeting recorded no decisions._`;
  const lines = content.followUps.map((decision, i) => {
    const action = decision.preventionAction;
    const tail = action ? `  \n   Prevention action: **${e(action.title)}**, ${e(action.ownerDepartment)}, ${e(words(action.status))}` : '';
    return `${i + 1}. ${e(decision.text)}${tail}`;
  });
  return `${heading('followUps')}\n\n${lines.join('\n')}`;
}

function flags(content: AgendaContent): string {
  const title = '## For the chair: wording to look at';
  if (content.flags.length === 0) return `${title}\n\n_No blaming wording found in the quoted texts._`;
  const sectionTitle = (key: AgendaSectionKey) => AGENDA_SECTIONS.find((section) => section.key === key)!.title;
  return `${title}\n\n${table(
    ['Section', 'Item', 'Field', 'Why', 'Words'],
    ['l', 'l', 'l', 'l', 'l'],
    content.flags.map((flag) => [e(sectionTitle(flag.section)), e(flag.itemRef), e(flag.field), e(RULE_LABELS[flag.rule] ?? flag.rule), `“${e(flag.words)}”`]),
  )}`;
}

export function renderMarkdown(content: AgendaContent): string {
  const zone = content.committee.timeZone;
  const { period } = content;
  const header = [
    `# Customer committee agenda: ${e(content.committee.name)}`,
    [
      `**Meeting:** ${e(formatDateTime(content.meeting.startsAt, zone))}`,
      `**Period:** ${e(formatPeriod(period.from, period.to, zone))}, compared with ${e(formatPeriod(period.previousFrom, period.from, zone))}`,
      ...(content.committee.memberDepartments.length ? [`**Members:** ${content.committee.memberDepartments.map(e).join(', ')}`] : []),
      `**Generated:** ${e(formatDateTime(content.generatedAt, zone))}`,
    ].join('  \n'),
    '_No blame: this agenda speaks of processes, teams and stages, never of individual staff. Customer names and contact details are removed from quoted texts._',
  ].join('\n\n');
  return (
    [
      header,
      kpis(content),
      themes(content),
      recurringProblems(content),
      preventionActions(content),
      whereWorkWaits(content),
      refusalReview(content),
      suggestions(content),
      followUps(content),
      flags(content),
    ].join('\n\n') + '\n'
  );
}
