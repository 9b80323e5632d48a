import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import type { EntityManager } from 'typeorm';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import type { ClaimedMessage, DeliveryReceipt } from '../delivery/claimed-message.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A receiver that does not answer within this time has failed the attempt; the backoff tries again later. */
const TIMEOUT_MS = 10_000;

/**
 * Delivers an event to its endpoint, signed per the Standard Webhooks specification: `webhook-id` (the message's
 * dedupe key, the same on every attempt, for the receiver to drop repeats), `webhook-timestamp` and
 * `webhook-signature` (HMAC-SHA256 of id.timestamp.body with the endpoint's secret). Any 2xx is a success;
 * redirects are not followed.
 */
@Injectable()
export class WebhookChannel {
  private readonly disableAfterMs: number;

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(ENV) env: Env,
  ) {
    this.disableAfterMs = env.WEBHOOK_DISABLE_AFTER_HOURS * 3600_000;
  }

  async deliver(message: ClaimedMessage): Promise<DeliveryReceipt> {
    // The wall clock, not the injected one: receivers refuse a timestamp far from their own time (replay protection).
    const now = new Date();
    const signature = new Webhook(message.webhookSecret!).sign(message.dedupeKey, now, message.body);
    const response = await fetch(message.address, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Redress-Webhooks/1',
        'webhook-id': message.dedupeKey,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The body is not needed; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new Error(`the endpoint answered HTTP ${response.status}`);
    return { receipt: `HTTP ${response.status}` };
  }

  /** A success ends the endpoint's failing streak. Runs before the message's row is marked (see lockEndpoint). */
  async delivered(manager: EntityManager, message: ClaimedMessage): Promise<void> {
    await this.webhooks.lockEndpoint(manager, message.webhookId!);
    await this.webhooks.markHealthy(manager, message.webhookId!);
  }

  /** Must come first in a transaction recording a failure to this endpoint (see lockEndpoint). */
  async beforeFailure(manager: EntityManager, message: ClaimedMessage): Promise<void> {
    await this.webhooks.lockEndpoint(manager, message.webhookId!);
  }

  /** A failure starts or extends the streak; one that has lasted long enough disables the endpoint. */
  async failed(manager: EntityManager, message: ClaimedMessage, now: Date): Promise<void> {
    await this.webhooks.recordFailure(manager, message.webhookId!, now, new Date(now.getTime() - this.disableAfterMs));
  }
}
