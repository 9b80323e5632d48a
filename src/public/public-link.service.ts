import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';

const SECRET_NAME = 'public_link';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The customer's private status link. Its token is an HMAC of the complaint id: unguessable without the key,
 * yet the same on every read, so an idempotent intake retry and a staff read can show the link again. Only a
 * digest of the token is stored, to find the complaint by it.
 */
@Injectable()
export class PublicLinkService implements OnModuleInit {
  private secret: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.env.PUBLIC_LINK_SECRET) {
      this.secret = Buffer.from(this.env.PUBLIC_LINK_SECRET);
      return;
    }
    // Every instance must derive the same links: the first one to start stores a random key for all.
    await this.dataSource.query('INSERT INTO instance_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      SECRET_NAME,
      randomBytes(32).toString('base64url'),
    ]);
    const [row] = await this.dataSource.query('SELECT value FROM instance_secrets WHERE name = $1', [SECRET_NAME]);
    this.secret = Buffer.from(row.value);
  }

  tokenFor(complaintId: string): string {
    return createHmac('sha256', this.secret).update(complaintId).digest('base64url');
  }

  urlFor(complaintId: string): string {
    return `${this.env.PUBLIC_BASE_URL.replace(/\/$/, '')}/public/complaints/${this.tokenFor(complaintId)}`;
  }

  /** The digest stored with the complaint; null for anything that cannot be a token. */
  digestOf(token: string): string | null {
    return TOKEN_SHAPE.test(token) ? createHash('sha256').update(token).digest('hex') : null;
  }
}
