import { createHash, randomBytes } from 'node:crypto';

/**
 * 256 random bits, shown once. Only a SHA-256 digest is stored: with this much entropy a slow password hash
 * adds nothing against guessing, and a fast digest lets every request find its credential through an index.
 */
export function generateToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
