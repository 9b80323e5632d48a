import { HttpStatus } from '@nestjs/common';

export enum WebhookErrorCode {
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
}

export const WEBHOOK_HTTP_STATUS: Record<WebhookErrorCode, HttpStatus> = {
  [WebhookErrorCode.WEBHOOK_NOT_FOUND]: HttpStatus.NOT_FOUND,
};
