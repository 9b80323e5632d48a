import type { PreventionActionStatus } from './prevention-action.entity.js';

/**
 * The prevention action's workflow as a pure state table (PRODUCT.md, "Prevent recurrence").
 *
 *   planned ──▶ in_progress ──done──▶ verifying ──check──▶ effective
 *      ▲            ▲                    │  ▲
 *      └────────────┴── not_effective ◀──┘  └── too little data: verifying again, a window later
 *
 * The owner asks for `in_progress` and `done`; `done` is recorded (done_at) and the verification window starts at
 * once, so the stored status becomes `verifying` and `done` itself is never stored. Only the effectiveness check
 * ends verification (effective, not effective), so nobody sets verifying, effective or not_effective by hand.
 * After "not effective" the owner goes back to planning (in_progress or planned) with a new due date; the checks
 * already recorded stay as evidence.
 */
const BY_HAND: Record<PreventionActionStatus, readonly PreventionActionStatus[]> = {
  planned: ['in_progress'],
  in_progress: ['done'],
  done: [],
  verifying: [],
  effective: [],
  not_effective: ['in_progress', 'planned'],
};

/** Where the work is not finished yet: the due date matters here, so does being overdue. */
export const UNFINISHED_STATUSES = ['planned', 'in_progress', 'not_effective'] as const satisfies readonly PreventionActionStatus[];

/** The statuses the owner may ask for from `status`. */
export function allowedNextStatuses(status: PreventionActionStatus): PreventionActionStatus[] {
  return [...BY_HAND[status]];
}

export interface StatusChange {
  /** What is stored: `verifying` when `done` was asked for. */
  status: PreventionActionStatus;
  /** `done` was asked for: record done_at and start the verification window. */
  startsVerification: boolean;
  /** Back to planning after "not effective": a new due date is required, done_at and the verification due date go. */
  replans: boolean;
}

/** The change the owner's request leads to, or null when `requested` is not allowed from `current`. */
export function requestStatus(current: PreventionActionStatus, requested: PreventionActionStatus): StatusChange | null {
  if (!BY_HAND[current].includes(requested)) return null;
  return {
    status: requested === 'done' ? 'verifying' : requested,
    startsVerification: requested === 'done',
    replans: current === 'not_effective',
  };
}

/** The status an effectiveness check leaves the action in; too little data keeps it verifying. */
export function statusAfterCheck(verdict: 'effective' | 'not_effective' | 'insufficient_data'): PreventionActionStatus {
  return verdict === 'insufficient_data' ? 'verifying' : verdict;
}

/** Fields of the action that only some statuses may change. Title and description may be corrected at any time. */
export type LockableField = 'dueAt' | 'successCriterion';

/**
 * The success criterion defines the baseline and what counts as success, so it is fixed once work starts (changing
 * it later would move the goalposts); the due date is about finishing the work, so it changes only while unfinished.
 */
export function canChange(field: LockableField, status: PreventionActionStatus): boolean {
  return field === 'successCriterion' ? status === 'planned' : (UNFINISHED_STATUSES as readonly string[]).includes(status);
}

/** Past its due date and not finished. At the due date itself it is still on time, like the complaint deadlines. */
export function isOverdue(status: PreventionActionStatus, dueAt: Date, now: Date): boolean {
  return (UNFINISHED_STATUSES as readonly string[]).includes(status) && dueAt.getTime() < now.getTime();
}
