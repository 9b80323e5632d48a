import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Sending a message despite the empathy guard's block findings: a conscious decision, recorded on the timeline. */
export class GuardOverrideDto {
  @ApiProperty({ example: 'The customer quoted this policy wording themselves and asked us to confirm it.', minLength: 15 })
  @IsString()
  @MaxLength(1000)
  justification: string;
}
