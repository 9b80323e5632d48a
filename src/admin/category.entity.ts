import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from './department.entity.js';
import type { SlaTargets } from '../sla/sla-targets.js';

@Entity('categories')
@Unique('uq_categories_code', ['code'])
@Index('ix_categories_owner_department', ['ownerDepartmentId'])
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_categories' })
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('uuid', { name: 'owner_department_id' })
  ownerDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_categories_owner_department' })
  ownerDepartment?: DepartmentEntity;

  /** First-response and resolution targets per severity, in business hours. */
  @Column('jsonb')
  targets: SlaTargets;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
