import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

export type ActorKind = 'staff' | 'api_client' | 'system' | 'customer';

/** The timeline: append-only, enforced by a trigger (see the migration). */
@Entity('complaint_events')
@Check('ck_complaint_events_actor_kind', `"actor_kind" IN ('staff', 'api_client', 'system', 'customer')`)
@Index('ix_complaint_events_complaint', ['complaintId', 'id'])
@Index('ux_complaint_events_first_response_breach', ['complaintId'], { unique: true, where: `"type" = 'first_response_breached'` })
@Index('ux_complaint_events_at_risk', ['complaintId'], { unique: true, where: `"type" = 'at_risk'` })
@Index('ux_complaint_events_resolution_breach', ['complaintId'], { unique: true, where: `"type" = 'resolution_breached'` })
export class ComplaintEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_complaint_events', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_events_complaint' })
  complaint?: ComplaintEntity;

  @Column('text')
  type: string;

  @Column('text', { name: 'actor_kind' })
  actorKind: ActorKind;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('jsonb')
  data: Record<string, unknown>;
}
