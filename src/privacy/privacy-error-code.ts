import { HttpStatus } from '@nestjs/common';

export enum PrivacyErrorCode {
  /** A set-up name (committee, department, category, root cause) that holds a staff name or contact data. */
  PERSONAL_DATA_IN_NAME = 'PERSONAL_DATA_IN_NAME',
  /** A message to a customer that holds another customer's name or contact data, or a staff id. */
  OTHER_PERSONS_DATA = 'OTHER_PERSONS_DATA',
}

export const PRIVACY_HTTP_STATUS: Record<PrivacyErrorCode, HttpStatus> = {
  [PrivacyErrorCode.PERSONAL_DATA_IN_NAME]: HttpStatus.UNPROCESSABLE_ENTITY,
  [PrivacyErrorCode.OTHER_PERSONS_DATA]: HttpStatus.UNPROCESSABLE_ENTITY,
};
