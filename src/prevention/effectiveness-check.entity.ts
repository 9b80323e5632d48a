import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PreventionActionEntity } from './prevention-action.entity.js';

export const EFFECTIVENESS_VERDICTS = ['effective', 'not_effective', 'insufficient_data'] as const;
export type EffectivenessVerdict = (typeof EFFECTIVENESS_VERDICTS)[number];

/** One effectiveness check of a prevention action, with the figures its verdict rests on. Never updated. */
@Entity('effectiveness_checks')
@Check('ck_effectiveness_checks_verdict', `"verdict" IN ('effective', 'not_effective', 'insufficient_data')`)
@Index('ix_effectiveness_checks_action', ['preventionActionId', 'checkedAt'])
export class EffectivenessCheckEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_effectiveness_checks' })
  id: string;

  @Column('uuid', { name: 'prevention_action_id' })
  preventionActionId: string;

  @ManyToOne(() => PreventionActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prevention_action_id', foreignKeyConstraintName: 'fk_effectiveness_checks_action' })
  preventionAction?: PreventionActionEntity;

  @Column('timestamptz', { name: 'checked_at' })
  checkedAt: Date;

  @Column('timestamptz', { name: 'baseline_from' })
  baselineFrom: Date;

  @Column('timestamptz', { name: 'baseline_to' })
  baselineTo: Date;

  @Column('integer', { name: 'baseline_count' })
  baselineCount: number;

  @Column('timestamptz', { name: 'after_from' })
  afterFrom: Date;

  @Column('timestamptz', { name: 'after_to' })
  afterTo: Date;

  @Column('integer', { name: 'after_count' })
  afterCount: number;

  @Column('integer', { name: 'target_reduction_pct' })
  targetReductionPct: number;

  /** null when the baseline was zero: there was nothing to reduce. */
  @Column('numeric', { name: 'reduction_pct', precision: 7, scale: 2, nullable: true })
  reductionPct: string | null;

  @Column('text')
  verdict: EffectivenessVerdict;
}
