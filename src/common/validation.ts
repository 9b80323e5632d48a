import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Unknown fields are refused, every invalid field is named, and nothing is coerced silently. */
export const validationPipe = new ValidationPipe({
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
