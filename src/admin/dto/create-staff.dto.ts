import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/roles.js';

export class CreateStaffDto {
  @ApiProperty({ example: 'Dana Ozola' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'dana@example.com' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'agent' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ required: false, format: 'uuid', description: 'Required for every role but admin and chair' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class IssuedCredentialDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Shown only in this response; store it now', example: 'rds_Qm9vcmF...' })
  token: string;
}
