import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CategoryEntity } from '../admin/category.entity.js';
import { DepartmentEntity } from '../admin/department.entity.js';
import { RootCauseEntity } from '../root-causes/root-cause.entity.js';

export const PREVENTION_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'verifying', 'effective', 'not_effective'] as const;
export type PreventionActionStatus = (typeof PREVENTION_ACTION_STATUSES)[number];

/**
 * A change to a process that should stop a kind of complaint from recurring, owned by a department. Many
 * complaints may link to one action. The baseline (matching complaints in the `windowDays` before creation) is
 * fixed at creation, so the later effectiveness check compares against what was true when the action was agreed.
 */
@Entity('prevention_actions')
@Check('ck_prevention_actions_status', `"status" IN ('planned', 'in_progress', 'done', 'verifying', 'effective', 'not_effective')`)
@Check('ck_prevention_actions_target', `"target_reduction_pct" BETWEEN 1 AND 100`)
@Check('ck_prevention_actions_window', `"window_days" BETWEEN 7 AND 730`)
@Check('ck_prevention_actions_baseline', `"baseline_count" >= 0 AND "baseline_from" < "baseline_to"`)
@Index('ix_prevention_actions_created', ['createdAt', 'id'])
@Index('ix_prevention_actions_owner_created', ['ownerDepartmentId', 'createdAt', 'id'])
@Index('ix_prevention_actions_cause', ['causeCode', 'categoryId'])
@Index('ix_prevention_actions_verification_due', ['verificationDueAt'], { where: `"status" = 'verifying'` })
@Index('ix_prevention_actions_overdue_due', ['dueAt'], { where: `"status" IN ('planned', 'in_progress', 'not_effective') AND "overdue_at" IS NULL` })
export class PreventionActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_prevention_actions' })
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text', { name: 'cause_code' })
  causeCode: string;

  @ManyToOne(() => RootCauseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cause_code', foreignKeyConstraintName: 'fk_prevention_actions_cause' })
  cause?: RootCauseEntity;

  /** Narrows what counts as "the same problem" to one category; null: every category with this cause. */
  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_prevention_actions_category' })
  category?: CategoryEntity;

  @Column('uuid', { name: 'owner_department_id' })
  ownerDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_prevention_actions_owner_department' })
  ownerDepartment?: DepartmentEntity;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('integer', { name: 'target_reduction_pct' })
  targetReductionPct: number;

  @Column('integer', { name: 'window_days' })
  windowDays: number;

  @Column('text', { default: 'planned' })
  status: PreventionActionStatus;

  @Column('timestamptz', { name: 'baseline_from' })
  baselineFrom: Date;

  @Column('timestamptz', { name: 'baseline_to' })
  baselineTo: Date;

  @Column('integer', { name: 'baseline_count' })
  baselineCount: number;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  /** When the effectiveness check is next due: `windowDays` after done (again after a check with too little data). */
  @Column('timestamptz', { name: 'verification_due_at', nullable: true })
  verificationDueAt: Date | null;

  /** When the sweep found it past its due date unfinished (once per due date). */
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  /** Bumped by every change, for If-Match. */
  @Column('integer', { default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
