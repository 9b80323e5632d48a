import { HttpStatus } from '@nestjs/common';
import { AdminErrorCode } from '../admin/admin-error-code.js';
import { AuthErrorCode } from '../auth/auth-error-code.js';
import { ComplaintErrorCode } from '../complaints/complaint-error-code.js';
import { HandoffErrorCode } from '../handoffs/handoff-error-code.js';
import { ResolutionErrorCode } from '../resolution/resolution-error-code.js';
import { EmpathyGuardErrorCode } from '../empathy-guard/empathy-guard-error-code.js';
import { PREVENTION_HTTP_STATUS, PreventionErrorCode } from '../prevention/prevention-error-code.js';
import { ROOT_CAUSE_HTTP_STATUS, RootCauseErrorCode } from '../root-causes/root-cause-error-code.js';
import { COMMITTEE_HTTP_STATUS, CommitteeErrorCode } from '../committees/committee-error-code.js';
import { AGENDA_HTTP_STATUS, AgendaErrorCode } from '../agenda/agenda-error-code.js';
import { DELIVERY_HTTP_STATUS, DeliveryErrorCode } from '../delivery/delivery-error-code.js';
import { WEBHOOK_HTTP_STATUS, WebhookErrorCode } from '../webhooks/webhook-error-code.js';
import { STAFF_TASK_HTTP_STATUS, StaffTaskErrorCode } from '../sla/staff-task-error-code.js';
import { PRIVACY_HTTP_STATUS, PrivacyErrorCode } from '../privacy/privacy-error-code.js';

export { HandoffErrorCode, ResolutionErrorCode, AdminErrorCode, AuthErrorCode, ComplaintErrorCode, EmpathyGuardErrorCode, PreventionErrorCode, RootCauseErrorCode, CommitteeErrorCode, AgendaErrorCode };

/** Errors any endpoint can answer. */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_BODY = 'MALFORMED_BODY',
  BODY_TOO_LARGE = 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_IF_MATCH = 'INVALID_IF_MATCH',
  INTERNAL = 'INTERNAL',
}

export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | AdminErrorCode
  | ComplaintErrorCode
  | EmpathyGuardErrorCode
  | HandoffErrorCode
  | ResolutionErrorCode
  | RootCauseErrorCode
  | PreventionErrorCode
  | CommitteeErrorCode
  | AgendaErrorCode
  | DeliveryErrorCode
  | WebhookErrorCode
  | StaffTaskErrorCode
  | PrivacyErrorCode;

/**
 * Every code has a status: a new code without one here does not compile. Newer features keep their map beside
 * their enum (typed the same way) and are spread in here.
 */
export const HTTP_STATUS_OF: Record<ErrorCode, HttpStatus> = {
  [CommonErrorCode.VALIDATION_FAILED]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.MALFORMED_BODY]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BODY_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [CommonErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [CommonErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
  [AuthErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [AdminErrorCode.DEPARTMENT_CODE_TAKEN]: HttpStatus.CONFLICT,
  [AdminErrorCode.DEPARTMENT_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AdminErrorCode.STAFF_EMAIL_TAKEN]: HttpStatus.CONFLICT,
  [AdminErrorCode.CATEGORY_CODE_TAKEN]: HttpStatus.CONFLICT,
  [AdminErrorCode.INVALID_CALENDAR]: HttpStatus.BAD_REQUEST,
  [ComplaintErrorCode.COMPLAINT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ComplaintErrorCode.UNKNOWN_CATEGORY]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ComplaintErrorCode.IDEMPOTENCY_KEY_REUSED]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ComplaintErrorCode.ILLEGAL_TRANSITION]: HttpStatus.CONFLICT,
  [ComplaintErrorCode.STALE_VERSION]: HttpStatus.PRECONDITION_FAILED,
  [CommonErrorCode.INVALID_IF_MATCH]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.INVALID_CURSOR]: HttpStatus.BAD_REQUEST,
  [ComplaintErrorCode.EXPECTED_DATE_IN_PAST]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ComplaintErrorCode.CONTACT_MISSING_FOR_CHANNEL]: HttpStatus.BAD_REQUEST,
  [ComplaintErrorCode.ALREADY_WAITING_FOR_CUSTOMER]: HttpStatus.CONFLICT,
  [ComplaintErrorCode.NO_OPEN_INFORMATION_REQUEST]: HttpStatus.CONFLICT,
  [ComplaintErrorCode.DELAY_NEEDS_REASON]: HttpStatus.BAD_REQUEST,
  [HandoffErrorCode.HANDOFF_TO_SAME_DEPARTMENT]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HandoffErrorCode.HANDOFF_DEPARTMENT_NOT_FOUND]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HandoffErrorCode.ASSIGNEE_NOT_IN_DEPARTMENT]: HttpStatus.UNPROCESSABLE_ENTITY,
  [HandoffErrorCode.CONTEXT_NOTE_COPIES_DESCRIPTION]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ResolutionErrorCode.REMEDY_REQUIRED]: HttpStatus.BAD_REQUEST,
  [ResolutionErrorCode.REFUSAL_NEEDS_REASON_AND_NEXT_STEPS]: HttpStatus.BAD_REQUEST,
  [ResolutionErrorCode.NOTHING_TO_RATE]: HttpStatus.CONFLICT,
  [ResolutionErrorCode.FEEDBACK_ALREADY_GIVEN]: HttpStatus.CONFLICT,
  [ResolutionErrorCode.NOTHING_TO_DISPUTE]: HttpStatus.CONFLICT,
  [EmpathyGuardErrorCode.MESSAGE_BLOCKED]: HttpStatus.UNPROCESSABLE_ENTITY,
  ...ROOT_CAUSE_HTTP_STATUS,
  ...PREVENTION_HTTP_STATUS,
  ...COMMITTEE_HTTP_STATUS,
  ...AGENDA_HTTP_STATUS,
  ...DELIVERY_HTTP_STATUS,
  ...WEBHOOK_HTTP_STATUS,
  ...STAFF_TASK_HTTP_STATUS,
  ...PRIVACY_HTTP_STATUS,
};
