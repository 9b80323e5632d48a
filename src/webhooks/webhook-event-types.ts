/** The events the support desk can subscribe to; each is written to the outbox in the transaction of its change. */
export const WEBHOOK_EVENT_TYPES = [
  'complaint.created',
  'complaint.acknowledged',
  'complaint.handed_off',
  'complaint.resolved',
  'complaint.reopened',
  'complaint.disputed',
  'complaint.closed',
  'staff_task.created',
  'prevention_action.status_changed',
  'agenda.published',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
