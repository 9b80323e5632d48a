import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Organisation-wide rules that admins tune; one row, seeded by the migration. */
@Entity('organisation_settings')
@Check('ck_organisation_settings_single_row', `"id" = 1`)
@Check('ck_organisation_settings_at_risk_share', `"at_risk_share" > 0 AND "at_risk_share" < 1`)
@Check('ck_organisation_settings_keep_informed', `"keep_informed_business_days" BETWEEN 1 AND 60`)
@Check('ck_organisation_settings_referral_days', `"referral_time_limit_days" BETWEEN 1 AND 3650`)
@Check('ck_organisation_settings_call_attempts', `"call_attempts" BETWEEN 1 AND 10`)
@Check('ck_organisation_settings_call_retry', `"call_retry_minutes" BETWEEN 5 AND 10080`)
export class OrganisationSettingsEntity {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'pk_organisation_settings' })
  id: number;

  /** Who a refused customer can escalate to, e.g. "the Consumer Rights Protection Centre (www.ptac.gov.lv)". */
  @Column('text', { name: 'referral_escalate_to' })
  referralEscalateTo: string;

  /** How many days the customer has to escalate. */
  @Column('integer', { name: 'referral_time_limit_days' })
  referralTimeLimitDays: number;

  /** Share of the resolution window after which an open complaint is flagged at risk. */
  @Column('numeric', { name: 'at_risk_share', precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  atRiskShare: number;

  /** The customer hears from us at least this often (business days) while the complaint is open. */
  @Column('integer', { name: 'keep_informed_business_days' })
  keepInformedBusinessDays: number;

  /** Unanswered calls to one number before the message falls back to the customer's other stated contact. */
  @Column('integer', { name: 'call_attempts', default: 3 })
  callAttempts: number;

  /** How long after an unanswered call the next try is due. */
  @Column('integer', { name: 'call_retry_minutes', default: 120 })
  callRetryMinutes: number;
}
