import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class OrganisationSettingsDto {
  @ApiProperty({ example: 'the Consumer Rights Protection Centre (www.ptac.gov.lv)', description: 'Who a refused customer can escalate to' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  @Matches(/\S/, { message: 'referralEscalateTo must not be blank' })
  referralEscalateTo: string;

  @ApiProperty({ example: 60, description: 'Days the customer has to escalate' })
  @IsInt()
  @Min(1)
  @Max(3650)
  referralTimeLimitDays: number;

  @ApiProperty({ example: 0.75, description: 'Share of the resolution window after which a complaint is at risk' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.05)
  @Max(0.95)
  atRiskShare: number;

  @ApiProperty({ example: 5, description: 'The customer hears from us at least this often (business days)' })
  @IsInt()
  @Min(1)
  @Max(60)
  keepInformedBusinessDays: number;

  @ApiProperty({ required: false, example: 3, description: "Unanswered calls to one number before a message falls back to the customer's other stated contact; kept as it is when absent" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  callAttempts?: number;

  @ApiProperty({ required: false, example: 120, description: 'Minutes after an unanswered call before the next try is due; kept as it is when absent' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(10080)
  callRetryMinutes?: number;
}
