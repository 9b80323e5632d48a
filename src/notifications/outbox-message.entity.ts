import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import type { ContactChannel } from '../complaints/complaint.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';

/** Where a message goes: a customer's channel, or a support-desk endpoint subscribed to events. */
export type OutboxChannel = ContactChannel | 'webhook';

/**
 * pending: not tried yet, or claimed by a dispatcher now; failed: tried and failed, tried again at available_at;
 * dead: given up after the last attempt (an admin can re-drive it); sent: delivered.
 */
export type OutboxStatus = 'pending' | 'failed' | 'dead' | 'sent';

/**
 * A message leaving the system, written in the same transaction as the change that caused it (transactional
 * outbox). It goes to exactly one of: a complaint's customer, on their preferred channel; a department, by e-mail to
 * its heads (a committee agenda published); a webhook endpoint (ck_outbox_messages_recipient). Only the dispatcher
 * (src/delivery) sends it, to the channel and address written here and nowhere else.
 */
@Entity('outbox_messages')
@Unique('uq_outbox_messages_dedupe_key', ['dedupeKey'])
@Check('ck_outbox_messages_status', `"status" IN ('pending', 'failed', 'dead', 'sent')`)
@Check('ck_outbox_messages_channel', `"channel" IN ('email', 'phone', 'sms', 'letter', 'portal', 'webhook')`)
@Check('ck_outbox_messages_webhook_channel', `("channel" = 'webhook') = ("webhook_id" IS NOT NULL)`)
@Check('ck_outbox_messages_attempts', `"attempts" >= 0`)
@Index('ix_outbox_messages_due', ['availableAt'], { where: `"status" IN ('pending', 'failed')` })
@Index('ix_outbox_messages_status_created', ['status', 'createdAt', 'id'])
@Check('ck_outbox_messages_recipient', `num_nonnulls("complaint_id", "department_id", "webhook_id") = 1`)
@Index('ix_outbox_messages_complaint', ['complaintId'])
@Index('ix_outbox_messages_department', ['departmentId'], { where: `"department_id" IS NOT NULL` })
@Index('ix_outbox_messages_webhook', ['webhookId'], { where: `"webhook_id" IS NOT NULL` })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_outbox_messages' })
  id: string;

  @Column('uuid', { name: 'complaint_id', nullable: true })
  complaintId: string | null;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_outbox_messages_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_outbox_messages_department' })
  department?: DepartmentEntity;

  @Column('uuid', { name: 'webhook_id', nullable: true })
  webhookId: string | null;

  /** Deleting a webhook endpoint drops what was still owed to it: the receiver asked for no more. */
  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'fk_outbox_messages_webhook' })
  webhook?: WebhookEntity;

  /** Why the message exists, e.g. `acknowledgement`; for a webhook, the event type. */
  @Column('text')
  purpose: string;

  @Column('text')
  channel: OutboxChannel;

  @Column('text')
  address: string;

  @Column('text')
  language: string;

  @Column('text')
  body: string;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  /** Delivery attempts started, counted when a dispatcher claims the message. */
  @Column('integer', { default: 0 })
  attempts: number;

  /**
   * When the message is next due: at first its creation, after a failure the backoff's next attempt, and while a
   * dispatcher holds it the end of its lease, so a claim of a killed instance falls due again by itself.
   */
  @Column('timestamptz', { name: 'available_at' })
  availableAt: Date;

  /** The dispatcher batch holding the message; only its holder may record the outcome. */
  @Column('uuid', { name: 'claim_token', nullable: true })
  claimToken: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  /** What the channel answered: the SMTP server's reply, the .eml file, the staff task raised, the HTTP status. */
  @Column('text', { nullable: true })
  receipt: string | null;

  /** The empathy guard's warnings on the text (the committee counts them), and an override's justification. */
  @Column('jsonb', { name: 'guard_findings', default: () => `'[]'` })
  guardFindings: object[];

  /** One message per cause: a retried transaction cannot queue it twice. */
  @Column('text', { name: 'dedupe_key' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
