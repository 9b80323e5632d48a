import { HttpStatus } from '@nestjs/common';

export enum RootCauseErrorCode {
  UNKNOWN_ROOT_CAUSE = 'UNKNOWN_ROOT_CAUSE',
  ROOT_CAUSE_CODE_TAKEN = 'ROOT_CAUSE_CODE_TAKEN',
  /** The no-blame guard: a description that names staff or blames a person without a process factor. */
  BLAMING_DESCRIPTION = 'BLAMING_DESCRIPTION',
  CLOSE_NEEDS_ROOT_CAUSE = 'CLOSE_NEEDS_ROOT_CAUSE',
}

export const ROOT_CAUSE_HTTP_STATUS: Record<RootCauseErrorCode, HttpStatus> = {
  [RootCauseErrorCode.UNKNOWN_ROOT_CAUSE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RootCauseErrorCode.ROOT_CAUSE_CODE_TAKEN]: HttpStatus.CONFLICT,
  [RootCauseErrorCode.BLAMING_DESCRIPTION]: HttpStatus.UNPROCESSABLE_ENTITY,
  [RootCauseErrorCode.CLOSE_NEEDS_ROOT_CAUSE]: HttpStatus.CONFLICT,
};
