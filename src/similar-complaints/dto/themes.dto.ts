import { ApiProperty } from '@nestjs/swagger';

/*
 * The response shape of GET /api/themes, for the OpenAPI document. Two small classes in one file, as the page
 * DTOs elsewhere: they only exist together.
 */

export class ThemeDto {
  @ApiProperty({ example: 'billing-error' })
  categoryCode: string;

  @ApiProperty({ example: 'Billing error' })
  categoryName: string;

  @ApiProperty({ nullable: true, type: String, example: 'tooling', description: 'null: no root cause recorded yet' })
  causeCode: string | null;

  @ApiProperty({ example: 12, description: 'Complaints received in [from, to)' })
  count: number;

  @ApiProperty({ example: 7, description: 'Complaints received in [previousFrom, from)' })
  previousCount: number;

  @ApiProperty({ example: 5, description: 'count - previousCount' })
  change: number;
}

export class ThemesDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the previous period, as long as [from, to)' })
  previousFrom: Date;

  @ApiProperty({ format: 'date-time' })
  from: Date;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  to: Date;

  @ApiProperty({ type: [ThemeDto], description: 'Every category × root cause seen in either period: change descending, then count descending' })
  items: ThemeDto[];

  @ApiProperty({ type: [ThemeDto], description: 'The items with change > 0, in the same order' })
  rising: ThemeDto[];
}
