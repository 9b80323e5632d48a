import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class HoursBySeverityDto {
  @ApiProperty({ example: 16, description: 'Business hours' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(2000)
  low: number;

  @ApiProperty({ example: 8 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(2000)
  medium: number;

  @ApiProperty({ example: 4 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(2000)
  high: number;

  @ApiProperty({ example: 1 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(2000)
  critical: number;
}

export class SlaTargetsDto {
  @ApiProperty({ type: HoursBySeverityDto })
  @ValidateNested()
  @Type(() => HoursBySeverityDto)
  firstResponseHours: HoursBySeverityDto;

  @ApiProperty({ type: HoursBySeverityDto, example: { low: 80, medium: 40, high: 24, critical: 8 } })
  @ValidateNested()
  @Type(() => HoursBySeverityDto)
  resolutionHours: HoursBySeverityDto;
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'billing-error' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,59}$/, { message: 'code must be 1-60 lower-case letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Billing error' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ownerDepartmentId: string;

  @ApiProperty({ type: SlaTargetsDto, required: false, description: 'Defaults apply when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  targets?: SlaTargetsDto;
}
