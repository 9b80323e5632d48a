import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../complaints/complaint-workflow.js';
import { PREVENTION_ACTION_STATUSES, type PreventionActionStatus } from '../../prevention/prevention-action.entity.js';

/*
 * The response shapes of "similar complaints" (and of knownIssues in the intake response), for the OpenAPI
 * document. Several small classes in one file, as the page DTOs elsewhere: they only exist together.
 */

export class SimilarOwnerDepartmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Billing' })
  name: string;
}

export class SimilarPreventionActionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Stop the card gateway retrying a payment the bank already took' })
  title: string;

  @ApiProperty({ enum: PREVENTION_ACTION_STATUSES })
  status: PreventionActionStatus;

  @ApiProperty({ format: 'date-time' })
  dueAt: Date;

  @ApiProperty({ type: SimilarOwnerDepartmentDto })
  ownerDepartment: SimilarOwnerDepartmentDto;
}

/** An earlier complaint like this one: no customer contact data, no staff names. */
export class SimilarComplaintDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CMP-2026-000123' })
  reference: string;

  @ApiProperty({ example: 'Charged twice for October' })
  summary: string;

  @ApiProperty({ enum: COMPLAINT_STATUSES })
  status: ComplaintStatus;

  @ApiProperty({ example: 'billing-error' })
  categoryCode: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: Date;

  @ApiProperty({ example: 0.74, minimum: 0, maximum: 1, description: 'pg_trgm similarity of the two summaries, 2 decimals' })
  similarity: number;

  @ApiProperty({ nullable: true, type: String, example: 'tooling', description: 'null until a root cause is recorded' })
  rootCauseCode: string | null;

  @ApiProperty({ nullable: true, type: SimilarPreventionActionDto })
  preventionAction: SimilarPreventionActionDto | null;
}

export class SimilarComplaintsDto {
  @ApiProperty({ type: [SimilarComplaintDto], description: 'At most 5, most similar first, then newest' })
  items: SimilarComplaintDto[];

  @ApiProperty({ example: false, description: 'true: the search was cut short, so an empty list means "not known", not "none like it"' })
  timedOut: boolean;
}
