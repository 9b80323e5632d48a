import { HttpStatus } from '@nestjs/common';

export enum DeliveryErrorCode {
  OUTBOX_MESSAGE_NOT_FOUND = 'OUTBOX_MESSAGE_NOT_FOUND',
  /** Only a dead letter (or a failed message waiting for its next attempt) can be re-driven; the body names its status. */
  OUTBOX_MESSAGE_NOT_RETRYABLE = 'OUTBOX_MESSAGE_NOT_RETRYABLE',
  /** The message is no e-mail written to a file (SMTP is configured, it is not sent yet, or it is no e-mail). */
  MAIL_FILE_NOT_FOUND = 'MAIL_FILE_NOT_FOUND',
}

export const DELIVERY_HTTP_STATUS: Record<DeliveryErrorCode, HttpStatus> = {
  [DeliveryErrorCode.OUTBOX_MESSAGE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DeliveryErrorCode.OUTBOX_MESSAGE_NOT_RETRYABLE]: HttpStatus.CONFLICT,
  [DeliveryErrorCode.MAIL_FILE_NOT_FOUND]: HttpStatus.NOT_FOUND,
};
