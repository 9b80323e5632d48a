import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_TRIGGERS, type AgendaTrigger } from '../agenda-version.entity.js';

/** The version a POST /api/meetings/:id/agenda published. */
export class AgendaVersionSummaryDto {
  @ApiProperty({ example: 2, description: '1, 2, … within the meeting' })
  version: number;

  @ApiProperty({ example: '9f2c…', description: 'SHA-256 (hex) of the content without generatedAt: the same figures give the same hash; the ETag of GET' })
  contentHash: string;

  @ApiProperty({ format: 'date-time' })
  generatedAt: Date;
}

class AgendaPeriodDto {
  @ApiProperty({ format: 'date-time', description: "The previous meeting's start (the committee's first meeting: one cadence interval earlier)" })
  from: Date;

  @ApiProperty({ format: 'date-time', description: "This meeting's start, exclusive" })
  to: Date;
}

/** GET /api/meetings/:id/agenda?format=json. */
export class AgendaVersionDto extends AgendaVersionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ enum: AGENDA_TRIGGERS })
  trigger: AgendaTrigger;

  @ApiProperty({ type: AgendaPeriodDto })
  period: AgendaPeriodDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The agenda (src/agenda/agenda-content.ts): KPIs, themes, recurring problems, prevention actions, where work waits, refusal review, suggestions, follow-ups, flags for the chair',
  })
  content: Record<string, unknown>;
}
