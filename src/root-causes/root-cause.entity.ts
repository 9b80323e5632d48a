import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A cause in the process-oriented taxonomy (PRODUCT.md, "Prevent recurrence"). Seeded by the migration; admins
 * may add causes, never one that blames a person.
 */
@Entity('root_causes')
@Check('ck_root_causes_code', `"code" ~ '^[a-z][a-z0-9_]{1,39}$'`)
export class RootCauseEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_root_causes' })
  code: string;

  @Column('text')
  name: string;

  /** What kind of process failure the cause stands for, to help staff choose. */
  @Column('text')
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
