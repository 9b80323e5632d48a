import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MeetingEntity } from './meeting.entity.js';

/**
 * The minutes of a meeting: who attended (departments, in meeting_attendees) and what was decided (meeting_decisions).
 * Keyed by the meeting, so a meeting has minutes once; they are not edited afterwards.
 */
@Entity('meeting_minutes')
export class MeetingMinutesEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id', primaryKeyConstraintName: 'pk_meeting_minutes' })
  meetingId: string;

  @OneToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_meeting_minutes_meeting' })
  meeting?: MeetingEntity;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
