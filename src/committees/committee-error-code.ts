import { HttpStatus } from '@nestjs/common';

export enum CommitteeErrorCode {
  COMMITTEE_NOT_FOUND = 'COMMITTEE_NOT_FOUND',
  COMMITTEE_NAME_TAKEN = 'COMMITTEE_NAME_TAKEN',
  MEETING_NOT_FOUND = 'MEETING_NOT_FOUND',
  /** The committee already has a meeting starting at that instant (scheduled or added by hand). */
  MEETING_ALREADY_SCHEDULED = 'MEETING_ALREADY_SCHEDULED',
  /** A meeting added by hand must start in the future: the agenda and the invite are for meetings to come. */
  MEETING_IN_PAST = 'MEETING_IN_PAST',
  /** Minutes record what a meeting decided, so they wait until it has started. */
  MEETING_NOT_STARTED = 'MEETING_NOT_STARTED',
  /** A meeting's minutes are recorded once and not rewritten afterwards. */
  MINUTES_ALREADY_RECORDED = 'MINUTES_ALREADY_RECORDED',
}

export const COMMITTEE_HTTP_STATUS: Record<CommitteeErrorCode, HttpStatus> = {
  [CommitteeErrorCode.COMMITTEE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommitteeErrorCode.COMMITTEE_NAME_TAKEN]: HttpStatus.CONFLICT,
  [CommitteeErrorCode.MEETING_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommitteeErrorCode.MEETING_ALREADY_SCHEDULED]: HttpStatus.CONFLICT,
  [CommitteeErrorCode.MEETING_IN_PAST]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CommitteeErrorCode.MEETING_NOT_STARTED]: HttpStatus.CONFLICT,
  [CommitteeErrorCode.MINUTES_ALREADY_RECORDED]: HttpStatus.CONFLICT,
};
