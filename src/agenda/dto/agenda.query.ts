import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AGENDA_FORMATS, type AgendaFormat } from '../agenda.service.js';

export class AgendaQuery {
  @ApiProperty({ required: false, enum: AGENDA_FORMATS, default: 'json', description: 'json: the stored version; md: Markdown; html: a printable page' })
  @IsOptional()
  @IsIn(AGENDA_FORMATS)
  format: AgendaFormat = 'json';

  @ApiProperty({ required: false, minimum: 1, description: 'A version number; absent: the latest' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // The column is a PostgreSQL integer: a larger number would be a database error rather than "no such version".
  @Max(2_147_483_647)
  version?: number;
}
