import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ComplaintEntity, type ResolutionOutcome } from '../complaints/complaint.entity.js';

/**
 * One answer to the customer. A complaint reopened by a dispute gets another; the latest is the current one.
 * Anything short of `upheld` is a refusal and carries its reason and what the customer can do next.
 */
@Entity('resolutions')
@Check('ck_resolutions_outcome', `"outcome" IN ('upheld', 'partially_upheld', 'not_upheld')`)
@Check('ck_resolutions_refusal_explained', `"outcome" = 'upheld' OR ("refusal_reason" IS NOT NULL AND "next_steps" IS NOT NULL)`)
@Index('ix_resolutions_complaint', ['complaintId', 'resolvedAt'])
@Unique('uq_resolutions_complaint_number', ['complaintId', 'number'])
export class ResolutionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_resolutions' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_resolutions_complaint' })
  complaint?: ComplaintEntity;

  /**
   * 1 for a complaint's first answer, 2 after a dispute, and so on: which answer is the latest must not depend on
   * two clock readings differing (resolving locks the complaint, so numbers are given one at a time).
   */
  @Column('integer')
  number: number;

  @Column('text')
  outcome: ResolutionOutcome;

  @Column('text', { name: 'customer_message' })
  customerMessage: string;

  @Column('text', { nullable: true })
  remedy: string | null;

  @Column('text', { name: 'refusal_reason', nullable: true })
  refusalReason: string | null;

  @Column('text', { name: 'next_steps', nullable: true })
  nextSteps: string | null;

  @Column('text', { name: 'alternative_offered', nullable: true })
  alternativeOffered: string | null;

  /** The organisation's referral-rights text as it was added to this refusal. */
  @Column('text', { name: 'referral_text', nullable: true })
  referralText: string | null;

  @Column('timestamptz', { name: 'resolved_at' })
  resolvedAt: Date;
}
