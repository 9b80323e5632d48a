import { ApiProperty } from '@nestjs/swagger';

export class StaffTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'CMP-2026-000123' })
  reference: string;

  @ApiProperty({ enum: ['keep_informed'], description: 'keep_informed: the customer is owed news about their complaint' })
  kind: 'keep_informed';

  @ApiProperty({ format: 'uuid', description: 'The department the task is raised for' })
  departmentId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while the task is open' })
  doneAt: Date | null;
}

export class StaffTaskPageDto {
  @ApiProperty({ type: [StaffTaskDto], description: 'Newest first' })
  items: StaffTaskDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
