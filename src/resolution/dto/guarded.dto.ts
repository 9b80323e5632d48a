import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { GuardOverrideDto } from '../../empathy-guard/dto/guard-override.dto.js';

/** Every body that sends text to a customer may carry an override of the empathy guard. */
export class GuardedDto {
  @ApiProperty({ required: false, type: GuardOverrideDto, description: "Send despite the empathy guard's block findings; goes on the timeline" })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardOverrideDto)
  override?: GuardOverrideDto;
}
