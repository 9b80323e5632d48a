import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { GuardedDto } from './guarded.dto.js';

export class AddNoteDto extends GuardedDto {
  @ApiProperty({ example: 'We have asked Finance to confirm the second debit; we will update you by Friday.' })
  @IsString()
  @MaxLength(5000)
  @Matches(/\S/, { message: 'body must not be empty' })
  body: string;

  @ApiProperty({ enum: ['internal', 'customer'], description: 'A customer note is a message to the customer, on their preferred channel' })
  @IsIn(['internal', 'customer'])
  visibility: 'internal' | 'customer';
}
