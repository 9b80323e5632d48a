import { ApiProperty } from '@nestjs/swagger';
import type { StaffNotificationEntity } from '../../notifications/staff-notification.entity.js';

export class NotifiedPreventionActionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Stop the card gateway retrying a payment the bank already took' })
  title: string;
}

export class NotifiedAgendaDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/meetings/{meetingId}/agenda?version={version}' })
  meetingId: string;

  @ApiProperty({ example: 1 })
  version: number;
}

/** About exactly one of: a complaint (complaintId and reference), a prevention action (preventionAction), an agenda (agenda). */
export class StaffNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'Present when the notification is about a complaint' })
  complaintId?: string;

  @ApiProperty({ example: 'CMP-2026-000123', required: false, description: "The complaint's reference, present with complaintId" })
  reference?: string;

  @ApiProperty({ type: NotifiedPreventionActionDto, required: false, description: 'Present when the notification is about a prevention action' })
  preventionAction?: NotifiedPreventionActionDto;

  @ApiProperty({ type: NotifiedAgendaDto, required: false, description: "Present when the notification is about a committee agenda published for the department's committee" })
  agenda?: NotifiedAgendaDto;

  @ApiProperty({
    enum: ['at_risk', 'resolution_breached', 'disputed', 'customer_replied', 'prevention_action_overdue', 'prevention_action_not_effective', 'agenda_published'],
  })
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
