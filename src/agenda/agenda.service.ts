import { Inject, Injectable } from '@nestjs/common';
import { WebhookEventsRepository } from '../webhooks/webhook-events.repository.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AgendaPublisher } from '../committees/agenda-publisher.js';
import { meetingNotFound } from '../committees/meetings.service.js';
import { MeetingsRepository } from '../committees/meetings.repository.js';
import { MinutesRepository } from '../committees/minutes.repository.js';
import { ENV } from '../config/env.provider.js';
import type { Env } from '../config/env.js';
import { precedingPeriods } from '../kpis/kpi-periods.js';
import { KpisService } from '../kpis/kpis.service.js';
import { OutboxRepository } from '../notifications/outbox.repository.js';
import { StaffNotificationsRepository } from '../notifications/staff-notifications.repository.js';
import { PrivacyService } from '../privacy/privacy.service.js';
import { stringsIn } from '../privacy/redaction.js';
import { buildAgenda, contentHash, KPI_SERIES_LENGTH } from './agenda-builder.js';
import type { AgendaContent } from './agenda-content.js';
import { AgendaErrorCode } from './agenda-error-code.js';
import { formatDateTime } from './agenda-format.js';
import { agendaKpis } from './agenda-kpis.js';
import { agendaPeriod } from './agenda-period.js';
import { AgendaSectionsRepository } from './agenda-sections.repository.js';
import type { AgendaTrigger } from './agenda-version.entity.js';
import { AgendaVersionsRepository, type AgendaVersionRow } from './agenda-versions.repository.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export const AGENDA_FORMATS = ['json', 'md', 'html'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

/** What POST /api/meetings/:id/agenda answers. */
export interface AgendaVersionSummary {
  version: number;
  contentHash: string;
  generatedAt: Date;
}

/** The JSON format: the stored version with its content. */
export interface AgendaVersionView extends AgendaVersionSummary {
  meetingId: string;
  trigger: AgendaTrigger;
  period: { from: Date; to: Date };
  content: AgendaContent;
}

/** A version in the format asked for; `body` is a string for md and html. */
export interface RenderedAgenda {
  version: number;
  contentHash: string;
  body: AgendaVersionView | string;
}

/**
 * Generates, stores and serves a meeting's agenda (issue 5). Generation is one transaction under the meeting's row
 * lock: read the figures, build the content (agenda-builder.ts: redaction, no names, flags), insert the next
 * immutable version, notify the member departments (their inbox and, through the outbox, an e-mail to their heads) and mark the meeting as having an agenda, all or nothing.
 *
 * The transaction is READ COMMITTED, not REPEATABLE READ: a second generation of the same meeting waits for the row
 * lock and must then see the version the first one committed (a REPEATABLE READ snapshot taken before the wait would
 * not, and its lock would fail with a serialisation error instead of numbering the next version). The cost is that the
 * sections are read in successive snapshots; they are read in a few hundred milliseconds, against periods that have
 * mostly ended.
 */
@Injectable()
export class AgendaService extends AgendaPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: AgendaVersionsRepository,
    private readonly sections: AgendaSectionsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly minutes: MinutesRepository,
    private readonly kpis: KpisService,
    private readonly outbox: OutboxRepository,
    private readonly staffNotifications: StaffNotificationsRepository,
    private readonly clock: Clock,
    private readonly webhookEvents: WebhookEventsRepository,
    private readonly privacy: PrivacyService,
    @Inject(ENV) private readonly env: Env,
  ) {
    super();
  }

  /** POST /api/meetings/:id/agenda: a new version now, whether the meeting had one or not. */
  async generate(meetingId: string): Promise<AgendaVersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const summary = await this.publish(manager, meetingId, 'on_demand');
      // So the scheduler does not publish another at agenda_due_at (it only publishes meetings without one).
      await this.meetings.markAgendaPublished(manager, meetingId, summary.generatedAt);
      return summary;
    });
  }

  /**
   * The scheduler's seam (agenda-publisher.ts): inside its transaction, with the meeting locked; the scheduler marks
   * the meeting itself, in the same transaction.
   */
  async publishFor(manager: EntityManager, meetingId: string): Promise<void> {
    await this.publish(manager, meetingId, 'scheduled');
  }

  /** GET /api/meetings/:id/agenda: the latest version, or the one numbered `version`, in `format`. */
  async render(meetingId: string, format: AgendaFormat, version?: number): Promise<RenderedAgenda> {
    const manager = this.dataSource.manager;
    const row = await this.versions.findVersion(manager, meetingId, version);
    if (!row) {
      if (!(await this.versions.meetingExists(manager, meetingId))) throw meetingNotFound();
      throw new AppError(
        AgendaErrorCode.AGENDA_NOT_FOUND,
        version === undefined ? 'The meeting has no agenda yet' : `The meeting has no agenda version ${version}`,
      );
    }
    const body = format === 'md' ? renderMarkdown(row.content) : format === 'html' ? renderHtml(row.content) : viewOf(row);
    return { version: row.version, contentHash: row.contentHash, body };
  }

  private async publish(manager: EntityManager, meetingId: string, trigger: AgendaTrigger): Promise<AgendaVersionSummary> {
    if (!(await this.versions.lockMeeting(manager, meetingId))) throw meetingNotFound();
    const meeting = (await this.versions.findMeetingContext(manager, meetingId))!;
    const now = this.clock.now();
    const period = agendaPeriod({
      startsAt: meeting.startsAt,
      previousStartsAt: meeting.previousStartsAt,
      nextStartsAt: meeting.nextStartsAt,
      cadence: meeting.committee.cadence,
      timeZone: meeting.committee.timeZone,
    });
    const series = await this.kpis.series(precedingPeriods(period.from, period.to, KPI_SERIES_LENGTH), manager);
    const sections = await this.sections.loadSections(manager, { from: period.from, to: period.to, now, dueBefore: period.dueBefore });
    const followUps = await this.minutes.followUpsFor(manager, meetingId);
    const people = await this.privacy.peopleFor(manager, stringsIn([sections, followUps.decisions, meeting.committee.name, meeting.memberDepartments]), period);
    const content = buildAgenda({
      committee: {
        id: meeting.committee.id,
        name: meeting.committee.name,
        timeZone: meeting.committee.timeZone,
        memberDepartments: meeting.memberDepartments.map((d) => d.name),
      },
      meeting: { id: meeting.id, startsAt: meeting.startsAt },
      period: { from: period.from, to: period.to },
      kpis: agendaKpis(series),
      sections,
      followUps: followUps.decisions,
      people,
      now,
    });
    const hash = contentHash(content);
    const stored = await this.versions.insertNext(manager, {
      meetingId,
      periodFrom: period.from,
      periodTo: period.to,
      content,
      contentHash: hash,
      trigger,
      generatedAt: now,
    });
    const departmentIds = meeting.memberDepartments.map((d) => d.id);
    const notice = this.noticeBody(meeting.id, content.committee.name, meeting.startsAt, meeting.committee.timeZone, stored.version);
    await this.staffNotifications.announceAgendaVersion(manager, { agendaVersionId: stored.id, departmentIds, body: notice, createdAt: now });
    await this.outbox.enqueueForDepartmentHeads(manager, {
      departmentIds,
      purpose: 'agenda_published',
      body: notice,
      dedupePrefix: `agenda_published:${stored.id}`,
      availableAt: now,
    });
    await this.webhookEvents.emit(
      manager,
      'agenda.published',
      {
        meetingId,
        committeeId: meeting.committee.id,
        version: stored.version,
        trigger,
        startsAt: meeting.startsAt.toISOString(),
        departmentIds,
        links: { agenda: this.webhookEvents.apiLink(`/api/meetings/${meetingId}/agenda?version=${stored.version}`), invite: this.webhookEvents.apiLink(`/api/meetings/${meetingId}/invite.ics`) },
      },
      now,
    );
    return { version: stored.version, contentHash: hash, generatedAt: now };
  }

  /** Plain words and a link; nothing of the agenda itself, which is read where roles are checked. */
  private noticeBody(meetingId: string, committeeName: string, startsAt: Date, timeZone: string, version: number): string {
    const link = `${this.env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/api/meetings/${meetingId}/agenda?format=html&version=${version}`;
    const what = version === 1 ? 'The agenda' : `Version ${version} of the agenda`;
    return `${what} of ${committeeName} for the meeting on ${formatDateTime(startsAt, timeZone)} is published: ${link}`;
  }
}

/**
 * jsonb keeps an object's keys in its own order (shorter keys first), so the content's top level is put back in
 * reading order (agenda-builder.ts builds it so) for the JSON format.
 */
function viewOf(row: AgendaVersionRow): AgendaVersionView {
  const c = row.content;
  const content: AgendaContent = {
    formatVersion: c.formatVersion,
    committee: c.committee,
    meeting: c.meeting,
    period: c.period,
    generatedAt: c.generatedAt,
    kpis: c.kpis,
    themes: c.themes,
    recurringProblems: c.recurringProblems,
    preventionActions: c.preventionActions,
    whereWorkWaits: c.whereWorkWaits,
    refusalReview: c.refusalReview,
    suggestions: c.suggestions,
    followUps: c.followUps,
    flags: c.flags,
  };
  return {
    meetingId: row.meetingId,
    version: row.version,
    contentHash: row.contentHash,
    trigger: row.trigger,
    generatedAt: row.generatedAt,
    period: { from: row.periodFrom, to: row.periodTo },
    content,
  };
}
