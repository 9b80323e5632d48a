import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { GUARD_LANGUAGES, MESSAGE_KINDS, type FindingSeverity, type MessageKind } from '../empathy-guard.js';

const SOMETHING_SAID = /\S/;

export class CheckMessageDto {
  @ApiProperty({
    example: 'As per our policy, refunds take 30 days. You should have read the terms.',
    description: 'The draft of a customer-facing message',
  })
  @IsString()
  @Matches(SOMETHING_SAID, { message: 'text must not be empty' })
  @MaxLength(10000)
  text: string;

  @ApiProperty({
    example: 'en',
    description: `A language code such as "uk" or "uk-UA"; rules exist for ${GUARD_LANGUAGES.join(', ')}, others are checked as English`,
  })
  @IsString()
  @MaxLength(35)
  @Matches(/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/, { message: 'language must be a language code such as "en" or "uk-UA"' })
  language: string;

  @ApiProperty({ enum: MESSAGE_KINDS, example: 'refusal', description: 'Decides which elements the message must contain; thanks is the first response to a suggestion (no date)' })
  @IsIn(MESSAGE_KINDS)
  kind: MessageKind;
}

export class FindingDto {
  @ApiProperty({ example: 'hides_behind_policy', description: 'A rule id, or missing_<element> (empathy, next_step, date, reason, escalation_route)' })
  rule: string;

  @ApiProperty({ enum: ['block', 'warn'], example: 'block', description: 'block: must be reworded before sending; warn: worth a second look' })
  severity: FindingSeverity;

  @ApiProperty({ example: 0, description: 'Offset of the first flagged character; 0 for a missing element' })
  start: number;

  @ApiProperty({ example: 17, description: 'Offset after the last flagged character; 0 for a missing element' })
  end: number;

  @ApiProperty({ example: 'Explain the reason in plain words and what it means for the customer, …' })
  suggestion: string;
}

export class CheckMessageResultDto {
  @ApiProperty({ type: [FindingDto], description: 'Sorted by start' })
  findings: FindingDto[];
}
