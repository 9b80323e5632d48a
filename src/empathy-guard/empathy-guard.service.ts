import { Injectable } from '@nestjs/common';
import { AppError, type ErrorDetail } from '../common/app-error.js';
import { EmpathyGuardErrorCode } from './empathy-guard-error-code.js';
import { checkMessage, type Finding, type MessageKind } from './empathy-guard.js';
import type { TextSpan } from './finding-field.js';

/** Long enough to say why the wording is right in this case, e.g. "the customer quoted the policy themselves". */
export const MIN_JUSTIFICATION_LENGTH = 15;

export interface GuardOverride {
  justification: string;
}

export interface GuardResult {
  findings: Finding[];
  /** True when block findings were let through because of an override; the caller records its justification. */
  overridden: boolean;
}

/** The empathy guard for features that send customer-facing text (acknowledgement, resolution, delay notice). */
@Injectable()
export class EmpathyGuardService {
  check(text: string, language: string, kind: MessageKind): Finding[] {
    return checkMessage(text, language, kind);
  }

  /**
   * Refuses text with block findings unless a person overrides them with a justification: the rules are phrase
   * lists and will sometimes be wrong, but letting the text through must be a conscious, recorded decision.
   * `field` names the request field the text came from, for the error details; a text composed from several fields
   * passes a function that names the field each finding falls in, so staff are told which words to change.
   */
  enforce(text: string, language: string, kind: MessageKind, override?: GuardOverride, field: string | ((at: TextSpan) => string) = 'text'): GuardResult {
    const findings = this.check(text, language, kind);
    const blocking = findings.filter((finding) => finding.severity === 'block');
    if (blocking.length === 0) return { findings, overridden: false };

    const justification = override?.justification?.trim() ?? '';
    if (override && justification.length >= MIN_JUSTIFICATION_LENGTH) return { findings, overridden: true };

    const fieldOf = typeof field === 'string' ? () => field : field;
    const details: ErrorDetail[] = blocking.map((finding) => ({ field: fieldOf(finding), problem: describe(finding, text) }));
    if (override) {
      details.push({ field: 'override.justification', problem: `must be at least ${MIN_JUSTIFICATION_LENGTH} characters` });
    }
    throw new AppError(
      EmpathyGuardErrorCode.MESSAGE_BLOCKED,
      override
        ? 'The message needs rewording; an override needs a justification of at least 15 characters'
        : `The message needs rewording: ${blocking.length} blocking finding(s)`,
      details,
      { findings },
    );
  }
}

function describe(finding: Finding, text: string): string {
  if (finding.start === finding.end) return `${finding.rule}: ${finding.suggestion}`;
  return `${finding.rule} ("${text.slice(finding.start, finding.end)}"): ${finding.suggestion}`;
}
