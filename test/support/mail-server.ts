import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface MailServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Answers the next `count` messages with this SMTP reply instead of accepting them. */
  rejectNext(count: number, code: number, message: string): void;
  /** Resolves when `count` messages have been received. */
  untilReceived(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process: what the app sends is received over SMTP and parsed back by mailparser. */
export async function startMailServer(): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  let rejections: { left: number; code: number; message: string } = { left: 0, code: 0, message: '' };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to manage in tests.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (rejections.left > 0) {
          rejections.left--;
          const error = Object.assign(new Error(rejections.message), { responseCode: rejections.code });
          return callback(error);
        }
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed: await simpleParser(Buffer.concat(chunks)) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(count, code, message) {
      rejections = { left: count, code, message };
    },
    async untilReceived(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`received ${received.length} of ${count} e-mails within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
