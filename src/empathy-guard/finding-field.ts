import type { Finding } from './empathy-guard.js';

/** Where in the text something was found: a guard finding, or the privacy check's other person's data. */
export type TextSpan = Pick<Finding, 'start' | 'end'>;

/**
 * For a message composed from several request fields, names the field a guard finding's words fall in, so that a
 * 422 says which part to reword. `parts` are in the order the message composes them, each found after the one
 * before; words the template added and missing elements belong to the message as a whole (`fallback`).
 */
export function fieldOfFinding(text: string, parts: [field: string, value: string | null | undefined][], fallback: string): (at: TextSpan) => string {
  const spans: { field: string; start: number; end: number }[] = [];
  let cursor = 0;
  for (const [field, value] of parts) {
    const start = value ? text.indexOf(value, cursor) : -1;
    if (!value || start === -1) continue;
    spans.push({ field, start, end: start + value.length });
    cursor = start + value.length;
  }
  return (at) => spans.find((span) => span.start <= at.start && at.end <= span.end)?.field ?? fallback;
}
