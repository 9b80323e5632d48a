import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentEntity } from '../admin/department.entity.js';
import { CommitteeEntity } from './committee.entity.js';

/** A department on a committee: members are departments, never people, so the committee stays no-blame. */
@Entity('committee_members')
@Index('ix_committee_members_department', ['departmentId'])
export class CommitteeMemberEntity {
  @PrimaryColumn('uuid', { name: 'committee_id', primaryKeyConstraintName: 'pk_committee_members' })
  committeeId: string;

  @PrimaryColumn('uuid', { name: 'department_id', primaryKeyConstraintName: 'pk_committee_members' })
  departmentId: string;

  @ManyToOne(() => CommitteeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'committee_id', foreignKeyConstraintName: 'fk_committee_members_committee' })
  committee?: CommitteeEntity;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_committee_members_department' })
  department?: DepartmentEntity;
}
