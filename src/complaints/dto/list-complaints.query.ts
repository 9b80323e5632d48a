import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../complaint-workflow.js';
import type { ComplaintType } from '../complaint.entity.js';
import { COMPLAINT_TYPES } from './create-complaint.dto.js';

export class ListComplaintsQuery extends PageQueryDto {
  @ApiProperty({ required: false, enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiProperty({ required: false, format: 'uuid', description: 'The owning department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ required: false, type: Boolean, description: 'Only complaints whose first-response deadline was breached (or not)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breached?: boolean;

  @ApiProperty({ required: false, enum: COMPLAINT_TYPES })
  @IsOptional()
  @IsIn(COMPLAINT_TYPES)
  type?: ComplaintType;

  @ApiProperty({ required: false, example: 'billing-error' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  categoryCode?: string;

  @ApiProperty({ required: false, example: '2026-11-01T00:00:00Z', description: 'Received at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedFrom?: string;

  @ApiProperty({ required: false, example: '2026-12-01T00:00:00Z', description: 'Received before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedTo?: string;
}
