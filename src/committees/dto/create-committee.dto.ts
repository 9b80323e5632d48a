import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCadence, IsIanaTimeZone } from './schedule-validators.js';

export class CreateCommitteeDto {
  @ApiProperty({ example: 'Customer committee' })
  @IsString()
  @MinLength(3)
  @MaxLength(120)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The departments on the committee (members are departments, not people)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberDepartmentIds: string[];

  @ApiProperty({
    example: '0 10 * * 1',
    description: 'A 5-field cron rule (minute hour day-of-month month day-of-week) in timeZone, e.g. "0 10 1-7 * 1" for the first Monday of each month at 10:00',
  })
  @IsString()
  @MaxLength(200)
  @IsCadence()
  cadence: string;

  @ApiProperty({ example: 'Europe/Riga', description: 'IANA time zone the cadence is read in' })
  @IsString()
  @MaxLength(64)
  @IsIanaTimeZone()
  timeZone: string;

  @ApiProperty({ example: 90, minimum: 5, maximum: 1440 })
  @IsInt()
  @Min(5)
  @Max(1440)
  durationMinutes: number;

  @ApiProperty({ example: 7, minimum: 0, maximum: 60, description: 'Calendar days before each meeting that its agenda is generated' })
  @IsInt()
  @Min(0)
  @Max(60)
  agendaLeadDays: number;
}
