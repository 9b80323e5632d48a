import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class KeepInformedRepository {
  /** Records that the customer heard from us, owes the next update by `dueAt`, and closes an open reminder task. */
  async restart(manager: EntityManager, complaintId: string, now: Date, dueAt: Date): Promise<void> {
    await manager.query(`UPDATE complaints SET last_customer_update_at = $2, keep_informed_due_at = $3, keep_informed_task_raised_at = NULL WHERE id = $1`, [complaintId, now, dueAt]);
    await manager.query(`UPDATE staff_tasks SET done_at = $2 WHERE complaint_id = $1 AND kind = 'keep_informed' AND done_at IS NULL`, [complaintId, now]);
  }
}
