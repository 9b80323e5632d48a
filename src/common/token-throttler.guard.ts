import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { createHash } from 'node:crypto';

/** Rate limits per token (the support desk and each staff member get their own budget), else per address. */
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(request: { headers: Record<string, string | undefined>; ip: string }): Promise<string> {
    const authorization = request.headers.authorization;
    return authorization ? `token:${createHash('sha256').update(authorization).digest('hex')}` : `ip:${request.ip}`;
  }

  /**
   * One budget per caller across all routes. The default key also holds the controller and handler names, which
   * would give every token RATE_LIMIT_PER_MINUTE requests on each route rather than in total.
   */
  protected generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
