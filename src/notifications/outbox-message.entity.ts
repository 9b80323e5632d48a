import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import type { ContactChannel } from '../complaints/complaint.entity.js';

/**
 * A message leaving the system, written in the same transaction as the change that caused it (transactional
 * outbox). It goes either to a complaint's customer, on their preferred channel, or to a department, by e-mail to
 * its heads (a committee agenda published); never both (ck_outbox_messages_recipient).
 */
@Entity('outbox_messages')
@Unique('uq_outbox_messages_dedupe_key', ['dedupeKey'])
@Check('ck_outbox_messages_status', `"status" IN ('pending', 'sent', 'failed')`)
@Check('ck_outbox_messages_channel', `"channel" IN ('email', 'phone', 'sms', 'letter', 'portal')`)
@Index('ix_outbox_messages_pending', ['availableAt'], { where: `"status" = 'pending'` })
@Check('ck_outbox_messages_recipient', `num_nonnulls("complaint_id", "department_id") = 1`)
@Index('ix_outbox_messages_complaint', ['complaintId'])
@Index('ix_outbox_messages_department', ['departmentId'], { where: `"department_id" IS NOT NULL` })
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

  /** Why the message exists, e.g. `acknowledgement`. */
  @Column('text')
  purpose: string;

  @Column('text')
  channel: ContactChannel;

  @Column('text')
  address: string;

  @Column('text')
  language: string;

  @Column('text')
  body: string;

  @Column('text', { default: 'pending' })
  status: 'pending' | 'sent' | 'failed';

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'available_at' })
  availableAt: Date;

  /** The empathy guard's warnings on the text (the committee counts them), and an override's justification. */
  @Column('jsonb', { name: 'guard_findings', default: () => `'[]'` })
  guardFindings: object[];

  /** One message per cause: a retried transaction cannot queue it twice. */
  @Column('text', { name: 'dedupe_key' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
