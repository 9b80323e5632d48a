/**
 * The complaint workflow as a pure state table (PRODUCT.md, "The workflow"). Services ask it whether an action
 * is allowed and where it leads; a 409 names the current status and `allowedActions(status)`.
 */
export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'in_resolution', 'resolved', 'reopened', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_ACTIONS = ['acknowledge', 'start', 'handoff', 'resolve', 'dispute', 'reopen', 'close'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

const TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  received: { acknowledge: 'acknowledged', handoff: 'in_resolution', resolve: 'resolved' },
  acknowledged: { start: 'in_resolution', handoff: 'in_resolution', resolve: 'resolved' },
  in_resolution: { handoff: 'in_resolution', resolve: 'resolved' },
  resolved: { dispute: 'reopened', reopen: 'reopened', close: 'closed' },
  reopened: { start: 'in_resolution', handoff: 'in_resolution', resolve: 'resolved' },
  closed: {},
};

/** Suggestions skip the resolution step: they are thanked for and go to the committee. */
const SUGGESTION_TRANSITIONS: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  received: { acknowledge: 'acknowledged', close: 'closed' },
  acknowledged: { close: 'closed' },
  in_resolution: {},
  resolved: {},
  reopened: {},
  closed: {},
};

export type WorkflowKind = 'complaint' | 'suggestion';

function table(kind: WorkflowKind) {
  return kind === 'suggestion' ? SUGGESTION_TRANSITIONS : TRANSITIONS;
}

/** The status an action leads to, or null when it is not allowed from `status`. */
export function nextStatus(status: ComplaintStatus, action: ComplaintAction, kind: WorkflowKind = 'complaint'): ComplaintStatus | null {
  return table(kind)[status][action] ?? null;
}

export function allowedActions(status: ComplaintStatus, kind: WorkflowKind = 'complaint'): ComplaintAction[] {
  return Object.keys(table(kind)[status]) as ComplaintAction[];
}
