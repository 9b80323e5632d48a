import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { ResolutionOutcome } from '../../complaints/complaint.entity.js';
import { GuardedDto } from './guarded.dto.js';

const OUTCOMES: ResolutionOutcome[] = ['upheld', 'partially_upheld', 'not_upheld'];

export class ResolveComplaintDto extends GuardedDto {
  @ApiProperty({ enum: OUTCOMES, example: 'partially_upheld' })
  @IsIn(OUTCOMES)
  outcome: ResolutionOutcome;

  @ApiProperty({ example: 'Thank you for your patience, and I am sorry for the trouble the double charge caused you.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'customerMessage must not be blank' })
  customerMessage: string;

  @ApiProperty({ required: false, example: 'We refunded the duplicate payment of 42.00 EUR to your card today.', description: 'Required when upheld' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  remedy?: string;

  @ApiProperty({ required: false, example: 'The late-payment fee was charged because the first payment arrived after the due date.', description: 'Required unless upheld' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  refusalReason?: string;

  @ApiProperty({ required: false, example: 'If you have a bank statement showing an earlier payment, reply on your status page and we will review it.', description: 'Required unless upheld' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  nextSteps?: string;

  @ApiProperty({ required: false, example: 'We can spread the fee over your next three invoices.' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  alternativeOffered?: string;
}
