/*
 * Wording the chair should look at before the meeting (PRODUCT.md, "Committee agenda"): the agenda quotes texts
 * redacted (src/privacy/redaction.ts) and flags, for each, a person blamed without the process factor that let it
 * happen, or the customer blamed.
 */
import { checkMessage, GUARD_LANGUAGES } from '../empathy-guard/empathy-guard.js';
import { checkNoBlame } from '../root-causes/no-blame-guard.js';
import type { AgendaFlagRule } from './agenda-content.js';

export interface BlamingWording {
  rule: AgendaFlagRule;
  words: string;
}

/**
 * Wording the chair should look at before the meeting: a person blamed without the process factor that let it
 * happen (the no-blame guard) or the customer blamed (the empathy guard's rule, in every language it has rules for:
 * staff do not always write in the customer's language). The reviewed rule files decide; nothing is scored. Run it
 * on the redacted text, so the words quoted back are redacted too. In order of position.
 */
export function findBlamingWording(text: string): BlamingWording[] {
  const found: { rule: AgendaFlagRule; start: number; end: number }[] = [];
  for (const finding of checkNoBlame(text, [], 'explanation')) {
    if (finding.rule === 'blames_person') found.push({ rule: 'blames_person', start: finding.start, end: finding.end });
  }
  for (const language of GUARD_LANGUAGES) {
    for (const finding of checkMessage(text, language, 'update')) {
      if (finding.rule === 'blames_customer') found.push({ rule: 'blames_customer', start: finding.start, end: finding.end });
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
    .filter((f) => {
      const key = `${f.rule}:${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({ rule: f.rule, words: text.slice(f.start, f.end) }));
}
