import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEntity } from './webhook.entity.js';

@Injectable()
export class WebhooksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(webhook: Pick<WebhookEntity, 'url' | 'events' | 'description' | 'secret'>): Promise<WebhookEntity> {
    const repository = this.dataSource.getRepository(WebhookEntity);
    const { identifiers } = await repository.insert(webhook);
    return repository.findOneByOrFail({ id: identifiers[0].id });
  }

  /** Oldest first: a handful per organisation, so no paging. */
  all(): Promise<WebhookEntity[]> {
    return this.dataSource.getRepository(WebhookEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<WebhookEntity | null> {
    return this.dataSource.getRepository(WebhookEntity).findOneBy({ id });
  }

  /** Deletes the endpoint and what was still owed to it (fk_outbox_messages_webhook cascades). */
  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebhookEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Locks the endpoint for the rest of the transaction. Every transaction that records a delivery to it takes this
   * lock before the message's row, so that disabling the endpoint (which dead-letters its other messages) cannot
   * deadlock with the outcomes of those messages being recorded at the same moment.
   */
  async lockEndpoint(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM webhooks WHERE id = $1 FOR UPDATE`, [id]);
  }

  async markHealthy(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [id]);
  }

  /**
   * Starts the failing streak at `now` or keeps the one running; when the streak began at or before `disableIfSince`,
   * disables the endpoint and dead-letters everything it is still owed, which re-enabling re-drives.
   */
  async recordFailure(manager: EntityManager, id: string, now: Date, disableIfSince: Date): Promise<void> {
    const [row] = await manager.query(
      `WITH changed AS (
       UPDATE webhooks
          SET failing_since = COALESCE(failing_since, $2),
              disabled_at = CASE WHEN disabled_at IS NULL AND COALESCE(failing_since, $2) <= $3 THEN $2 ELSE disabled_at END
        WHERE id = $1
       RETURNING disabled_at = $2 AS "disabledNow"
       )
       SELECT * FROM changed`,
      [id, now, disableIfSince],
    );
    if (row?.disabledNow) {
      await manager.query(
        `UPDATE outbox_messages SET status = 'dead', last_error = 'the endpoint is disabled', claim_token = NULL
          WHERE webhook_id = $1 AND status IN ('pending', 'failed')`,
        [id],
      );
    }
  }

  /** Re-enables the endpoint and re-drives every message it was owed while disabled; answers how many. */
  async enable(id: string, now: Date): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.query(
        `WITH changed AS (UPDATE webhooks SET disabled_at = NULL, failing_since = NULL WHERE id = $1 RETURNING id)
         SELECT * FROM changed`,
        [id],
      );
      if (found.length === 0) return null;
      const redriven = await manager.query(
        `WITH changed AS (
           UPDATE outbox_messages SET status = 'pending', attempts = 0, available_at = $2, last_error = NULL
            WHERE webhook_id = $1 AND status = 'dead'
           RETURNING id
         )
         SELECT * FROM changed`,
        [id, now],
      );
      return redriven.length;
    });
  }
}
