import type { OutboxChannel } from '../notifications/outbox-message.entity.js';

/** An outbox message a dispatcher holds, with what its channel needs to deliver it and nothing else. */
export interface ClaimedMessage {
  id: string;
  claimToken: string;
  complaintId: string | null;
  departmentId: string | null;
  webhookId: string | null;
  purpose: string;
  channel: OutboxChannel;
  /** The one address this message may go to. */
  address: string;
  language: string;
  body: string;
  dedupeKey: string;
  /** Attempts started, this one included. */
  attempts: number;
  createdAt: Date;
  /** The complaint's, for the subject line, the task and the status link. */
  reference: string | null;
  owningDepartmentId: string | null;
  contactInstructions: string | null;
  /** The endpoint's signing secret, for webhooks. */
  webhookSecret: string | null;
}

/** What a channel reports about a delivery: a line for the admin view, and the timeline event it amounts to. */
export interface DeliveryReceipt {
  receipt: string;
  timelineEvent?: { type: string; data: Record<string, unknown> };
}

/** A failure the channel knows to be final (a mailbox that does not exist): dead-lettered at once, not retried. */
export class PermanentDeliveryError extends Error {}
