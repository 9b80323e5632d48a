import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class ScheduleMeetingDto {
  @ApiProperty({ example: '2026-12-14T10:00:00+02:00', description: 'With an offset or Z; on a whole minute' })
  @IsISO8601({ strict: true })
  // Without an offset the instant would depend on the server's time zone; seconds would let two meetings start
  // "at the same time" a few seconds apart and slip past the one-meeting-per-start key.
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00(\.0+)?)?(Z|[+-]\d{2}:?\d{2})$/i, { message: 'startsAt must be on a whole minute and carry an offset or Z, e.g. 2026-12-14T10:00:00+02:00' })
  startsAt: string;
}
