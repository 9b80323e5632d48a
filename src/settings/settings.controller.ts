import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { OrganisationSettingsDto } from './dto/organisation-settings.dto.js';
import { SettingsRepository } from './settings.repository.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsRepository) {}

  @Get()
  @Roles('agent', 'resolver', 'department_head', 'chair', 'admin')
  @ApiOperation({ summary: 'The referral rights added to refusals, the at-risk share and the keep-informed cadence in force' })
  get() {
    return this.settings.current();
  }

  @Put()
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Referral rights added to refusals, the at-risk share and the keep-informed cadence' })
  async put(@Body() dto: OrganisationSettingsDto) {
    // Trimmed: the text is set into a sentence of every refusal.
    await this.settings.replace({ ...dto, referralEscalateTo: dto.referralEscalateTo.trim() });
    return this.settings.current();
  }
}
