import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RootCauseEntity } from './root-cause.entity.js';

@Injectable()
export class RootCausesRepository {
  /** The whole taxonomy: a few dozen rows at most, so no paging. */
  listTaxonomy(manager: EntityManager): Promise<RootCauseEntity[]> {
    return manager.getRepository(RootCauseEntity).find({ order: { code: 'ASC' } });
  }

  async insert(manager: EntityManager, cause: Pick<RootCauseEntity, 'code' | 'name' | 'description'>): Promise<RootCauseEntity> {
    await manager.getRepository(RootCauseEntity).insert(cause);
    return (await manager.getRepository(RootCauseEntity).findOneBy({ code: cause.code }))!;
  }

  async exists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.getRepository(RootCauseEntity).existsBy({ code });
  }

  /**
   * Ends a question still waiting for the customer when the case closes (a suggestion can be asked about, then
   * closed): answered_at closes it and the answer stays empty, so the status page stops offering the answer form.
   */
  async endOpenInformationRequest(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.query('UPDATE information_requests SET answered_at = $2 WHERE complaint_id = $1 AND answered_at IS NULL', [complaintId, at]);
  }
}
