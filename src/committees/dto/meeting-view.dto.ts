import { ApiProperty } from '@nestjs/swagger';
import { MEETING_SOURCES, type MeetingSource } from '../meeting.entity.js';
import { DepartmentRefDto } from './committee-view.dto.js';

/* The response shapes of the meeting routes; several small classes that only exist together. */

export class MeetingViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  committeeId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ format: 'date-time' })
  endsAt: Date;

  @ApiProperty({ enum: MEETING_SOURCES, description: 'scheduled: from the cadence; manual: added by the chair' })
  source: MeetingSource;

  @ApiProperty({ format: 'date-time', description: 'When the agenda is generated automatically' })
  agendaDueAt: Date;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the first agenda was published; null before' })
  agendaPublishedAt: Date | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the minutes were recorded; null before' })
  minutesRecordedAt: Date | null;
}

export class MeetingPageDto {
  @ApiProperty({ type: [MeetingViewDto], description: 'In the order the `when` filter describes' })
  items: MeetingViewDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

export class PreventionActionRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'planned', description: 'Its status now' })
  status: string;
}

export class DecisionViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: PreventionActionRefDto, nullable: true, description: 'The prevention action the decision created' })
  preventionAction: PreventionActionRefDto | null;
}

export class MinutesViewDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: Date;

  @ApiProperty({ type: [DepartmentRefDto], description: 'By name' })
  attendeeDepartments: DepartmentRefDto[];

  @ApiProperty({ type: [DecisionViewDto], description: 'In the order they were taken' })
  decisions: DecisionViewDto[];
}

export class MeetingDetailDto extends MeetingViewDto {
  @ApiProperty({ example: 'Customer committee' })
  committeeName: string;

  @ApiProperty({ example: 'Europe/Riga' })
  timeZone: string;

  @ApiProperty({ type: MinutesViewDto, nullable: true })
  minutes: MinutesViewDto | null;
}
