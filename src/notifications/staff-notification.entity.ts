import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { AgendaVersionEntity } from '../agenda/agenda-version.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { PreventionActionEntity } from '../prevention/prevention-action.entity.js';

export type StaffNotificationKind =
  | 'at_risk'
  | 'resolution_breached'
  | 'disputed'
  | 'customer_replied'
  | 'prevention_action_overdue'
  | 'prevention_action_not_effective'
  | 'agenda_published';

/**
 * A message to a department's head (a complaint at risk, a dispute, an overdue or ineffective prevention action, a
 * committee agenda published), written with the change that caused it. It is about exactly one subject: a complaint,
 * a prevention action or an agenda version.
 */
@Entity('staff_notifications')
@Unique('uq_staff_notifications_dedupe_key', ['dedupeKey'])
@Check(
  'ck_staff_notifications_kind',
  `"kind" IN ('at_risk', 'resolution_breached', 'disputed', 'customer_replied', 'prevention_action_overdue', 'prevention_action_not_effective', 'agenda_published')`,
)
@Check('ck_staff_notifications_subject', `num_nonnulls("complaint_id", "prevention_action_id", "agenda_version_id") = 1`)
@Index('ix_staff_notifications_department', ['departmentId', 'createdAt'])
export class StaffNotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_notifications' })
  id: string;

  @Column('uuid', { name: 'complaint_id', nullable: true })
  complaintId: string | null;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_staff_notifications_complaint' })
  complaint?: ComplaintEntity;

  @Column('uuid', { name: 'prevention_action_id', nullable: true })
  preventionActionId: string | null;

  @ManyToOne(() => PreventionActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prevention_action_id', foreignKeyConstraintName: 'fk_staff_notifications_prevention_action' })
  preventionAction?: PreventionActionEntity;

  @Column('uuid', { name: 'agenda_version_id', nullable: true })
  agendaVersionId: string | null;

  @ManyToOne(() => AgendaVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agenda_version_id', foreignKeyConstraintName: 'fk_staff_notifications_agenda_version' })
  agendaVersion?: AgendaVersionEntity;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_staff_notifications_department' })
  department?: DepartmentEntity;

  @Column('text')
  kind: StaffNotificationKind;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { name: 'dedupe_key' })
  dedupeKey: string;
}
