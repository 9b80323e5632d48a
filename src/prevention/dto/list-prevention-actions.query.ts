import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { PREVENTION_ACTION_STATUSES, type PreventionActionStatus } from '../prevention-action.entity.js';

export class ListPreventionActionsQuery extends PageQueryDto {
  @ApiProperty({ required: false, enum: PREVENTION_ACTION_STATUSES })
  @IsOptional()
  @IsIn(PREVENTION_ACTION_STATUSES)
  status?: PreventionActionStatus;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerDepartmentId?: string;

  @ApiProperty({ required: false, example: 'tooling' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  causeCode?: string;

  @ApiProperty({ required: false, type: Boolean, description: 'Past the due date and unfinished (true), or not (false); both when absent' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}
