import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PREVENTION_ACTION_STATUSES, type PreventionActionStatus } from '../prevention-action.entity.js';
import { SuccessCriterionDto } from './create-prevention-action.dto.js';

/**
 * Present fields are validated, absent ones left alone. Not @IsOptional: it lets null through as "absent", and
 * none of these fields can be cleared, so `"title": null` must answer 400 rather than change nothing silently.
 */
const present = ValidateIf((_object: object, value: unknown) => value !== undefined);

/** What the owning department's head may change; the status names what they ask for (`done` starts verification). */
export class UpdatePreventionActionDto {
  @ApiProperty({ required: false, enum: PREVENTION_ACTION_STATUSES, description: 'in_progress, done, or (after not_effective) in_progress/planned with a new dueAt' })
  @present
  @IsIn(PREVENTION_ACTION_STATUSES)
  status?: PreventionActionStatus;

  @ApiProperty({ required: false })
  @present
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiProperty({ required: false })
  @present
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'description must not be blank' })
  description?: string;

  @ApiProperty({ required: false, example: '2027-03-31T17:00:00Z', description: 'Future only; while planned, in progress or not effective' })
  @present
  @IsISO8601({ strict: true })
  dueAt?: string;

  @ApiProperty({ required: false, type: SuccessCriterionDto, description: 'Only while planned; a new windowDays recounts the baseline' })
  @present
  @IsObject()
  @ValidateNested()
  @Type(() => SuccessCriterionDto)
  successCriterion?: SuccessCriterionDto;
}
