import { AppError, type ErrorDetail } from '../common/app-error.js';
import { CommonErrorCode } from '../common/error-codes.js';

/** Longer periods stop being "themes" and make the scan (twice the span) heavy; a year, leap day included, is enough. */
export const MAX_THEME_SPAN_DAYS = 366;
const DAY_MS = 86_400_000;

/** [from, to) and the period of the same length just before it, [previousFrom, from). */
export interface ThemePeriod {
  previousFrom: Date;
  from: Date;
  to: Date;
}

/** The period asked for and the one it is compared with; refuses an empty, reversed or too long period. */
export function themePeriod(from: Date, to: Date): ThemePeriod {
  const details: ErrorDetail[] = [];
  const span = to.getTime() - from.getTime();
  if (span <= 0) details.push({ field: 'to', problem: 'must be after from' });
  else if (span > MAX_THEME_SPAN_DAYS * DAY_MS) details.push({ field: 'to', problem: `must be at most ${MAX_THEME_SPAN_DAYS} days after from` });
  if (details.length > 0) throw new AppError(CommonErrorCode.VALIDATION_FAILED, `The request has ${details.length} invalid field(s)`, details);
  return { previousFrom: new Date(from.getTime() - span), from, to };
}
