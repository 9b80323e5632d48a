import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { ENV } from '../../config/env.provider.js';
import type { Env } from '../../config/env.js';
import { PublicLinkService } from '../../public/public-link.service.js';
import { PermanentDeliveryError, type ClaimedMessage, type DeliveryReceipt } from '../claimed-message.js';
import { customerEmail, staffEmail } from './email-templates.js';

/** Replies and the connection must not hold a claim for longer than a lease: fail, and let the backoff retry. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * E-mail through nodemailer: to the SMTP server in SMTP_URL, or, without one (the embedded default), as .eml files
 * under DATA_DIR/mail, one per message and named by its id, so a first run shows what the customer would get and a
 * repeated delivery rewrites the same file instead of adding one.
 */
@Injectable()
export class EmailChannel {
  private readonly transport: Transporter;
  /** Where files go without SMTP; null with it. */
  readonly mailDirectory: string | null;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly links: PublicLinkService,
  ) {
    this.mailDirectory = env.SMTP_URL ? null : path.resolve(env.DATA_DIR, 'mail');
    this.transport = env.SMTP_URL
      ? nodemailer.createTransport({ url: env.SMTP_URL, ...SMTP_TIMEOUTS })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** The file an e-mail was written to without SMTP, by message id. */
  fileOf(messageId: string): string | null {
    return this.mailDirectory && path.join(this.mailDirectory, `${messageId}.eml`);
  }

  async deliver(message: ClaimedMessage): Promise<DeliveryReceipt> {
    const rendered =
      message.complaintId && message.reference
        ? customerEmail({ ...message, reference: message.reference, publicUrl: this.links.urlFor(message.complaintId) })
        : staffEmail(message);
    const mail = {
      from: this.env.MAIL_FROM,
      // The row's address and nothing else: never the complaint's current e-mail, never a copy to anyone.
      to: message.address,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      // The same id on every attempt, so a receiving system can drop a repeat: the dedupe key, hashed into the
      // Message-ID that mail systems already deduplicate on, and as it is in its own header.
      messageId: `<${createHash('sha256').update(message.dedupeKey).digest('hex').slice(0, 32)}@redress>`,
      headers: { 'X-Redress-Idempotency-Key': message.dedupeKey },
    };
    try {
      const info = await this.transport.sendMail(mail);
      const file = this.fileOf(message.id);
      if (file) {
        await mkdir(path.dirname(file), { recursive: true });
        // Written whole or not at all: a crash mid-write leaves no half message behind.
        await writeFile(`${file}.tmp`, info.message as Buffer);
        await rename(`${file}.tmp`, file);
        return { receipt: `written to ${path.basename(file)}`, timelineEvent: sentEvent(message) };
      }
      return { receipt: String(info.response ?? 'accepted'), timelineEvent: sentEvent(message) };
    } catch (error) {
      // nodemailer marks 5xx replies (no such mailbox, refused) as permanent: retrying cannot help.
      if ((error as { permanent?: boolean }).permanent) throw new PermanentDeliveryError((error as Error).message);
      throw error;
    }
  }
}

function sentEvent(message: ClaimedMessage): DeliveryReceipt['timelineEvent'] {
  return message.complaintId ? { type: 'message_delivered', data: { outboxMessageId: message.id, purpose: message.purpose, channel: 'email' } } : undefined;
}
