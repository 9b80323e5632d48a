import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error.js';
import { checkNoBlame, type NoBlameFinding, type NoBlameTextKind } from './no-blame-guard.js';
import { RootCauseErrorCode } from './root-cause-error-code.js';
import { KnownPeopleRepository } from '../privacy/known-people.repository.js';

/** One request field the guard reads. */
export interface GuardedText {
  /** The request field, as the error details name it (e.g. "noSystemicCause.justification"). */
  field: string;
  text: string;
  kind: NoBlameTextKind;
}

/** The no-blame guard with the organisation's staff names, for every text that reaches the committee. */
@Injectable()
export class NoBlameGuardService {
  constructor(private readonly people: KnownPeopleRepository) {}

  /**
   * Refuses the request (422 BLAMING_DESCRIPTION, nothing written) when any text names a staff member or blames a
   * person without a process factor. Unlike the empathy guard there is no override: a root cause that blames a
   * person can always be reworded to say what in the process let it happen, and the advice says how.
   */
  async enforce(manager: EntityManager, texts: GuardedText[]): Promise<void> {
    const present = texts.filter((t) => t.text.trim() !== '');
    if (present.length === 0) return;
    const { names: staffNames } = await this.people.staff(manager);
    const findings = present.flatMap(({ field, text, kind }) => checkNoBlame(text, staffNames, kind).map((finding) => ({ field, text, kind, finding })));
    if (findings.length === 0) return;
    const details: ErrorDetail[] = findings.map(({ field, text, kind, finding }) => ({ field, problem: describe(finding, text, kind) }));
    throw new AppError(
      RootCauseErrorCode.BLAMING_DESCRIPTION,
      'Root causes are no-blame: describe what in the process let it happen, not who; see the details for how to reword',
      details,
      { findings: findings.map(({ field, finding }) => ({ field, rule: finding.rule, start: finding.start, end: finding.end, suggestion: finding.suggestion })) },
    );
  }
}

const WHAT: Record<NoBlameTextKind, Record<NoBlameFinding['rule'], string>> = {
  explanation: { names_staff: 'names a staff member', blames_person: 'explains the problem by a person, with no process factor' },
  label: { names_staff: 'names a staff member', blames_person: 'is about a person; a cause of the taxonomy names a part of the process' },
};

function describe(finding: NoBlameFinding, text: string, kind: NoBlameTextKind): string {
  const words = text.slice(finding.start, finding.end);
  const what = WHAT[kind][finding.rule];
  return `${finding.rule} ("${words}") ${what}: ${finding.suggestion}`;
}
