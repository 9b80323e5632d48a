import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '../sla/business-calendar.js';
import { BusinessCalendarEntity } from './business-calendar.entity.js';

export function toBusinessCalendar(row: BusinessCalendarEntity): BusinessCalendar {
  return {
    timeZone: row.timeZone,
    workingDays: row.workingDays,
    workingHours: { start: row.workStartsAt, end: row.workEndsAt },
    holidays: row.holidays,
  };
}

@Injectable()
export class BusinessCalendarRepository {
  /** The calendar row always exists: the first migration seeds it. */
  async current(manager: EntityManager): Promise<BusinessCalendar> {
    return toBusinessCalendar(await manager.getRepository(BusinessCalendarEntity).findOneByOrFail({ id: 1 }));
  }

  async replace(manager: EntityManager, calendar: BusinessCalendar): Promise<void> {
    await manager.getRepository(BusinessCalendarEntity).save({
      id: 1,
      timeZone: calendar.timeZone,
      workingDays: calendar.workingDays,
      workStartsAt: calendar.workingHours.start,
      workEndsAt: calendar.workingHours.end,
      holidays: calendar.holidays,
    });
  }
}
