import { allowedActions } from './complaint-workflow.js';
import type { HandoffEntity } from '../handoffs/handoff.entity.js';
import type { ComplaintEntity } from './complaint.entity.js';

/** What staff and the support desk read of a complaint; `handoff` is the latest, which the receiving queue reads. */
export function complaintView(c: ComplaintEntity, publicUrl: string, handoff?: HandoffEntity) {
  return {
    id: c.id,
    reference: c.reference,
    type: c.type,
    channel: c.channel,
    categoryCode: c.category?.code,
    severity: c.severity,
    summary: c.summary,
    description: c.description,
    desiredOutcome: c.desiredOutcome,
    receivedAt: c.receivedAt,
    status: c.status,
    version: c.version,
    allowedActions: allowedActions(c.status, c.type),
    owningDepartment: c.owningDepartment ? { id: c.owningDepartment.id, code: c.owningDepartment.code, name: c.owningDepartment.name } : { id: c.owningDepartmentId },
    customer: {
      externalRef: c.customerExternalRef,
      name: c.customerName,
      email: c.customerEmail,
      phone: c.customerPhone,
      postalAddress: c.customerPostalAddress,
      preferredChannel: c.preferredChannel,
      excludedChannels: c.customerExcludedChannels,
      contactInstructions: c.contactInstructions,
      language: c.customerLanguage,
    },
    firstResponseDueAt: c.firstResponseDueAt,
    resolutionDueAt: c.resolutionDueAt,
    firstRespondedAt: c.firstRespondedAt,
    firstResponseOnTime: c.firstResponseOnTime,
    firstResponseBreachedAt: c.firstResponseBreachedAt,
    expectedResolutionBy: c.expectedResolutionBy,
    waitingForCustomerSince: c.pausedAt,
    atRiskAt: c.atRiskAt,
    resolutionBreachedAt: c.resolutionBreachedAt,
    lastCustomerUpdateAt: c.lastCustomerUpdateAt,
    outcome: c.outcome,
    resolvedAt: c.resolvedAt,
    rootCause: c.rootCauseCode
      ? {
          code: c.rootCauseCode,
          description: c.rootCauseDescription,
          preventionActionId: c.preventionActionId,
          noSystemicCause: c.noSystemicCauseJustification !== null ? { justification: c.noSystemicCauseJustification } : null,
          recordedAt: c.rootCauseRecordedAt,
        }
      : null,
    closedAt: c.closedAt,
    handoff: handoff
      ? {
          id: handoff.id,
          fromDepartment: { id: handoff.fromDepartmentId, name: handoff.fromDepartment?.name },
          reason: handoff.reason,
          contextNote: handoff.contextNote,
          handedOffAt: handoff.handedOffAt,
          firstActionAt: handoff.firstActionAt,
        }
      : null,
    publicUrl,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export type ComplaintView = ReturnType<typeof complaintView>;
