import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './app-error.js';
import { CommonErrorCode } from './error-codes.js';

/**
 * The body of an action that takes none (POST …/close, POST …/agenda): no body, or `{}`. Anything else is refused
 * as the global validation refuses unknown fields everywhere else, so a client that believes it is passing an
 * option learns at once that there is none. (A DTO class without fields cannot say this: with forbidUnknownValues
 * the validator refuses even `{}` for it.)
 */
@Injectable()
export class EmptyBodyPipe implements PipeTransform<unknown, undefined> {
  transform(value: unknown): undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new AppError(CommonErrorCode.VALIDATION_FAILED, 'This action takes no body', [{ field: 'body', problem: 'must be empty or {}' }]);
    }
    const fields = Object.keys(value);
    if (fields.length === 0) return undefined;
    throw new AppError(
      CommonErrorCode.VALIDATION_FAILED,
      `The request has ${fields.length} invalid field(s)`,
      fields.map((field) => ({ field, problem: 'is not an allowed field' })),
    );
  }
}
