import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { GuardedDto } from './guarded.dto.js';

export class ExpectedDateDto extends GuardedDto {
  @ApiProperty({ example: '2026-12-04T15:00:00Z' })
  @IsISO8601({ strict: true })
  expectedResolutionBy: string;

  @ApiProperty({
    required: false,
    example: 'The bank needs five more working days to confirm the refund, because the payment went through a card scheme.',
    description: 'Required when the date moves later: the reason in words the customer understands',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  customerReason?: string;
}
