/*
 * The empathy guard measured on the evaluation set (test/fixtures/guard-eval/<language>.json): messages written by
 * people, each labelled good (the guard must let it through) or bad (it must get the findings listed in `must`).
 * `npm run guard:eval` prints the figures; guard-eval.spec.ts fails the suite when they fall below the gate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMessage, MESSAGE_KINDS, type Finding, type MessageKind } from '../../src/empathy-guard/empathy-guard.js';

/** npm scripts and Jest both run from the repository's root. */
export const EVAL_DIR = join(process.cwd(), 'test', 'fixtures', 'guard-eval');

/** At most this share of good messages may be blocked, and at least this share of expected findings found. */
export const GATE = { maxFalseBlockRate: 0.02, minRecall: 0.95 } as const;

export interface EvalMessage {
  kind: MessageKind;
  /** Good: no blocking finding at all. Bad: every rule in `must`. */
  good: boolean;
  text: string;
  must: string[];
  mustNot: string[];
}

export interface EvalSet {
  language: string;
  about?: string;
  messages: EvalMessage[];
}

export function loadEvalSets(dir = EVAL_DIR): EvalSet[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as EvalSet);
}

export interface Tally {
  good: number;
  /** Good messages that got a blocking finding. */
  falseBlocks: number;
  bad: number;
  /** Findings the bad messages must get, and how many of them they got. */
  expected: number;
  found: number;
  /** Findings labelled right (in `must`) and wrong (in `mustNot`, or blocking a good message): precision. */
  truePositives: number;
  falsePositives: number;
}

export interface RuleTally {
  truePositives: number;
  /** Found where the labels say it must not be: in `mustNot`, or blocking a good message. */
  falsePositives: number;
  falseNegatives: number;
}

export interface Failure {
  language: string;
  index: number;
  kind: MessageKind;
  good: boolean;
  text: string;
  /** Rules the message must get and did not. */
  missed: string[];
  /** Findings it must not get and did. */
  unwanted: string[];
  findings: Finding[];
}

export interface LanguageReport {
  language: string;
  total: Tally;
  byKind: Record<string, Tally>;
  byRule: Record<string, RuleTally>;
  failures: Failure[];
}

const emptyTally = (): Tally => ({ good: 0, falseBlocks: 0, bad: 0, expected: 0, found: 0, truePositives: 0, falsePositives: 0 });

export const falseBlockRate = (t: Tally) => (t.good === 0 ? 0 : t.falseBlocks / t.good);
export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.found / t.expected);
export const precisionOf = (r: RuleTally) => (r.truePositives + r.falsePositives === 0 ? 1 : r.truePositives / (r.truePositives + r.falsePositives));
export const recallOf = (r: RuleTally) => (r.truePositives + r.falseNegatives === 0 ? 1 : r.truePositives / (r.truePositives + r.falseNegatives));

export function evaluate(set: EvalSet): LanguageReport {
  const total = emptyTally();
  const byKind: Record<string, Tally> = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, emptyTally()]));
  const byRule: Record<string, RuleTally> = {};
  const ruleTally = (rule: string) => (byRule[rule] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  const failures: Failure[] = [];

  set.messages.forEach((message, index) => {
    const findings = checkMessage(message.text, set.language, message.kind);
    const rules = new Set(findings.map((finding) => finding.rule));
    const blocking = new Set(findings.filter((finding) => finding.severity === 'block').map((finding) => finding.rule));
    const tallies = [total, byKind[message.kind] ?? (byKind[message.kind] = emptyTally())];

    const missed = message.must.filter((rule) => !rules.has(rule));
    const unwanted = [...rules].filter((rule) => message.mustNot.includes(rule) || (message.good && blocking.has(rule) && !message.must.includes(rule)));
    for (const rule of message.must) ruleTally(rule)[rules.has(rule) ? 'truePositives' : 'falseNegatives']++;
    for (const rule of unwanted) ruleTally(rule).falsePositives++;

    for (const tally of tallies) {
      tally.truePositives += message.must.filter((rule) => rules.has(rule)).length;
      tally.falsePositives += unwanted.length;
      if (message.good) {
        tally.good++;
        if (unwanted.some((rule) => blocking.has(rule))) tally.falseBlocks++;
      } else {
        tally.bad++;
        tally.expected += message.must.length;
        tally.found += message.must.length - missed.length;
      }
    }
    if (missed.length > 0 || unwanted.length > 0) {
      failures.push({ language: set.language, index, kind: message.kind, good: message.good, text: message.text, missed, unwanted, findings });
    }
  });
  return { language: set.language, total, byKind, byRule, failures };
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

function tallyLine(label: string, t: Tally): string {
  const precision = percent(precisionOf({ truePositives: t.truePositives, falsePositives: t.falsePositives, falseNegatives: 0 }));
  return `${label.padEnd(16)} good ${String(t.good).padStart(4)}  false blocks ${String(t.falseBlocks).padStart(3)} (${percent(falseBlockRate(t)).padStart(6)})   bad ${String(t.bad).padStart(4)}  recall ${String(t.found).padStart(4)}/${String(t.expected).padEnd(4)} (${percent(recall(t)).padStart(6)})   precision ${precision.padStart(6)}`;
}

/** The figures as `npm run guard:eval` prints them; with `failures`, each failing message too. */
export function formatReport(report: LanguageReport, failures = false): string {
  const lines = [`== ${report.language}`, tallyLine('all kinds', report.total)];
  for (const [kind, tally] of Object.entries(report.byKind)) lines.push(tallyLine(`  ${kind}`, tally));
  lines.push('  rule                       precision   recall    (tp / fp / fn)');
  for (const [rule, tally] of Object.entries(report.byRule).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${rule.padEnd(26)} ${percent(precisionOf(tally)).padStart(9)} ${percent(recallOf(tally)).padStart(8)}    (${tally.truePositives} / ${tally.falsePositives} / ${tally.falseNegatives})`);
  }
  const gate = falseBlockRate(report.total) <= GATE.maxFalseBlockRate && recall(report.total) >= GATE.minRecall;
  lines.push(`  gate (false blocks ≤ ${percent(GATE.maxFalseBlockRate)}, recall ≥ ${percent(GATE.minRecall)}): ${gate ? 'pass' : 'FAIL'}`);
  if (failures) {
    for (const failure of report.failures) {
      lines.push('', `  #${failure.index} ${failure.kind} ${failure.good ? 'good' : 'bad'}: ${failure.text.replace(/\s+/g, ' ')}`);
      if (failure.missed.length > 0) lines.push(`    missed:   ${failure.missed.join(', ')}`);
      if (failure.unwanted.length > 0) lines.push(`    unwanted: ${failure.unwanted.join(', ')}`);
      const words = failure.findings.filter((f) => f.end > f.start).map((f) => `${f.rule} "${failure.text.slice(f.start, f.end)}"`);
      if (words.length > 0) lines.push(`    flagged:  ${words.join('; ')}`);
    }
  }
  return lines.join('\n');
}
