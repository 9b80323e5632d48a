import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MeetingEntity } from '../committees/meeting.entity.js';
import type { AgendaContent } from './agenda-content.js';

export const AGENDA_TRIGGERS = ['scheduled', 'on_demand'] as const;
/** `scheduled`: published by the committee scheduler at agenda_due_at; `on_demand`: POST /api/meetings/:id/agenda. */
export type AgendaTrigger = (typeof AGENDA_TRIGGERS)[number];

/**
 * One published agenda of a meeting. Immutable: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE, so
 * what the committee was shown stays as it was; regenerating inserts the next version. Only the JSON content is kept:
 * Markdown and HTML are rendered from it on read, so a rendering fix applies to old versions too and the stored
 * record is the data, not one presentation of it.
 */
@Entity('agenda_versions')
@Unique('uq_agenda_versions_meeting_version', ['meetingId', 'version'])
@Check('ck_agenda_versions_version', `"version" >= 1`)
@Check('ck_agenda_versions_period', `"period_from" < "period_to"`)
@Check('ck_agenda_versions_trigger', `"trigger" IN ('scheduled', 'on_demand')`)
@Check('ck_agenda_versions_content_hash', `"content_hash" ~ '^[0-9a-f]{64}$'`)
export class AgendaVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agenda_versions' })
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_agenda_versions_meeting' })
  meeting?: MeetingEntity;

  /** 1, 2, … within the meeting, numbered under the meeting's row lock. */
  @Column('integer')
  version: number;

  /** The agenda's period [period_from, period_to): from the previous meeting's start to this one's. */
  @Column('timestamptz', { name: 'period_from' })
  periodFrom: Date;

  @Column('timestamptz', { name: 'period_to' })
  periodTo: Date;

  @Column('jsonb')
  content: AgendaContent;

  /** contentHash(content): SHA-256 hex of the canonical JSON without generatedAt; served as the ETag. */
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('text')
  trigger: AgendaTrigger;

  @Column('timestamptz', { name: 'generated_at' })
  generatedAt: Date;
}
