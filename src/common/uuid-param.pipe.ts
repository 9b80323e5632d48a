import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from './app-error.js';
import { CommonErrorCode } from './error-codes.js';

/** Path ids must be UUIDs: anything else is the client's mistake, not a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new AppError(CommonErrorCode.VALIDATION_FAILED, `${field} must be a UUID`, [{ field, problem: 'must be a UUID' }]);
  }
}
