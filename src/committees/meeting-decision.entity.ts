import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PreventionActionEntity } from '../prevention/prevention-action.entity.js';
import { MeetingMinutesEntity } from './meeting-minutes.entity.js';

/**
 * A decision in a meeting's minutes, in the order it was taken. It may have created a prevention action; the next
 * meeting's agenda lists it as a follow-up with that action's current status.
 */
@Entity('meeting_decisions')
@Unique('uq_meeting_decisions_position', ['meetingId', 'position'])
@Check('ck_meeting_decisions_position', `"position" >= 1`)
@Index('ix_meeting_decisions_prevention_action', ['preventionActionId'], { where: `"prevention_action_id" IS NOT NULL` })
export class MeetingDecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting_decisions' })
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @ManyToOne(() => MeetingMinutesEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', referencedColumnName: 'meetingId', foreignKeyConstraintName: 'fk_meeting_decisions_minutes' })
  minutes?: MeetingMinutesEntity;

  /** 1-based, in the order of the request. */
  @Column('integer')
  position: number;

  @Column('text')
  text: string;

  @Column('uuid', { name: 'prevention_action_id', nullable: true })
  preventionActionId: string | null;

  @ManyToOne(() => PreventionActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prevention_action_id', foreignKeyConstraintName: 'fk_meeting_decisions_prevention_action' })
  preventionAction?: PreventionActionEntity;
}
