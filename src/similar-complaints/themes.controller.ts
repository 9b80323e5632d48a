import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { ThemesDto } from './dto/themes.dto.js';
import { ThemesQuery } from './dto/themes.query.js';
import { ThemesService } from './themes.service.js';

/** Those who sit on the committee, which the themes feed; figures only, no complaint text. */
const THEME_READERS = ['department_head', 'chair', 'admin'] as const;

@ApiTags('themes')
@ApiBearerAuth()
@Controller('api')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get('themes')
  @Roles(...THEME_READERS)
  @ApiOperation({ summary: 'Complaints per category and root cause in [from, to) against the period of the same length before; rising = grew' })
  @ApiOkResponse({ type: ThemesDto })
  @ApiBadRequestResponse({ description: 'from or to missing or not a date, from not before to, or more than 366 days apart' })
  list(@Query() query: ThemesQuery) {
    return this.themes.themes(query);
  }
}
