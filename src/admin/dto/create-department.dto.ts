import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'billing', description: 'Short stable code: lower case letters, digits, - and _' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'code must be 1-40 lower-case letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Billing' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
