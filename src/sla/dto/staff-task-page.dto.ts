import { ApiProperty } from '@nestjs/swagger';
import type { StaffTaskKind, StaffTaskOutcome } from '../staff-task.entity.js';
import { STAFF_TASK_OUTCOMES } from './complete-staff-task.dto.js';

export class StaffTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'CMP-2026-000123' })
  reference: string;

  @ApiProperty({
    enum: ['keep_informed', 'call', 'text', 'letter'],
    description: 'keep_informed: the customer is owed news (done by sending an update); call, text, letter: a message to make, on the customer’s chosen channel',
  })
  kind: StaffTaskKind;

  @ApiProperty({ format: 'uuid', description: 'The department the task is raised for' })
  departmentId: string;

  @ApiProperty({ nullable: true, type: String, example: 'acknowledgement', description: 'For a call, text or letter: why the message exists' })
  purpose: string | null;

  @ApiProperty({ nullable: true, type: String, example: '+15550100', description: 'For a call, text or letter: the number or postal address to use, and no other' })
  address: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Call the mobile +1 555 0100, never the landline', description: "The customer's own words on how to reach them, verbatim" })
  contactInstructions: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'For a call, text or letter: what to tell the customer, in their language' })
  message: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'en' })
  language: string | null;

  @ApiProperty({ example: 1, description: '1 for the first call of a message, 2 for the call after no answer, …' })
  attempt: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Not before: a call after no answer waits a while' })
  dueAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while the task is open' })
  doneAt: Date | null;

  @ApiProperty({ enum: STAFF_TASK_OUTCOMES, nullable: true, description: 'How it went; null while open, and for keep-informed tasks' })
  outcome: StaffTaskOutcome | null;
}

export class StaffTaskPageDto {
  @ApiProperty({ type: [StaffTaskDto], description: 'Newest first' })
  items: StaffTaskDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
