import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import type { Role } from './roles.js';

@Entity('staff')
@Unique('uq_staff_email', ['email'])
@Unique('uq_staff_token_hash', ['tokenHash'])
@Check('ck_staff_role', `"role" IN ('agent', 'resolver', 'department_head', 'chair', 'admin')`)
@Index('ix_staff_department', ['departmentId'])
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff' })
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text')
  role: Role;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_staff_department' })
  department?: DepartmentEntity;

  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
