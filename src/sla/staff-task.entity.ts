import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { OutboxMessageEntity } from '../notifications/outbox-message.entity.js';

/**
 * keep_informed: the customer has not heard from us for too long (raised by the SLA sweep, done by sending an
 * update). call, text, letter: a message for a customer who chose the phone, a text or a letter, which a person (or
 * the support desk) must make; raised by the dispatcher from its outbox message.
 */
export type StaffTaskKind = 'keep_informed' | 'call' | 'text' | 'letter';

/** How a call, text or letter went, as the person who made it records it. */
export type StaffTaskOutcome = 'reached' | 'no_answer' | 'wrong_number' | 'sent' | 'wrong_address';

/**
 * Work the system raises for a department, e.g. "this customer has not heard from us in 5 business days" or "call
 * this customer on the mobile and read them this message". At most one open keep-informed task per complaint.
 */
@Entity('staff_tasks')
@Check('ck_staff_tasks_kind', `"kind" IN ('keep_informed', 'call', 'text', 'letter')`)
@Check('ck_staff_tasks_outcome', `"outcome" IS NULL OR "outcome" IN ('reached', 'no_answer', 'wrong_number', 'sent', 'wrong_address')`)
@Check('ck_staff_tasks_outcome_when_done', `"outcome" IS NULL OR "done_at" IS NOT NULL`)
@Check('ck_staff_tasks_message', `("kind" = 'keep_informed') = ("outbox_message_id" IS NULL)`)
@Check('ck_staff_tasks_attempt', `"attempt" >= 1`)
@Index('ux_staff_tasks_open_keep_informed', ['complaintId', 'kind'], { unique: true, where: `"done_at" IS NULL AND "kind" = 'keep_informed'` })
@Index('ix_staff_tasks_department_open', ['departmentId'], { where: `"done_at" IS NULL` })
@Index('ix_staff_tasks_department_created', ['departmentId', 'createdAt', 'id'])
@Index('ix_staff_tasks_message', ['outboxMessageId', 'attempt'], { unique: true, where: `"outbox_message_id" IS NOT NULL` })
export class StaffTaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_tasks' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_staff_tasks_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_staff_tasks_department' })
  department?: DepartmentEntity;

  @Column('text')
  kind: StaffTaskKind;

  /** The message the call, text or letter carries; its channel and address are the only ones the task may use. */
  @Column('uuid', { name: 'outbox_message_id', nullable: true })
  outboxMessageId: string | null;

  @ManyToOne(() => OutboxMessageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outbox_message_id', foreignKeyConstraintName: 'fk_staff_tasks_outbox_message' })
  outboxMessage?: OutboxMessageEntity;

  /** The number or postal address to use, copied from the outbox message. */
  @Column('text', { nullable: true })
  address: string | null;

  /** The customer's own words on how to reach them, verbatim, as they stood when the task was raised. */
  @Column('text', { name: 'contact_instructions', nullable: true })
  contactInstructions: string | null;

  /** 1 for the first try of a message, 2 for the retry after no answer, … */
  @Column('integer', { default: 1 })
  attempt: number;

  /** Not before: a retry after no answer waits a while. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  @Column('text', { nullable: true })
  outcome: StaffTaskOutcome | null;
}
