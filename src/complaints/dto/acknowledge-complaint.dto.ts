import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GuardOverrideDto } from '../../empathy-guard/dto/guard-override.dto.js';

const SOMETHING_SAID = /\S/;

export class AcknowledgeComplaintDto {
  @ApiProperty({
    example: 'Thank you for telling us, and I am sorry you were charged twice. I understand how worrying that is.',
    description: 'What the customer hears first: that we heard them',
  })
  @IsString()
  @Matches(SOMETHING_SAID, { message: 'message must not be empty' })
  @MaxLength(5000)
  message: string;

  @ApiProperty({ example: 'Our billing team is checking both payments and will refund the duplicate.', description: 'What happens next' })
  @IsString()
  @Matches(SOMETHING_SAID, { message: 'nextSteps must say what happens next' })
  @MaxLength(2000)
  nextSteps: string;

  @ApiProperty({ required: false, example: '2026-11-27T15:00:00Z', description: 'By when; defaults to the resolution deadline' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expectedResolutionBy?: string;

  @ApiProperty({ required: false, type: GuardOverrideDto, description: "Send despite the empathy guard's block findings" })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardOverrideDto)
  override?: GuardOverrideDto;
}
