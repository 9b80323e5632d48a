import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { AppError, ErrorDetail } from './app-error.js';
import { CommonErrorCode } from './error-codes.js';

/** Flattens nested class-validator errors into `{ field: "customer.email", problem }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({
      field,
      problem: problem.startsWith('property ') ? 'is not an allowed field' : problem,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Deeper than any request body of the API needs (the deepest, minutes → decisions → preventionAction →
 * successCriterion, nests 4 levels), yet far below what would overflow the stack of the recursive transformer.
 */
export const MAX_BODY_DEPTH = 16;

/** Whether `value` nests objects or arrays more than `max` levels deep. Iterative: it must not overflow itself. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * class-transformer walks a body recursively: a small body of thousands of nested brackets (well under the size
 * limit) overflows its stack, which would surface as a 500. Such a body is the client's mistake, refused first.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestsDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new AppError(CommonErrorCode.MALFORMED_BODY, `The request body nests more than ${MAX_BODY_DEPTH} levels deep`);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, every invalid field is named, and nothing is coerced silently. */
export const validationPipe = new RequestValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  // One problem per field is enough to fix it; a list of five for one missing field is noise.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const details = flattenValidationErrors(errors);
    return new AppError(CommonErrorCode.VALIDATION_FAILED, `The request has ${details.length} invalid field(s)`, details);
  },
});
