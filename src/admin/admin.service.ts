import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IssuedCredential } from '../auth/credentials.repository.js';
import { CredentialsRepository } from '../auth/credentials.repository.js';
import { AppError } from '../common/app-error.js';
import { violates } from '../common/database-errors.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { AdminErrorCode } from './admin-error-code.js';
import { CategoryEntity } from './category.entity.js';
import { DepartmentEntity } from './department.entity.js';
import type { BusinessCalendarDto } from './dto/business-calendar.dto.js';
import type { CreateApiClientDto } from './dto/create-api-client.dto.js';
import type { CreateCategoryDto } from './dto/create-category.dto.js';
import type { CreateDepartmentDto } from './dto/create-department.dto.js';
import type { CreateStaffDto } from './dto/create-staff.dto.js';
import { DEFAULT_SLA_TARGETS } from '../sla/sla-targets.js';
import { calendarProblems, type BusinessCalendar } from '../sla/business-calendar.js';
import { BusinessCalendarRepository } from './business-calendar.repository.js';
import { PrivacyService } from '../privacy/privacy.service.js';

const departmentMissing = (field: string) =>
  new AppError(AdminErrorCode.DEPARTMENT_NOT_FOUND, 'There is no such department', [{ field, problem: 'names no department' }]);

/** The organisation's set-up: departments, people and machine clients, categories, the business calendar. */
@Injectable()
export class AdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialsRepository,
    private readonly calendars: BusinessCalendarRepository,
    private readonly privacy: PrivacyService,
  ) {}

  async createDepartment(dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    await this.privacy.assertCleanNames(this.dataSource.manager, [{ field: 'name', text: dto.name }]);
    try {
      return await this.dataSource.getRepository(DepartmentEntity).save({ code: dto.code, name: dto.name });
    } catch (error) {
      if (violates(error, 'uq_departments_code')) {
        throw new AppError(AdminErrorCode.DEPARTMENT_CODE_TAKEN, `A department with code "${dto.code}" exists`, [
          { field: 'code', problem: 'is taken' },
        ]);
      }
      throw error;
    }
  }

  listDepartments(): Promise<DepartmentEntity[]> {
    return this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
  }

  async createStaff(dto: CreateStaffDto): Promise<IssuedCredential> {
    const needsDepartment = dto.role !== 'admin' && dto.role !== 'chair';
    if (needsDepartment && !dto.departmentId) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, `A ${dto.role} belongs to a department`, [
        { field: 'departmentId', problem: `is required for role ${dto.role}` },
      ]);
    }
    try {
      return await this.dataSource.transaction((manager) =>
        this.credentials.createStaff(manager, { name: dto.name, email: dto.email.toLowerCase(), role: dto.role, departmentId: dto.departmentId ?? null }),
      );
    } catch (error) {
      if (violates(error, 'uq_staff_email')) {
        throw new AppError(AdminErrorCode.STAFF_EMAIL_TAKEN, 'A staff member with this e-mail exists', [{ field: 'email', problem: 'is taken' }]);
      }
      if (violates(error, 'fk_staff_department')) throw departmentMissing('departmentId');
      throw error;
    }
  }

  createApiClient(dto: CreateApiClientDto): Promise<IssuedCredential> {
    return this.dataSource.transaction((manager) => this.credentials.createApiClient(manager, { name: dto.name, roles: dto.roles }));
  }

  async createCategory(dto: CreateCategoryDto): Promise<CategoryEntity> {
    await this.privacy.assertCleanNames(this.dataSource.manager, [{ field: 'name', text: dto.name }]);
    try {
      return await this.dataSource.getRepository(CategoryEntity).save({
        code: dto.code,
        name: dto.name,
        ownerDepartmentId: dto.ownerDepartmentId,
        targets: dto.targets
          ? { firstResponseHours: { ...dto.targets.firstResponseHours }, resolutionHours: { ...dto.targets.resolutionHours } }
          : DEFAULT_SLA_TARGETS,
      });
    } catch (error) {
      if (violates(error, 'uq_categories_code')) {
        throw new AppError(AdminErrorCode.CATEGORY_CODE_TAKEN, `A category with code "${dto.code}" exists`, [{ field: 'code', problem: 'is taken' }]);
      }
      if (violates(error, 'fk_categories_owner_department')) throw departmentMissing('ownerDepartmentId');
      throw error;
    }
  }

  listCategories(): Promise<CategoryEntity[]> {
    return this.dataSource.getRepository(CategoryEntity).find({ order: { code: 'ASC' } });
  }

  getBusinessCalendar() {
    return this.calendars.current(this.dataSource.manager);
  }

  async setBusinessCalendar(dto: BusinessCalendarDto): Promise<BusinessCalendar> {
    const calendar: BusinessCalendar = {
      timeZone: dto.timeZone,
      workingDays: [...dto.workingDays].sort((a, b) => a - b),
      workingHours: { start: dto.workingHours.start, end: dto.workingHours.end },
      holidays: [...dto.holidays].sort(),
    };
    const problems = calendarProblems(calendar);
    if (problems.length > 0) {
      throw new AppError(
        AdminErrorCode.INVALID_CALENDAR,
        'The business calendar is not usable',
        problems.map((problem) => ({ field: 'calendar', problem })),
      );
    }
    await this.calendars.replace(this.dataSource.manager, calendar);
    return calendar;
  }
}
