import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from './trim.js';

/** Declaring that nothing in the process needs to change: a conscious decision that has to say why. */
export class NoSystemicCauseDto {
  @ApiProperty({
    example: 'A one-off outage of the card scheme on 3 November; the scheme has confirmed the fix and our process worked as designed.',
    minLength: 20,
  })
  @Trim()
  @IsString()
  @MinLength(20)
  @MaxLength(5000)
  justification: string;
}
