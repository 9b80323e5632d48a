import { HttpStatus } from '@nestjs/common';

export enum PreventionErrorCode {
  PREVENTION_ACTION_NOT_FOUND = 'PREVENTION_ACTION_NOT_FOUND',
  /** A complaint's root cause links an action that does not exist. */
  LINKED_PREVENTION_ACTION_NOT_FOUND = 'LINKED_PREVENTION_ACTION_NOT_FOUND',
  PREVENTION_ACTION_CAUSE_MISMATCH = 'PREVENTION_ACTION_CAUSE_MISMATCH',
  /** A status nobody may set by hand, or not from the current status; the body names both. */
  ILLEGAL_PREVENTION_TRANSITION = 'ILLEGAL_PREVENTION_TRANSITION',
  /** Only the head of the department that owns the action may change it. */
  NOT_OWNING_DEPARTMENT = 'NOT_OWNING_DEPARTMENT',
  DUE_DATE_IN_PAST = 'DUE_DATE_IN_PAST',
  /** A field that cannot change in the current status (the success criterion once work started, the due date once done). */
  PREVENTION_FIELD_LOCKED = 'PREVENTION_FIELD_LOCKED',
  /** Going back to planning after "not effective" needs a new due date in the same request. */
  NEW_DUE_DATE_REQUIRED = 'NEW_DUE_DATE_REQUIRED',
}

export const PREVENTION_HTTP_STATUS: Record<PreventionErrorCode, HttpStatus> = {
  [PreventionErrorCode.PREVENTION_ACTION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PreventionErrorCode.LINKED_PREVENTION_ACTION_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PreventionErrorCode.PREVENTION_ACTION_CAUSE_MISMATCH]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PreventionErrorCode.ILLEGAL_PREVENTION_TRANSITION]: HttpStatus.CONFLICT,
  [PreventionErrorCode.NOT_OWNING_DEPARTMENT]: HttpStatus.FORBIDDEN,
  [PreventionErrorCode.DUE_DATE_IN_PAST]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PreventionErrorCode.PREVENTION_FIELD_LOCKED]: HttpStatus.CONFLICT,
  [PreventionErrorCode.NEW_DUE_DATE_REQUIRED]: HttpStatus.BAD_REQUEST,
};
