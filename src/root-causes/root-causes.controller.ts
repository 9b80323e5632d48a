import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { CreateRootCauseDto } from './dto/create-root-cause.dto.js';
import { RootCausesService } from './root-causes.service.js';

const STAFF_READERS = ['agent', 'resolver', 'department_head', 'chair', 'admin'] as const;

@ApiTags('root causes')
@ApiBearerAuth()
@Controller('api/root-causes')
export class RootCausesController {
  constructor(private readonly rootCauses: RootCausesService) {}

  @Get()
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'The root-cause taxonomy: processes, never people' })
  list() {
    return this.rootCauses.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a root cause to the taxonomy; one about a person ("employee_error") is refused' })
  @ApiResponse({ status: 409, description: 'The code is taken' })
  @ApiResponse({ status: 422, description: 'The no-blame guard refused the code, name or description (findings listed)' })
  create(@Body() dto: CreateRootCauseDto) {
    return this.rootCauses.create(dto);
  }
}
