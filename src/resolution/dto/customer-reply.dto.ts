import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CustomerReplyDto {
  @ApiProperty({ example: 'The card ends in 4417.' })
  @IsString()
  @MaxLength(5000)
  @Matches(/\S/, { message: 'message must not be empty' })
  message: string;
}
