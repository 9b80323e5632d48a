import { ApiProperty } from '@nestjs/swagger';
import type { StaffNotificationEntity } from '../../notifications/staff-notification.entity.js';

export class StaffNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ example: 'CMP-2026-000123' })
  reference: string;

  @ApiProperty({ enum: ['at_risk', 'resolution_breached', 'disputed', 'customer_replied'] })
  kind: StaffNotificationEntity['kind'];

  @ApiProperty({ format: 'uuid', description: 'The department whose head is notified' })
  departmentId: string;

  @ApiProperty({
    example: 'Complaint CMP-2026-000123 is at risk of missing its resolution deadline, 2026-11-25 17:00 UTC. …',
    description: 'Plain words; never customer contact data or staff names',
  })
  body: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class StaffNotificationPageDto {
  @ApiProperty({ type: [StaffNotificationDto], description: 'Newest first' })
  items: StaffNotificationDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
