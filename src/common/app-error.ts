import type { ErrorCode } from './error-codes.js';

export interface ErrorDetail {
  field: string;
  problem: string;
}

/** A failure the client can act on; the global filter turns its code into an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Extra members of the error body, e.g. the current status and allowed actions of a 409. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
