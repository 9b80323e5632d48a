import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CommitteeEntity } from './committee.entity.js';

export const MEETING_SOURCES = ['scheduled', 'manual'] as const;
/** `scheduled`: created by the scheduler from the committee's cadence; `manual`: added by the chair. */
export type MeetingSource = (typeof MEETING_SOURCES)[number];

/**
 * One meeting of a committee. The unique (committee_id, starts_at) key is what lets any number of scheduler
 * instances insert the same occurrence with ON CONFLICT DO NOTHING and still get one meeting.
 */
@Entity('meetings')
@Unique('uq_meetings_committee_starts', ['committeeId', 'startsAt'])
@Check('ck_meetings_source', `"source" IN ('scheduled', 'manual')`)
@Check('ck_meetings_ends_after_start', `"ends_at" > "starts_at"`)
@Check('ck_meetings_agenda_due', `"agenda_due_at" <= "starts_at"`)
@Index('ix_meetings_agenda_due', ['agendaDueAt'], { where: `"agenda_published_at" IS NULL` })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meetings' })
  id: string;

  @Column('uuid', { name: 'committee_id' })
  committeeId: string;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_meetings_committee' })
  committee?: CommitteeEntity;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  /** starts_at + the committee's duration when the meeting was created. */
  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('text')
  source: MeetingSource;

  /** starts_at − agenda_lead_days calendar days in the committee's time zone: when the scheduler publishes the agenda. */
  @Column('timestamptz', { name: 'agenda_due_at' })
  agendaDueAt: Date;

  /**
   * When the meeting's first agenda was published (by the scheduler at agenda_due_at, or earlier on demand); null
   * while it has none. Set in the transaction that publishes, under the meeting's row lock, so the scheduled
   * publication happens once however many instances run.
   */
  @Column('timestamptz', { name: 'agenda_published_at', nullable: true })
  agendaPublishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
