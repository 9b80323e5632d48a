import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { StaffTaskOutcome } from '../staff-task.entity.js';

export const STAFF_TASK_OUTCOMES: StaffTaskOutcome[] = ['reached', 'no_answer', 'wrong_number', 'sent', 'wrong_address'];

export class CompleteStaffTaskDto {
  @ApiProperty({
    enum: STAFF_TASK_OUTCOMES,
    example: 'no_answer',
    description: 'call: reached, no_answer or wrong_number; text: sent or wrong_number; letter: sent or wrong_address',
  })
  @IsIn(STAFF_TASK_OUTCOMES)
  outcome: StaffTaskOutcome;

  @ApiProperty({ required: false, example: 'Voicemail full; will try again after 17:00 as the customer asked', description: 'Internal; goes on the timeline' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
