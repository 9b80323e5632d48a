import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allowedActions, COMPLAINT_ACTIONS, COMPLAINT_STATUSES, ComplaintStatus, nextStatus, WorkflowKind } from './complaint-workflow.js';

/** Statuses reachable from `from` by any sequence of allowed actions. */
function reachable(from: ComplaintStatus, kind: WorkflowKind): Set<ComplaintStatus> {
  const seen = new Set<ComplaintStatus>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const status = queue.shift()!;
    for (const action of allowedActions(status, kind)) {
      const next = nextStatus(status, action, kind)!;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('complaint workflow', () => {
  it('acknowledges a received complaint and nothing else', () => {
    expect(nextStatus('received', 'acknowledge')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'acknowledge')).toBeNull();
    expect(nextStatus('closed', 'acknowledge')).toBeNull();
  });

  it('lets first-line staff resolve at first contact', () => {
    expect(nextStatus('received', 'resolve')).toBe('resolved');
  });

  it('reopens a disputed resolution and loops back into resolution', () => {
    expect(nextStatus('resolved', 'dispute')).toBe('reopened');
    expect(nextStatus('reopened', 'start')).toBe('in_resolution');
  });

  it('never leaves closed', () => {
    expect(allowedActions('closed')).toEqual([]);
  });

  it('keeps suggestions out of the resolution step', () => {
    expect(nextStatus('received', 'resolve', 'suggestion')).toBeNull();
    expect(nextStatus('received', 'acknowledge', 'suggestion')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'close', 'suggestion')).toBe('closed');
  });

  it.each(['complaint', 'suggestion'] as const)('every status of a %s has a way to closed', (kind) => {
    const live = kind === 'complaint' ? COMPLAINT_STATUSES : (['received', 'acknowledged'] as const);
    for (const status of live) expect(reachable(status, kind).has('closed')).toBe(true);
  });

  it('allowedActions and nextStatus agree for every pair', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_STATUSES), fc.constantFrom(...COMPLAINT_ACTIONS), fc.constantFrom<WorkflowKind>('complaint', 'suggestion'), (status, action, kind) => {
        expect(allowedActions(status, kind).includes(action)).toBe(nextStatus(status, action, kind) !== null);
      }),
    );
  });
});
