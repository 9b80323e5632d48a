import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { KpisDto } from './dto/kpis.dto.js';
import { KpisQuery } from './dto/kpis.query.js';
import { KpisService } from './kpis.service.js';

/** Those who sit on the committee, which the KPIs feed (as for the themes); figures only, no complaint text. */
const KPI_READERS = ['department_head', 'chair', 'admin'] as const;

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('api')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get('kpis')
  @Roles(...KPI_READERS)
  @ApiOperation({ summary: "The five checks' KPIs, volume and breaches for [from, to) against the period of the same length before (docs/kpis.md)" })
  @ApiOkResponse({ type: KpisDto })
  @ApiBadRequestResponse({ description: 'from or to missing or not a date, from not before to, more than 366 days apart, or an unknown parameter' })
  compare(@Query() query: KpisQuery) {
    return this.kpis.compare(query);
  }
}
