import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationSettingsEntity } from './organisation-settings.entity.js';

export type OrganisationSettings = Omit<OrganisationSettingsEntity, 'id'>;


@Injectable()
export class SettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The row always exists: the migration seeds it. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<OrganisationSettings> {
    const { id: _id, ...settings } = await manager.getRepository(OrganisationSettingsEntity).findOneByOrFail({ id: 1 });
    return settings;
  }

  /** Fields left undefined keep their stored value. */
  async replace(settings: Partial<OrganisationSettings>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(OrganisationSettingsEntity).save({ id: 1, ...settings });
  }
}
