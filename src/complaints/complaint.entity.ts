import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CategoryEntity } from '../admin/category.entity.js';
import { DepartmentEntity } from '../admin/department.entity.js';
import { PreventionActionEntity } from '../prevention/prevention-action.entity.js';
import { RootCauseEntity } from '../root-causes/root-cause.entity.js';
import type { Severity } from '../sla/sla-targets.js';
import type { ComplaintStatus } from './complaint-workflow.js';

export type ComplaintType = 'complaint' | 'suggestion';
export type IntakeChannel = 'phone' | 'email' | 'web' | 'in_person' | 'social' | 'letter' | 'api';
export type ContactChannel = 'email' | 'phone' | 'sms' | 'letter' | 'portal';
export type ResolutionOutcome = 'upheld' | 'partially_upheld' | 'not_upheld';

@Entity('complaints')
@Unique('uq_complaints_reference', ['reference'])
@Unique('uq_complaints_public_token_hash', ['publicTokenHash'])
@Unique('uq_complaints_idempotency', ['idempotencyPrincipalId', 'idempotencyKey'])
@Check('ck_complaints_type', `"type" IN ('complaint', 'suggestion')`)
@Check('ck_complaints_channel', `"channel" IN ('phone', 'email', 'web', 'in_person', 'social', 'letter', 'api')`)
@Check('ck_complaints_severity', `"severity" IN ('low', 'medium', 'high', 'critical')`)
@Check('ck_complaints_status', `"status" IN ('received', 'acknowledged', 'in_resolution', 'resolved', 'reopened', 'closed')`)
@Check('ck_complaints_preferred_channel', `"preferred_channel" IN ('email', 'phone', 'sms', 'letter', 'portal')`)
@Check('ck_complaints_excluded_channels', `"customer_excluded_channels" <@ ARRAY['email', 'phone', 'sms', 'letter']::text[] AND NOT "preferred_channel" = ANY ("customer_excluded_channels")`)
@Check('ck_complaints_version', `"version" >= 1`)
@Check('ck_complaints_outcome', `"outcome" IS NULL OR "outcome" IN ('upheld', 'partially_upheld', 'not_upheld')`)
@Check('ck_complaints_suggestion_has_no_clocks', `"type" = 'complaint' OR ("first_response_due_at" IS NULL AND "resolution_due_at" IS NULL)`)
@Check('ck_complaints_due_after_receipt', `"first_response_due_at" IS NULL OR "first_response_due_at" >= "received_at"`)
@Index('ix_complaints_received', ['receivedAt', 'id'])
@Index('ix_complaints_status_received', ['status', 'receivedAt', 'id'])
@Index('ix_complaints_department_received', ['owningDepartmentId', 'receivedAt', 'id'])
@Index('ix_complaints_category_received', ['categoryId', 'receivedAt', 'id'])
@Index('ix_complaints_first_response_due', ['firstResponseDueAt'], { where: `"first_responded_at" IS NULL AND "first_response_breached_at" IS NULL` })
@Index('ix_complaints_at_risk_due', ['atRiskDueAt'], { where: `"at_risk_at" IS NULL AND "status" IN ('received', 'acknowledged', 'in_resolution', 'reopened')` })
@Index('ix_complaints_keep_informed_due', ['keepInformedDueAt'], { where: `"status" IN ('received', 'acknowledged', 'in_resolution', 'reopened') AND "keep_informed_task_raised_at" IS NULL` })
@Index('ix_complaints_root_cause_received', ['rootCauseCode', 'receivedAt'], { where: `"root_cause_code" IS NOT NULL` })
// The KPIs read the ends of a period that are not whole hours or days of their aggregates from these (AddKpiAggregates).
@Index('ix_complaints_cause_category_received', ['rootCauseCode', 'categoryId', 'receivedAt'], { where: `"type" = 'complaint' AND "root_cause_code" IS NOT NULL` })
@Index('ix_complaints_unanswered_received', ['receivedAt'], { where: `"type" = 'complaint' AND "first_responded_at" IS NULL` })
@Index('ix_complaints_prevention_action', ['preventionActionId'], { where: `"prevention_action_id" IS NOT NULL` })
// Indexes the entity cannot describe (GIN, expressions), made by the AddCustomerLookups migration.
@Index('ix_complaints_customer_name_keys', { synchronize: false })
@Index('ix_complaints_customer_email_lower', { synchronize: false })
@Index('ix_complaints_customer_phone_digits', { synchronize: false })
// "Similar complaints" and knownIssues: the summary's words (all complaints, and those linked to a prevention action)
// and the summary ignoring case, by category and by root cause. Expression indexes the entity cannot declare, created
// by the migration 1796212000000-IndexSummaryWords.
@Index('ix_complaints_summary_words', { synchronize: false })
@Index('ix_complaints_summary_words_known', { synchronize: false })
@Index('ix_complaints_category_summary', { synchronize: false })
@Index('ix_complaints_root_cause_summary', { synchronize: false })
@Check('ck_complaints_root_cause_link', `"root_cause_code" IS NULL OR (("prevention_action_id" IS NOT NULL) <> ("no_systemic_cause_justification" IS NOT NULL))`)
@Index('ix_complaints_resolution_due', ['resolutionDueAt'], { where: `"status" IN ('received', 'acknowledged', 'in_resolution', 'reopened') AND "resolution_breached_at" IS NULL` })
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_complaints' })
  id: string;

  /** Human-readable, e.g. CMP-2026-000123, numbered by a database sequence. */
  @Column('text')
  reference: string;

  @Column('text')
  type: ComplaintType;

  @Column('text')
  channel: IntakeChannel;

  @Column('uuid', { name: 'category_id' })
  categoryId: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_complaints_category' })
  category?: CategoryEntity;

  @Column('text')
  severity: Severity;

  @Column('text')
  summary: string;

  @Column('text')
  description: string;

  @Column('text', { name: 'desired_outcome', nullable: true })
  desiredOutcome: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('text')
  status: ComplaintStatus;

  /** Optimistic concurrency: bumped by every change, compared with If-Match. */
  @Column('integer')
  version: number;

  /** The team that owns the complaint now; customers see its name, never a person's. */
  @Column('uuid', { name: 'owning_department_id' })
  owningDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owning_department_id', foreignKeyConstraintName: 'fk_complaints_owning_department' })
  owningDepartment?: DepartmentEntity;

  @Column('text', { name: 'customer_external_ref', nullable: true })
  customerExternalRef: string | null;

  @Column('text', { name: 'customer_name' })
  customerName: string;

  /** The name's words as the redaction looks them up (src/privacy/redaction.ts nameKeys); GIN-indexed. */
  @Column('text', { name: 'customer_name_keys', array: true, default: () => `'{}'` })
  customerNameKeys: string[];

  @Column('text', { name: 'customer_email', nullable: true })
  customerEmail: string | null;

  @Column('text', { name: 'customer_phone', nullable: true })
  customerPhone: string | null;

  @Column('text', { name: 'customer_postal_address', nullable: true })
  customerPostalAddress: string | null;

  @Column('text', { name: 'preferred_channel' })
  preferredChannel: ContactChannel;

  /** Channels the customer asked us never to use; a fallback after unanswered calls skips them. */
  @Column('text', { name: 'customer_excluded_channels', array: true, default: () => `'{}'` })
  customerExcludedChannels: ContactChannel[];

  @Column('text', { name: 'contact_instructions', nullable: true })
  contactInstructions: string | null;

  @Column('text', { name: 'customer_language' })
  customerLanguage: string;

  @Column('timestamptz', { name: 'first_response_due_at', nullable: true })
  firstResponseDueAt: Date | null;

  @Column('timestamptz', { name: 'resolution_due_at', nullable: true })
  resolutionDueAt: Date | null;

  @Column('timestamptz', { name: 'first_responded_at', nullable: true })
  firstRespondedAt: Date | null;

  @Column('boolean', { name: 'first_response_on_time', nullable: true })
  firstResponseOnTime: boolean | null;

  @Column('timestamptz', { name: 'first_response_breached_at', nullable: true })
  firstResponseBreachedAt: Date | null;

  /** Set while an information request waits for the customer: the SLA clocks stand still. */
  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt: Date | null;

  /** When the complaint is flagged at risk: a share of its resolution window (organisation settings), in business time. */
  @Column('timestamptz', { name: 'at_risk_due_at', nullable: true })
  atRiskDueAt: Date | null;

  @Column('timestamptz', { name: 'at_risk_at', nullable: true })
  atRiskAt: Date | null;

  @Column('timestamptz', { name: 'resolution_breached_at', nullable: true })
  resolutionBreachedAt: Date | null;

  /** The last time the customer heard from us: the keep-informed clock runs from here. */
  @Column('timestamptz', { name: 'last_customer_update_at', nullable: true })
  lastCustomerUpdateAt: Date | null;

  /** When the customer is owed news again; the sweep raises a keep-informed task past it. */
  @Column('timestamptz', { name: 'keep_informed_due_at', nullable: true })
  keepInformedDueAt: Date | null;

  /**
   * When the sweep raised the keep-informed task that is still open; cleared when the customer hears from us. It
   * keeps complaints already reminded out of the sweep's index, so an idle tick reads nothing.
   */
  @Column('timestamptz', { name: 'keep_informed_task_raised_at', nullable: true })
  keepInformedTaskRaisedAt: Date | null;

  @Column('text', { nullable: true })
  outcome: ResolutionOutcome | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  /** The process-oriented cause recorded before closing; with a prevention action or a justified "no systemic cause". */
  @Column('text', { name: 'root_cause_code', nullable: true })
  rootCauseCode: string | null;

  @ManyToOne(() => RootCauseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'root_cause_code', foreignKeyConstraintName: 'fk_complaints_root_cause' })
  rootCause?: RootCauseEntity;

  @Column('text', { name: 'root_cause_description', nullable: true })
  rootCauseDescription: string | null;

  @Column('uuid', { name: 'prevention_action_id', nullable: true })
  preventionActionId: string | null;

  @ManyToOne(() => PreventionActionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prevention_action_id', foreignKeyConstraintName: 'fk_complaints_prevention_action' })
  preventionAction?: PreventionActionEntity;

  @Column('text', { name: 'no_systemic_cause_justification', nullable: true })
  noSystemicCauseJustification: string | null;

  @Column('timestamptz', { name: 'root_cause_recorded_at', nullable: true })
  rootCauseRecordedAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { name: 'expected_resolution_by', nullable: true })
  expectedResolutionBy: Date | null;

  /** The next step as last told to the customer; their status page shows it. */
  @Column('text', { name: 'customer_next_step', nullable: true })
  customerNextStep: string | null;

  @Column('text', { name: 'public_token_hash' })
  publicTokenHash: string;

  @Column('uuid', { name: 'idempotency_principal_id', nullable: true })
  idempotencyPrincipalId: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  /** Digest of the intake body, so a reused key with a different body is refused. */
  @Column('text', { name: 'intake_hash' })
  intakeHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
