import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

/** A question to the customer; the SLA clocks stand still until they answer through their status link. */
@Entity('information_requests')
@Index('ux_information_requests_open', ['complaintId'], { unique: true, where: `"answered_at" IS NULL` })
export class InformationRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_information_requests' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_information_requests_complaint' })
  complaint?: ComplaintEntity;

  @Column('text')
  question: string;

  @Column('timestamptz', { name: 'asked_at' })
  askedAt: Date;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @Column('text', { nullable: true })
  answer: string | null;

  /** Business time the clocks stood still; every deadline moved by it. */
  @Column('bigint', { name: 'paused_business_ms', nullable: true })
  pausedBusinessMs: string | null;
}
