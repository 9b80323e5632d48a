import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { AdminService } from './admin.service.js';
import { BusinessCalendarDto } from './dto/business-calendar.dto.js';
import { CreateApiClientDto } from './dto/create-api-client.dto.js';
import { CreateCategoryDto } from './dto/create-category.dto.js';
import { CreateDepartmentDto } from './dto/create-department.dto.js';
import { CreateStaffDto, IssuedCredentialDto } from './dto/create-staff.dto.js';

const STAFF_READERS = ['agent', 'resolver', 'department_head', 'chair', 'admin'] as const;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Post('departments')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a department' })
  createDepartment(@Body() dto: CreateDepartmentDto) {
    return this.admin.createDepartment(dto);
  }

  @Get('departments')
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'The departments, by code' })
  listDepartments() {
    return this.admin.listDepartments();
  }

  @Post('staff')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff member; the token is shown only in this response' })
  @ApiCreatedResponse({ type: IssuedCredentialDto })
  createStaff(@Body() dto: CreateStaffDto) {
    return this.admin.createStaff(dto);
  }

  @Post('api-clients')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a machine client such as the support desk; the token is shown only in this response' })
  @ApiCreatedResponse({ type: IssuedCredentialDto })
  createApiClient(@Body() dto: CreateApiClientDto) {
    return this.admin.createApiClient(dto);
  }

  @Post('categories')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a complaint category with its owner department and SLA targets (business hours)' })
  createCategory(@Body() dto: CreateCategoryDto) {
    return this.admin.createCategory(dto);
  }

  @Get('categories')
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'The complaint categories, by code, with their owner department and SLA targets (business hours)' })
  listCategories() {
    return this.admin.listCategories();
  }

  @Get('business-calendar')
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: "The organisation's time zone, working days and hours, and holidays, which the SLA deadlines count in" })
  getBusinessCalendar() {
    return this.admin.getBusinessCalendar();
  }

  @Put('business-calendar')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Set the organisation's time zone, working days and hours, and holidays" })
  setBusinessCalendar(@Body() dto: BusinessCalendarDto) {
    return this.admin.setBusinessCalendar(dto);
  }
}
