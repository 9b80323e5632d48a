import { ApiProperty } from '@nestjs/swagger';

/*
 * The response shapes of the committee routes, for the OpenAPI document and as the service's return types. Several
 * small classes in one file, as the page DTOs elsewhere: they only exist together.
 */

export class DepartmentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'billing' })
  code: string;

  @ApiProperty({ example: 'Billing' })
  name: string;
}

export class CommitteeViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Customer committee' })
  name: string;

  @ApiProperty({ type: [DepartmentRefDto], description: 'By name' })
  memberDepartments: DepartmentRefDto[];

  @ApiProperty({ example: '0 10 * * 1' })
  cadence: string;

  @ApiProperty({ example: 'Europe/Riga' })
  timeZone: string;

  @ApiProperty({ example: 90 })
  durationMinutes: number;

  @ApiProperty({ example: 7 })
  agendaLeadDays: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class CommitteePageDto {
  @ApiProperty({ type: [CommitteeViewDto], description: 'Newest first' })
  items: CommitteeViewDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
