import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from './trim.js';

/** A new cause of the taxonomy; the no-blame guard refuses one about a person ("employee_error"). */
export class CreateRootCauseDto {
  @ApiProperty({ example: 'missing_validation', description: 'Lower-case letters, digits and _, starting with a letter; 2-40 characters' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'code must be 2-40 lower-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'Missing validation' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'A form or system accepted input without checking it, so a wrong value went through.' })
  @Trim()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  description: string;
}
