import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MIN_CONTEXT_NOTE_LENGTH } from '../context-note.js';

export class CreateHandoffDto {
  @ApiProperty({ format: 'uuid', description: 'The department that takes the complaint over' })
  @IsUUID()
  toDepartmentId: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'A staff member of that department' })
  @IsOptional()
  @IsUUID()
  toAssigneeId?: string;

  @ApiProperty({ example: 'The refund has to be issued by Finance' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;

  @ApiProperty({
    example: 'Charged twice for October (both debits seen on 3 Nov). Wants the duplicate refunded to the card; prefers e-mail, no calls.',
    description: `What the customer reported and wants, so nobody asks them again (at least ${MIN_CONTEXT_NOTE_LENGTH} characters, not a copy of the description)`,
  })
  @IsString()
  @MinLength(MIN_CONTEXT_NOTE_LENGTH)
  @MaxLength(5000)
  // Spaces around the text do not count: the note is stored trimmed.
  @Matches(new RegExp(`\\S[\\s\\S]{${MIN_CONTEXT_NOTE_LENGTH - 2},}\\S`), {
    message: `contextNote must be at least ${MIN_CONTEXT_NOTE_LENGTH} characters long, not counting spaces at either end`,
  })
  contextNote: string;
}
