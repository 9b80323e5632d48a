import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BusinessCalendarRepository } from '../admin/business-calendar.repository.js';
import type { ComplaintEntity } from '../complaints/complaint.entity.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { PublicLinkService } from '../public/public-link.service.js';

/** What every customer message template needs about its complaint: language, time zone, team, link. */
@Injectable()
export class MessageContext {
  constructor(
    private readonly calendars: BusinessCalendarRepository,
    private readonly complaints: ComplaintsRepository,
    private readonly links: PublicLinkService,
  ) {}

  async of(manager: EntityManager, complaint: ComplaintEntity) {
    const calendar = await this.calendars.current(manager);
    const team = await this.complaints.findDepartmentName(manager, complaint.owningDepartmentId);
    return {
      language: complaint.customerLanguage,
      timeZone: calendar.timeZone,
      reference: complaint.reference,
      teamName: team?.name ?? 'customer care',
      publicUrl: this.links.urlFor(complaint.id),
    };
  }
}
