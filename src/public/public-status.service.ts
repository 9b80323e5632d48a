import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusinessCalendarRepository } from '../admin/business-calendar.repository.js';
import { AppError } from '../common/app-error.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { ComplaintsRepository } from '../complaints/complaints.repository.js';
import { customerLocale } from './customer-locale.js';
import { customerStatusView, type CustomerStatusView } from './customer-status.js';
import { customerLanguage } from './i18n/translations.js';
import { PublicLinkService } from './public-link.service.js';
import { PublicStatusRepository } from './public-status.repository.js';

export interface CustomerStatusPage {
  view: CustomerStatusView;
  /** The organisation's time zone, in which the HTML page writes its dates. */
  timeZone: string;
}

@Injectable()
export class PublicStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PublicLinkService,
    private readonly complaints: ComplaintsRepository,
    private readonly statusReads: PublicStatusRepository,
    private readonly calendars: BusinessCalendarRepository,
  ) {}

  async forToken(token: string): Promise<CustomerStatusPage> {
    const digest = this.links.digestOf(token);
    const complaint = digest ? await this.complaints.findByPublicTokenHash(digest) : null;
    // One answer for a malformed and an unknown link: nothing to learn by probing.
    if (!complaint) throw new AppError(CommonErrorCode.NOT_FOUND, 'This status link is not valid');
    const manager = this.dataSource.manager;
    const [events, openInformationRequest, latestResolution, calendar] = await Promise.all([
      this.statusReads.publicTimeline(manager, complaint.id),
      this.statusReads.openInformationRequest(manager, complaint.id),
      this.statusReads.latestResolution(manager, complaint.id),
      this.calendars.current(manager),
    ]);
    const locale = customerLocale(customerLanguage(complaint.customerLanguage), calendar.timeZone);
    return {
      view: customerStatusView({ complaint, events, openInformationRequest, latestResolution }, locale),
      timeZone: calendar.timeZone,
    };
  }
}
