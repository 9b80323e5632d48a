import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  webhookId: string;
  payload: { id: string; type: string; timestamp: string; data: Record<string, any> };
}

export interface WebhookReceiver {
  url: string;
  /** Every request that arrived, verified or not. */
  requests: number;
  /** Requests whose signature did not verify. */
  invalid: number;
  /** Events processed, once per webhook-id: what a receiver deduplicating on the id acts on. */
  processed: Map<string, ReceivedEvent>;
  /** Deliveries of an id already processed, dropped. */
  repeats: number;
  setSecret(secret: string): void;
  /** Answers 500 to the first `count` requests of each webhook-id before accepting it. */
  failFirst(count: number): void;
  /** Holds every request open (to stop or kill the sender mid-delivery); turning it off answers the held ones 503. */
  hold(on: boolean): void;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A support desk's webhook endpoint as its developers would write one: verify the Standard Webhooks signature with
 * the `standardwebhooks` package, drop an id already processed, acknowledge with 204.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let verifier: Webhook | null = null;
  let failuresPerId = 0;
  let holding = false;
  const held: ServerResponse[] = [];
  const attempts = new Map<string, number>();
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = {
    requests: 0,
    invalid: 0,
    processed: new Map(),
    repeats: 0,
    setSecret: (secret) => (verifier = new Webhook(secret)),
    failFirst: (count) => (failuresPerId = count),
    hold: (on) => {
      holding = on;
      if (!on) for (const res of held.splice(0)) res.writeHead(503).end();
    },
  };
  const server = createServer(async (req, res) => {
    receiver.requests++;
    const body = await bodyOf(req);
    if (holding) return void held.push(res); // not answered: the sender times out, stops or dies waiting
    let payload: ReceivedEvent['payload'];
    try {
      payload = verifier!.verify(body, req.headers as Record<string, string>) as ReceivedEvent['payload'];
    } catch {
      receiver.invalid++;
      res.writeHead(401).end();
      return;
    }
    const id = req.headers['webhook-id'] as string;
    const seen = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, seen);
    if (seen <= failuresPerId) {
      res.writeHead(500).end('not now');
      return;
    }
    if (receiver.processed.has(id)) receiver.repeats++;
    else receiver.processed.set(id, { webhookId: id, payload });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as WebhookReceiver;
}
