import { ApiProperty } from '@nestjs/swagger';
import { EFFECTIVENESS_VERDICTS, type EffectivenessVerdict } from '../effectiveness-check.entity.js';
import { ComplaintRateDto } from './prevention-action-view.dto.js';

/*
 * The effectiveness of one prevention action: the figures now, and every check recorded. Several small classes in
 * one file: they only exist together.
 */

export class EffectivenessCheckDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt: Date;

  @ApiProperty({ type: ComplaintRateDto })
  baseline: ComplaintRateDto;

  @ApiProperty({ type: ComplaintRateDto, description: 'From done; longer than windowDays after a check with too little data' })
  after: ComplaintRateDto;

  @ApiProperty()
  targetReductionPct: number;

  @ApiProperty({ nullable: true, type: Number, description: 'null when the baseline was zero' })
  reductionPct: number | null;

  @ApiProperty({ enum: EFFECTIVENESS_VERDICTS })
  verdict: EffectivenessVerdict;
}

export class EffectivenessViewDto {
  @ApiProperty()
  windowDays: number;

  @ApiProperty()
  targetReductionPct: number;

  @ApiProperty({ type: ComplaintRateDto })
  baseline: ComplaintRateDto;

  @ApiProperty({
    type: ComplaintRateDto,
    nullable: true,
    description: 'While verifying: the figures so far (from done to now); after a verdict: what the latest check measured; null before done',
  })
  after: ComplaintRateDto | null;

  @ApiProperty({ nullable: true, type: Number, description: '(baseline rate − after rate) / baseline rate × 100, 2 decimals' })
  reductionPct: number | null;

  @ApiProperty({ enum: ['pending', ...EFFECTIVENESS_VERDICTS], description: 'pending until the first check of the current verification' })
  verdict: 'pending' | EffectivenessVerdict;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the verdict shown was reached' })
  checkedAt: Date | null;

  @ApiProperty({ type: [EffectivenessCheckDto], description: 'Every check recorded, newest first; kept when the action goes back to planning' })
  checks: EffectivenessCheckDto[];
}
