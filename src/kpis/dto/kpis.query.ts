import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

/**
 * A date, or a date and time with its offset. A time without an offset would be read in the server's time zone,
 * so the same request would mean different periods on different servers (the rule of GET /api/themes).
 */
const DATE_OR_ZONED_TIME = /^\d{4}-\d{2}-\d{2}(T[^Zz+-]+([Zz]|[+-]\d{2}:\d{2}))?$/;
const ZONE_MESSAGE = (field: string) => `${field} must be a date (2026-07-01) or a date and time with an offset (2026-07-01T00:00:00Z)`;

export class KpisQuery {
  @ApiProperty({ example: '2026-07-01', description: 'Start of the period, inclusive; a date is midnight UTC' })
  @IsISO8601({ strict: true })
  @Matches(DATE_OR_ZONED_TIME, { message: ZONE_MESSAGE('from') })
  from: string;

  @ApiProperty({ example: '2026-10-01', description: 'End of the period, exclusive; at most 366 days after from' })
  @IsISO8601({ strict: true })
  @Matches(DATE_OR_ZONED_TIME, { message: ZONE_MESSAGE('to') })
  to: string;
}
