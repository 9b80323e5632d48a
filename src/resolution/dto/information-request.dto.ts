import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GuardedDto } from './guarded.dto.js';

export class InformationRequestDto extends GuardedDto {
  @ApiProperty({ example: 'Could you tell us the last four digits of the card that was charged twice?' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'question must not be blank' })
  question: string;
}
