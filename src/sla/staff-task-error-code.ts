import { HttpStatus } from '@nestjs/common';

export enum StaffTaskErrorCode {
  STAFF_TASK_NOT_FOUND = 'STAFF_TASK_NOT_FOUND',
  STAFF_TASK_ALREADY_DONE = 'STAFF_TASK_ALREADY_DONE',
  /** A keep-informed task is done by telling the customer something (a note, a date, an answer), not by hand. */
  STAFF_TASK_DONE_BY_UPDATE = 'STAFF_TASK_DONE_BY_UPDATE',
}

export const STAFF_TASK_HTTP_STATUS: Record<StaffTaskErrorCode, HttpStatus> = {
  [StaffTaskErrorCode.STAFF_TASK_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [StaffTaskErrorCode.STAFF_TASK_ALREADY_DONE]: HttpStatus.CONFLICT,
  [StaffTaskErrorCode.STAFF_TASK_DONE_BY_UPDATE]: HttpStatus.CONFLICT,
};
