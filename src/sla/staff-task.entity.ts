import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';

/**
 * Work the system raises for a department, e.g. "this customer has not heard from us in 5 business days".
 * At most one open task of a kind per complaint; it is done when the department acts.
 */
@Entity('staff_tasks')
@Check('ck_staff_tasks_kind', `"kind" IN ('keep_informed')`)
@Index('ux_staff_tasks_open', ['complaintId', 'kind'], { unique: true, where: `"done_at" IS NULL` })
@Index('ix_staff_tasks_department_open', ['departmentId'], { where: `"done_at" IS NULL` })
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
  kind: 'keep_informed';

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;
}
