import { AppError } from './app-error.js';
import { CommonErrorCode } from './error-codes.js';

/** The ETag of a versioned resource: its version, quoted. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads `If-Match: "3"` (or W/"3", or 3); undefined when the header is absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new AppError(CommonErrorCode.INVALID_IF_MATCH, 'If-Match must be the ETag of the complaint, e.g. "3"', [
      { field: 'If-Match', problem: 'is not a version' },
    ]);
  }
  return Number(match[1]);
}
