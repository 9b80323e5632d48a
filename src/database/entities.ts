import { BusinessCalendarEntity } from '../admin/business-calendar.entity.js';
import { CategoryEntity } from '../admin/category.entity.js';
import { DepartmentEntity } from '../admin/department.entity.js';
import { ApiClientEntity } from '../auth/api-client.entity.js';
import { StaffEntity } from '../auth/staff.entity.js';
import { ComplaintEventEntity } from '../complaints/complaint-event.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { OutboxMessageEntity } from '../notifications/outbox-message.entity.js';
import { InstanceSecretEntity } from './instance-secret.entity.js';
import { ComplaintNoteEntity } from '../complaints/complaint-note.entity.js';
import { InformationRequestEntity } from '../complaints/information-request.entity.js';
import { HandoffEntity } from '../handoffs/handoff.entity.js';
import { StaffNotificationEntity } from '../notifications/staff-notification.entity.js';
import { CustomerFeedbackEntity } from '../resolution/customer-feedback.entity.js';
import { ResolutionEntity } from '../resolution/resolution.entity.js';
import { OrganisationSettingsEntity } from '../settings/organisation-settings.entity.js';
import { StaffTaskEntity } from '../sla/staff-task.entity.js';
import { EffectivenessCheckEntity } from '../prevention/effectiveness-check.entity.js';
import { PreventionActionEntity } from '../prevention/prevention-action.entity.js';
import { RootCauseEntity } from '../root-causes/root-cause.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import { CommitteeMemberEntity } from '../committees/committee-member.entity.js';
import { MeetingEntity } from '../committees/meeting.entity.js';
import { MeetingMinutesEntity } from '../committees/meeting-minutes.entity.js';
import { MeetingAttendeeEntity } from '../committees/meeting-attendee.entity.js';
import { MeetingDecisionEntity } from '../committees/meeting-decision.entity.js';
import { AgendaVersionEntity } from '../agenda/agenda-version.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';

/** Listed by hand: ES modules cannot be found by a glob at run time in both Jest and the build. */
export const ENTITIES = [
  DepartmentEntity,
  StaffEntity,
  ApiClientEntity,
  CategoryEntity,
  BusinessCalendarEntity,
  ComplaintEntity,
  ComplaintEventEntity,
  OutboxMessageEntity,
  InstanceSecretEntity,
  HandoffEntity,
  ComplaintNoteEntity,
  InformationRequestEntity,
  ResolutionEntity,
  CustomerFeedbackEntity,
  StaffTaskEntity,
  StaffNotificationEntity,
  OrganisationSettingsEntity,
  RootCauseEntity,
  PreventionActionEntity,
  EffectivenessCheckEntity,
  CommitteeEntity,
  CommitteeMemberEntity,
  MeetingEntity,
  MeetingMinutesEntity,
  MeetingAttendeeEntity,
  MeetingDecisionEntity,
  AgendaVersionEntity,
  WebhookEntity,
];
