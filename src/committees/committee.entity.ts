import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A customer committee (PRODUCT.md, "Committee agenda"): department heads who meet on a cadence to review complaints
 * without blame. Its meetings follow `cadence`, a 5-field cron rule read in `time_zone`, so "Mondays 10:00" stays
 * 10:00 local time on both sides of a daylight-saving change.
 */
@Entity('committees')
@Unique('uq_committees_name', ['name'])
@Check('ck_committees_duration', `"duration_minutes" BETWEEN 5 AND 1440`)
@Check('ck_committees_agenda_lead', `"agenda_lead_days" BETWEEN 0 AND 60`)
@Index('ix_committees_created', ['createdAt', 'id'])
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_committees' })
  id: string;

  @Column('text')
  name: string;

  /** A 5-field cron rule (minute hour day-of-month month day-of-week), validated when the committee is created. */
  @Column('text')
  cadence: string;

  /** IANA name, canonical spelling (e.g. Europe/Riga). */
  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes: number;

  /** How many calendar days (in the committee's time zone) before a meeting its agenda is generated. */
  @Column('integer', { name: 'agenda_lead_days' })
  agendaLeadDays: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
