import { ApiProperty } from '@nestjs/swagger';
import { PREVENTION_ACTION_STATUSES, type PreventionActionStatus } from '../prevention-action.entity.js';

/*
 * The response shapes of the prevention-action routes, for the OpenAPI document and as the service's return types.
 * Several small classes in one file, as the page DTOs elsewhere: they only exist together.
 */

export class OwnerDepartmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Billing' })
  name: string;
}

export class SuccessCriterionViewDto {
  @ApiProperty({ example: 50 })
  targetReductionPct: number;

  @ApiProperty({ example: 90 })
  windowDays: number;
}

/** Matching complaints (same root cause, and category when the action names one) received in [from, to). */
export class ComplaintRateDto {
  @ApiProperty({ format: 'date-time' })
  from: Date;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  to: Date;

  @ApiProperty({ example: 12 })
  count: number;

  @ApiProperty({ example: 4, nullable: true, type: Number, description: 'count × 30 / days of the window, 2 decimals; null for a window with no length yet' })
  ratePer30Days: number | null;
}

export class PreventionActionViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ example: 'tooling' })
  causeCode: string;

  @ApiProperty({ nullable: true, type: String, example: 'billing-error', description: 'null: every category with this cause' })
  categoryCode: string | null;

  @ApiProperty({ type: OwnerDepartmentDto })
  ownerDepartment: OwnerDepartmentDto;

  @ApiProperty({ format: 'date-time' })
  dueAt: Date;

  @ApiProperty({ type: SuccessCriterionViewDto })
  successCriterion: SuccessCriterionViewDto;

  @ApiProperty({ enum: PREVENTION_ACTION_STATUSES, description: '`done` is never shown: done starts verification at once' })
  status: PreventionActionStatus;

  @ApiProperty({ type: ComplaintRateDto, description: 'The windowDays before the action was created' })
  baseline: ComplaintRateDto;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  doneAt: Date | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the (next) effectiveness check is due' })
  verificationDueAt: Date | null;

  @ApiProperty({ description: 'Past dueAt while planned, in progress or not effective' })
  overdue: boolean;

  @ApiProperty({ description: 'How many complaints link this action through their root cause' })
  linkedComplaints: number;

  @ApiProperty({ description: 'Send as If-Match (also the ETag header)' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class PreventionActionPageDto {
  @ApiProperty({ type: [PreventionActionViewDto], description: 'Newest first' })
  items: PreventionActionViewDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
