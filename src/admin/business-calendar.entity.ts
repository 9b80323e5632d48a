import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The organisation's one business calendar; SLA clocks run only inside it. */
@Entity('business_calendar')
@Check('ck_business_calendar_single_row', `"id" = 1`)
export class BusinessCalendarEntity {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'pk_business_calendar' })
  id: number;

  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Column('smallint', { name: 'working_days', array: true })
  workingDays: number[];

  @Column('text', { name: 'work_starts_at' })
  workStartsAt: string;

  @Column('text', { name: 'work_ends_at' })
  workEndsAt: string;

  @Column('text', { array: true })
  holidays: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
