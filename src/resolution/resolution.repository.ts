import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { ComplaintNoteEntity } from '../complaints/complaint-note.entity.js';
import { InformationRequestEntity } from '../complaints/information-request.entity.js';
import { CustomerFeedbackEntity } from './customer-feedback.entity.js';
import { ResolutionEntity } from './resolution.entity.js';

@Injectable()
export class ResolutionRepository {
  /** Numbers it after the complaint's earlier answers; the caller holds the complaint's row lock. */
  async insertResolution(manager: EntityManager, resolution: Omit<ResolutionEntity, 'id' | 'number'> & { id: string }): Promise<void> {
    const [{ number }] = await manager.query('SELECT coalesce(max(number), 0) + 1 AS number FROM resolutions WHERE complaint_id = $1', [
      resolution.complaintId,
    ]);
    await manager.getRepository(ResolutionEntity).insert({ ...resolution, number });
  }

  latestResolution(manager: EntityManager, complaintId: string): Promise<ResolutionEntity | null> {
    return manager.getRepository(ResolutionEntity).findOne({ where: { complaintId }, order: { number: 'DESC' } });
  }

  async insertFeedback(manager: EntityManager, feedback: Omit<CustomerFeedbackEntity, 'id'>): Promise<void> {
    await manager.getRepository(CustomerFeedbackEntity).insert(feedback);
  }

  async insertNote(manager: EntityManager, note: Omit<ComplaintNoteEntity, 'id'> & { id: string }): Promise<void> {
    await manager.getRepository(ComplaintNoteEntity).insert(note);
  }

  async insertInformationRequest(manager: EntityManager, request: { id: string; complaintId: string; question: string; askedAt: Date }): Promise<void> {
    await manager.getRepository(InformationRequestEntity).insert(request);
  }

  openInformationRequest(manager: EntityManager, complaintId: string): Promise<InformationRequestEntity | null> {
    return manager.getRepository(InformationRequestEntity).findOneBy({ complaintId, answeredAt: IsNull() });
  }

  /** Ends a question the customer never answered: answered_at closes it, the answer stays empty. */
  async closeOpenInformationRequest(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.getRepository(InformationRequestEntity).update({ complaintId, answeredAt: IsNull() }, { answeredAt: at });
  }

  async answerInformationRequest(manager: EntityManager, id: string, answer: string, answeredAt: Date, pausedBusinessMs: number): Promise<void> {
    await manager.getRepository(InformationRequestEntity).update({ id }, { answer, answeredAt, pausedBusinessMs: String(pausedBusinessMs) });
  }
}
