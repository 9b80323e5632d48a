import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';

/** A message to a department's head (a complaint at risk, a dispute), written with the change that caused it. */
@Entity('staff_notifications')
@Unique('uq_staff_notifications_dedupe_key', ['dedupeKey'])
@Check('ck_staff_notifications_kind', `"kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied')`)
@Index('ix_staff_notifications_department', ['departmentId', 'createdAt'])
export class StaffNotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_notifications' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_staff_notifications_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_staff_notifications_department' })
  department?: DepartmentEntity;

  @Column('text')
  kind: 'at_risk' | 'resolution_breached' | 'disputed' | 'customer_replied';

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { name: 'dedupe_key' })
  dedupeKey: string;
}
