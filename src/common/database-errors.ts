import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL refusing a row because of the named constraint (unique, foreign key, check). */
export function violates(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { constraint?: string };
  return driverError.constraint === constraint;
}
