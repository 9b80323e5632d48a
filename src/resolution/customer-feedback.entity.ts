import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { ResolutionEntity } from './resolution.entity.js';

/** The customer's rating of one resolution: once per resolution, enforced by the database. */
@Entity('customer_feedback')
@Unique('uq_customer_feedback_resolution', ['resolutionId'])
// The KPIs count a period's ratings through the complaints received in it (AddKpiAggregates).
@Index('ix_customer_feedback_complaint', ['complaintId'])
@Check('ck_customer_feedback_csat', `"csat" IS NULL OR "csat" BETWEEN 1 AND 5`)
@Check('ck_customer_feedback_nps', `"nps" IS NULL OR "nps" BETWEEN 0 AND 10`)
@Check('ck_customer_feedback_something', `"csat" IS NOT NULL OR "nps" IS NOT NULL`)
export class CustomerFeedbackEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_customer_feedback' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_customer_feedback_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'resolution_id' })
  resolutionId: string;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id', foreignKeyConstraintName: 'fk_customer_feedback_resolution' })
  resolution?: ResolutionEntity;

  @Column('smallint', { nullable: true })
  csat: number | null;

  @Column('smallint', { nullable: true })
  nps: number | null;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
