import { Injectable } from '@nestjs/common';
import type { ClaimedMessage, DeliveryReceipt } from '../claimed-message.js';

/** A customer who chose the portal reads every message on their status page: there is nothing to send. */
@Injectable()
export class PortalChannel {
  deliver(message: ClaimedMessage): DeliveryReceipt {
    return {
      receipt: 'on the status page',
      timelineEvent: { type: 'message_delivered', data: { outboxMessageId: message.id, purpose: message.purpose, channel: 'portal' } },
    };
  }
}
