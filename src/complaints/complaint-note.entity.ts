import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

@Entity('complaint_notes')
@Check('ck_complaint_notes_visibility', `"visibility" IN ('internal', 'customer')`)
@Index('ix_complaint_notes_complaint', ['complaintId', 'createdAt'])
export class ComplaintNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_complaint_notes' })
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @ManyToOne(() => ComplaintEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'fk_complaint_notes_complaint' })
  complaint?: ComplaintEntity;

  @Column('text')
  visibility: 'internal' | 'customer';

  @Column('text')
  body: string;

  @Column('text', { name: 'author_kind' })
  authorKind: string;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
