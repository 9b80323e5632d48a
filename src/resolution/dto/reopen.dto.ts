import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class ReopenDto {
  @ApiProperty({ example: 'The customer sent a bank statement that shows the payment arrived on time.' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
