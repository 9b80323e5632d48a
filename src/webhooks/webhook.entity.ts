import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-event-types.js';

/**
 * An endpoint of the support desk (or any receiver) subscribed to events, signed per the Standard Webhooks
 * specification with its own secret. One that keeps failing is disabled; an admin re-enables it.
 */
@Entity('webhooks')
@Check('ck_webhooks_events', `cardinality("events") > 0`)
@Check(
  'ck_webhooks_event_types',
  `"events" <@ ARRAY['complaint.created', 'complaint.acknowledged', 'complaint.handed_off', 'complaint.resolved', 'complaint.reopened', 'complaint.disputed', 'complaint.closed', 'staff_task.created', 'prevention_action.status_changed', 'agenda.published']::text[]`,
)
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhooks' })
  id: string;

  @Column('text')
  url: string;

  @Column('text', { array: true })
  events: WebhookEventType[];

  @Column('text', { nullable: true })
  description: string | null;

  /**
   * `whsec_` and the base64 key. Kept as it is, not hashed: signing needs the key itself. Shown once, at creation.
   */
  @Column('text')
  secret: string;

  /** Since when every delivery has failed; cleared by a success. */
  @Column('timestamptz', { name: 'failing_since', nullable: true })
  failingSince: Date | null;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
