import { HttpStatus } from '@nestjs/common';

export enum PreventionErrorCode {
  PREVENTION_ACTION_NOT_FOUND = 'PREVENTION_ACTION_NOT_FOUND',
  /** A complaint's root cause links an action that does not exist. */
  LINKED_PREVENTION_ACTION_NOT_FOUND = 'LINKED_PREVENTION_ACTION_NOT_FOUND',
  ILLEGAL_PREVENTION_TRANSITION = 'ILLEGAL_PREVENTION_TRANSITION',
  NOT_OWNING_DEPARTMENT = 'NOT_OWNING_DEPARTMENT',
  DUE_DATE_IN_PAST = 'DUE_DATE_IN_PAST',
}

export const PREVENTION_HTTP_STATUS: Record<PreventionErrorCode, HttpStatus> = {
  [PreventionErrorCode.PREVENTION_ACTION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PreventionErrorCode.LINKED_PREVENTION_ACTION_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PreventionErrorCode.ILLEGAL_PREVENTION_TRANSITION]: HttpStatus.CONFLICT,
  [PreventionErrorCode.NOT_OWNING_DEPARTMENT]: HttpStatus.FORBIDDEN,
  [PreventionErrorCode.DUE_DATE_IN_PAST]: HttpStatus.UNPROCESSABLE_ENTITY,
};
