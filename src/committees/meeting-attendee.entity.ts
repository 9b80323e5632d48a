import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { MeetingMinutesEntity } from './meeting-minutes.entity.js';

/** A department that attended a meeting, as its minutes record it (a table, not an array, so each is a foreign key). */
@Entity('meeting_attendees')
@Index('ix_meeting_attendees_department', ['departmentId'])
export class MeetingAttendeeEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id', primaryKeyConstraintName: 'pk_meeting_attendees' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'department_id', primaryKeyConstraintName: 'pk_meeting_attendees' })
  departmentId: string;

  @ManyToOne(() => MeetingMinutesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', referencedColumnName: 'meetingId', foreignKeyConstraintName: 'fk_meeting_attendees_minutes' })
  minutes?: MeetingMinutesEntity;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_meeting_attendees_department' })
  department?: DepartmentEntity;
}
