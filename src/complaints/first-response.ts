import type { ComplaintEntity } from './complaint.entity.js';

/**
 * What answering the customer for the first time records, whether by acknowledgement or by resolving at first
 * contact: when, whether it met the deadline, and a breach the sweep had not caught yet (recorded once).
 */
export function firstResponseFacts(complaint: ComplaintEntity, now: Date) {
  if (complaint.firstRespondedAt) return { changes: {}, onTime: complaint.firstResponseOnTime, breachToRecord: false };
  const onTime = complaint.firstResponseDueAt ? now.getTime() <= complaint.firstResponseDueAt.getTime() : null;
  const breachToRecord = onTime === false && !complaint.firstResponseBreachedAt;
  return {
    changes: { firstRespondedAt: now, firstResponseOnTime: onTime, ...(breachToRecord ? { firstResponseBreachedAt: now } : {}) },
    onTime,
    breachToRecord,
  };
}
