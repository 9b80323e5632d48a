import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

/** What "worked" means: the rate of matching complaints falls by at least this share over this window. */
export class SuccessCriterionDto {
  @ApiProperty({ example: 50, minimum: 1, maximum: 100, description: 'Required fall of the rate of matching complaints, in percent' })
  @IsInt()
  @Min(1)
  @Max(100)
  targetReductionPct: number;

  @ApiProperty({ example: 90, minimum: 7, maximum: 730, description: 'Days measured before creation (baseline) and after done (check)' })
  @IsInt()
  @Min(7)
  @Max(730)
  windowDays: number;
}

/** A prevention action as a root cause proposes it: its cause is the complaint's. */
export class NewPreventionActionDto {
  @ApiProperty({ example: 'Stop the card gateway retrying a payment the bank already took' })
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title: string;

  @ApiProperty({ example: 'Make gateway retries idempotent with the payment reference, and alert billing on a second debit.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'description must not be blank' })
  description: string;

  @ApiProperty({ required: false, example: 'billing-error', description: 'Narrows "the same problem" to one category' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  categoryCode?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerDepartmentId: string;

  @ApiProperty({ example: '2027-01-31T17:00:00Z' })
  @IsISO8601({ strict: true })
  dueAt: string;

  @ApiProperty({ type: SuccessCriterionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SuccessCriterionDto)
  successCriterion: SuccessCriterionDto;
}

export class CreatePreventionActionDto extends NewPreventionActionDto {
  @ApiProperty({ example: 'tooling', description: 'A code of the root-cause taxonomy (GET /api/root-causes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  causeCode: string;
}
