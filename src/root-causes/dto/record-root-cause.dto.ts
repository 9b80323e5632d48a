import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { NewPreventionActionDto } from '../../prevention/dto/create-prevention-action.dto.js';
import { NoSystemicCauseDto } from './no-systemic-cause.dto.js';
import { Trim } from './trim.js';

/**
 * The root cause of a complaint and what stops it recurring: exactly one of an existing prevention action, a new
 * one, or a justified "no systemic cause" (checked by the service, which names the fields).
 */
export class RecordRootCauseDto {
  @ApiProperty({ example: 'tooling', description: 'A code of the root-cause taxonomy (GET /api/root-causes)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  causeCode: string;

  @ApiProperty({ example: 'The card gateway retries a payment after a timeout even when the bank already took it.', minLength: 20 })
  @Trim()
  @IsString()
  @MinLength(20)
  @MaxLength(5000)
  description: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'Link an existing prevention action' })
  @IsOptional()
  @IsUUID()
  preventionActionId?: string;

  @ApiProperty({ required: false, type: NewPreventionActionDto, description: 'Create a prevention action for this cause' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewPreventionActionDto)
  newPreventionAction?: NewPreventionActionDto;

  @ApiProperty({ required: false, type: NoSystemicCauseDto, description: 'Nothing in the process needs to change, and why' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NoSystemicCauseDto)
  noSystemicCause?: NoSystemicCauseDto;
}
