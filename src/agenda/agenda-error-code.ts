import { HttpStatus } from '@nestjs/common';

export enum AgendaErrorCode {
  /** The meeting exists but has no agenda yet, or not the version asked for. */
  AGENDA_NOT_FOUND = 'AGENDA_NOT_FOUND',
}

export const AGENDA_HTTP_STATUS: Record<AgendaErrorCode, HttpStatus> = {
  [AgendaErrorCode.AGENDA_NOT_FOUND]: HttpStatus.NOT_FOUND,
};
