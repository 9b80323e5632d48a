import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { WebhookChannel } from '../webhooks/webhook.channel.js';
import { retryDelayMs } from './backoff.js';
import { EmailChannel } from './channels/email.channel.js';
import { PortalChannel } from './channels/portal.channel.js';
import { StaffTaskChannel } from './channels/staff-task.channel.js';
import { PermanentDeliveryError, type ClaimedMessage, type DeliveryReceipt } from './claimed-message.js';
import { DeliveryRepository } from './delivery.repository.js';

/** How long a stopping instance waits for deliveries in flight before it gives their messages back. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Error texts are kept for the admin view; a receiver's whole error page is not. */
const MAX_ERROR_LENGTH = 1000;

export interface DispatchCounts {
  claimed: number;
  delivered: number;
  failed: number;
  deadLettered: number;
}

class ClaimLost extends Error {}

/**
 * The only sender of outbox messages. Each batch: claim due messages (FOR UPDATE SKIP LOCKED, so any number of
 * instances share the outbox and each message goes to one of them), deliver each on its own channel, record each
 * outcome with its timeline event in one short transaction. Calls, texts, letters and portal messages are written in
 * that same transaction (a task, or nothing); e-mail and webhooks leave the building between the claim and the
 * record, outside any transaction, so a slow receiver never holds a database connection (on the embedded database
 * an open transaction would block every other). Delivery is at-least-once: a crash between sending and recording
 * sends again after the lease, with the same idempotency key.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private stopping = false;
  private loop: Promise<void> | null = null;
  /** Interrupts the idle wait on shutdown. */
  private readonly idle = new AbortController();
  /** Claim tokens of batches in flight, to give back on shutdown. */
  private readonly held = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly email: EmailChannel,
    private readonly portal: PortalChannel,
    private readonly staffTasks: StaffTaskChannel,
    private readonly webhooks: WebhookChannel,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: Env,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.WORKERS) this.loop = this.run();
  }

  /** Stops claiming, lets what is in flight finish for a while, and gives back the rest for another instance. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.idle.abort();
    if (this.loop) await Promise.race([this.loop, sleep(SHUTDOWN_GRACE_MS)]);
    const released = await this.deliveries.release([...this.held], this.clock.now());
    if (released > 0) this.logger.log(`Outbox: gave back ${released} message(s) on shutdown`);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        const counts = await this.dispatchBatch();
        claimed = counts.claimed;
        if (claimed > 0) {
          this.logger.log(`Outbox: ${counts.delivered} delivered, ${counts.failed} to retry, ${counts.deadLettered} dead-lettered`);
        }
      } catch (error) {
        // The database went away or the like: log, wait, try again; nothing is lost, claims come back after the lease.
        this.logger.error(`Outbox: batch failed: ${(error as Error).message}`);
      }
      // A full batch means more may be due: go on at once. Otherwise one cheap indexed query per interval.
      if (claimed < this.env.DELIVERY_BATCH_SIZE && !this.stopping) {
        await sleep(this.env.DELIVERY_POLL_MS, undefined, { signal: this.idle.signal }).catch(() => undefined);
      }
    }
  }

  /** Claims one batch and delivers it. Tests call it directly, with WORKERS=false. */
  async dispatchBatch(): Promise<DispatchCounts> {
    const token = randomUUID();
    const now = this.clock.now();
    this.held.add(token);
    try {
      const batch = await this.deliveries.claim({ token, now, leaseUntil: new Date(now.getTime() + this.env.DELIVERY_LEASE_SECONDS * 1000), limit: this.env.DELIVERY_BATCH_SIZE });
      const outcomes = await Promise.all(batch.map((message) => this.deliver(message)));
      return {
        claimed: batch.length,
        delivered: outcomes.filter((o) => o === 'delivered').length,
        failed: outcomes.filter((o) => o === 'failed').length,
        deadLettered: outcomes.filter((o) => o === 'dead').length,
      };
    } finally {
      this.held.delete(token);
    }
  }

  /** Dispatches until nothing is due (for tests and the walk-through). */
  async drain(): Promise<DispatchCounts> {
    const total: DispatchCounts = { claimed: 0, delivered: 0, failed: 0, deadLettered: 0 };
    for (;;) {
      const counts = await this.dispatchBatch();
      for (const key of Object.keys(total) as (keyof DispatchCounts)[]) total[key] += counts[key];
      if (counts.claimed === 0) return total;
    }
  }

  private async deliver(message: ClaimedMessage): Promise<'delivered' | 'failed' | 'dead' | 'lost'> {
    try {
      switch (message.channel) {
        case 'phone':
        case 'sms':
        case 'letter':
          await this.recordDelivered(message, (manager, now) => this.staffTasks.deliver(manager, message, now));
          return 'delivered';
        case 'portal':
          await this.recordDelivered(message, async () => this.portal.deliver(message));
          return 'delivered';
        case 'email': {
          const receipt = await this.email.deliver(message);
          await this.recordDelivered(message, async () => receipt);
          return 'delivered';
        }
        case 'webhook': {
          const receipt = await this.webhooks.deliver(message);
          await this.recordDelivered(message, async (manager) => {
            await this.webhooks.delivered(manager, message);
            return receipt;
          });
          return 'delivered';
        }
      }
    } catch (error) {
      if (error instanceof ClaimLost) return 'lost';
      return this.recordFailure(message, error);
    }
  }

  /** The outcome, whatever the channel wrote, and the timeline event commit together, if this batch still holds the message. */
  private async recordDelivered(message: ClaimedMessage, write: (manager: EntityManager, now: Date) => Promise<DeliveryReceipt>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const receipt = await write(manager, now);
      if (!(await this.deliveries.markDelivered(manager, message.id, message.claimToken, now, receipt.receipt))) throw new ClaimLost();
      if (message.complaintId && receipt.timelineEvent) {
        await this.complaints.appendEvent(manager, { complaintId: message.complaintId, actorKind: 'system', actorId: null, occurredAt: now, ...receipt.timelineEvent });
      }
    });
  }

  private async recordFailure(message: ClaimedMessage, error: unknown): Promise<'failed' | 'dead' | 'lost'> {
    const now = this.clock.now();
    const text = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    return this.dataSource.transaction(async (manager) => {
      if (message.channel === 'webhook') await this.webhooks.beforeFailure(manager, message);
      const result = await this.deliveries.markFailed(manager, {
        id: message.id,
        token: message.claimToken,
        error: text,
        retryAt: new Date(now.getTime() + retryDelayMs(message.attempts, this.env.DELIVERY_BACKOFF_SECONDS * 1000)),
        maxAttempts: this.env.DELIVERY_MAX_ATTEMPTS,
        permanent: error instanceof PermanentDeliveryError,
      });
      if (!result) return 'lost';
      if (message.channel === 'webhook') await this.webhooks.failed(manager, message, now);
      if (result.status === 'dead' && message.complaintId) {
        await this.complaints.appendEvent(manager, {
          complaintId: message.complaintId,
          type: 'delivery_failed',
          actorKind: 'system',
          actorId: null,
          occurredAt: now,
          data: { outboxMessageId: message.id, purpose: message.purpose, channel: message.channel, attempts: result.attempts },
        });
      }
      return result.status;
    });
  }
}
