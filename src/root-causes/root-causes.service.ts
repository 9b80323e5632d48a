import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { violates } from '../common/database-errors.js';
import type { CreateRootCauseDto } from './dto/create-root-cause.dto.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { NoBlameGuardService } from './no-blame-guard.service.js';
import { RootCauseErrorCode } from './root-cause-error-code.js';
import type { RootCauseEntity } from './root-cause.entity.js';
import { RootCausesRepository } from './root-causes.repository.js';

/** The root-cause taxonomy: processes, never people (PRODUCT.md, "Prevent recurrence"). */
@Injectable()
export class RootCausesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rootCauses: RootCausesRepository,
    private readonly guard: NoBlameGuardService,
    private readonly privacy: PrivacyService,
  ) {}

  list(): Promise<RootCauseEntity[]> {
    return this.rootCauses.listTaxonomy(this.dataSource.manager);
  }

  /**
   * Adds a cause. Its code and name are labels the committee groups complaints by, so they may not be about a
   * person at all ("employee_error" has no process reading); the description is held to the root-cause rule.
   */
  async create(dto: CreateRootCauseDto): Promise<RootCauseEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // "employee_error" reads as "employee error"; the offsets stay the same. Names first: a label naming a
        // person's data is refused like any set-up name, whatever else the no-blame guard finds.
        const code = dto.code.replace(/_/g, ' ');
        await this.privacy.assertCleanNames(manager, [
          { field: 'code', text: code },
          { field: 'name', text: dto.name },
        ]);
        await this.guard.enforce(manager, [
          { field: 'code', text: code, kind: 'label' },
          { field: 'name', text: dto.name, kind: 'label' },
          { field: 'description', text: dto.description, kind: 'explanation' },
        ]);
        return this.rootCauses.insert(manager, { code: dto.code, name: dto.name, description: dto.description });
      });
    } catch (error) {
      if (violates(error, 'pk_root_causes')) {
        throw new AppError(RootCauseErrorCode.ROOT_CAUSE_CODE_TAKEN, `A root cause with code "${dto.code}" exists`, [{ field: 'code', problem: 'is taken' }]);
      }
      throw error;
    }
  }
}
