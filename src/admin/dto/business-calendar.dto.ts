import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class WorkingHoursDto {
  @ApiProperty({ example: '09:00', description: 'Local time HH:mm' })
  @Matches(HH_MM, { message: 'start must be HH:mm' })
  start: string;

  @ApiProperty({ example: '17:00', description: 'Local time HH:mm, after start' })
  @Matches(HH_MM, { message: 'end must be HH:mm' })
  end: string;
}

export class BusinessCalendarDto {
  @ApiProperty({ example: 'Europe/Riga', description: 'IANA time zone' })
  @IsString()
  timeZone: string;

  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays: number[];

  @ApiProperty({ type: WorkingHoursDto })
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours: WorkingHoursDto;

  @ApiProperty({ example: ['2026-12-24', '2026-12-25'], description: 'Local dates' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each holiday must be YYYY-MM-DD' })
  holidays: string[];
}
