import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { AppError, ErrorDetail } from './app-error.js';
import { CommonErrorCode, HTTP_STATUS_OF } from './error-codes.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details: ErrorDetail[];
  [extra: string]: unknown;
}

/** Fastify's own request errors (body parsing, size limit, content type) and the codes clients see for them. */
const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: CommonErrorCode.BODY_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: CommonErrorCode.MALFORMED_BODY,
  FST_ERR_CTP_EMPTY_JSON_BODY: CommonErrorCode.MALFORMED_BODY,
  FST_ERR_CTP_INVALID_JSON_BODY: CommonErrorCode.MALFORMED_BODY,
};

/** Nest hands some of Fastify's request errors over as plain HttpExceptions: name them by status. */
function codeForStatus(status: number, message: string): CommonErrorCode {
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return CommonErrorCode.NOT_FOUND;
    case HttpStatus.TOO_MANY_REQUESTS:
      return CommonErrorCode.RATE_LIMITED;
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return CommonErrorCode.BODY_TOO_LARGE;
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return CommonErrorCode.UNSUPPORTED_MEDIA_TYPE;
    default:
      if (status >= 500) return CommonErrorCode.INTERNAL;
      return /json/i.test(message) ? CommonErrorCode.MALFORMED_BODY : CommonErrorCode.VALIDATION_FAILED;
  }
}

function body(statusCode: number, code: string, message: string, details: ErrorDetail[] = [], extra = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, details, ...extra };
}

/** Maps anything thrown to the one error body of the API contract. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    return body(HTTP_STATUS_OF[exception.code], exception.code, exception.message, exception.details, exception.extra);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    return body(status, codeForStatus(status, message), status === HttpStatus.TOO_MANY_REQUESTS ? 'Too many requests; slow down and retry later' : message);
  }
  const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return body(HTTP_STATUS_OF[known], known, fastifyError.message ?? known);
  if (exception instanceof SyntaxError || (fastifyError.statusCode === 400 && fastifyError.code?.startsWith('FST_'))) {
    return body(HttpStatus.BAD_REQUEST, CommonErrorCode.MALFORMED_BODY, 'The request body is not valid JSON');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return body(fastifyError.statusCode, CommonErrorCode.VALIDATION_FAILED, fastifyError.message ?? 'Bad request');
  }
  return body(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.INTERNAL, 'Something went wrong on our side');
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const errorBody = toErrorBody(exception);
    if (errorBody.statusCode >= 500) this.logger.error(exception);
    void reply.status(errorBody.statusCode).header('content-type', 'application/json; charset=utf-8').send(errorBody);
  }
}
