import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { StaffEntity } from '../auth/staff.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';

/** A complaint passed to another department with the context the customer already gave. */
@Entity('handoffs')
@Index('ix_handoffs_complaint', ['complaintId', 'handedOffAt'])
@Index('ix_handoffs_waiting', ['toDepartmentId'], { where: `"first_action_at" IS NULL` })
export class HandoffEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_handoffs' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_handoffs_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'from_department_id' })
  fromDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_department_id', foreignKeyConstraintName: 'fk_handoffs_from_department' })
  fromDepartment?: DepartmentEntity;

  @Column('uuid', { name: 'to_department_id' })
  toDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_department_id', foreignKeyConstraintName: 'fk_handoffs_to_department' })
  toDepartment?: DepartmentEntity;

  @Column('uuid', { name: 'to_assignee_id', nullable: true })
  toAssigneeId: string | null;

  @ManyToOne(() => StaffEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_assignee_id', foreignKeyConstraintName: 'fk_handoffs_to_assignee' })
  toAssignee?: StaffEntity;

  @Column('text')
  reason: string;

  /** What the customer reported and wants, so that nobody asks them again. */
  @Column('text', { name: 'context_note' })
  contextNote: string;

  @Column('timestamptz', { name: 'handed_off_at' })
  handedOffAt: Date;

  /** The receiving side's first action; until then the complaint waits in the handoff. */
  @Column('timestamptz', { name: 'first_action_at', nullable: true })
  firstActionAt: Date | null;
}
