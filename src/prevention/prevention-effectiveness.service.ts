import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { EffectivenessViewDto } from './dto/effectiveness-view.dto.js';
import type { Window } from './effectiveness.js';
import { effectivenessView } from './prevention-action-view.js';
import { PreventionActionsRepository } from './prevention-actions.repository.js';
import { preventionActionNotFound } from './prevention-actions.service.js';

/** How a prevention action is doing: the baseline, the figures after done (so far, or as checked), every check. */
@Injectable()
export class PreventionEffectivenessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: PreventionActionsRepository,
    private readonly clock: Clock,
  ) {}

  async effectiveness(id: string): Promise<EffectivenessViewDto> {
    const row = await this.actions.findView(id);
    if (!row) throw preventionActionNotFound();
    const checks = await this.actions.checksOf(id);
    let soFar: Window | null = null;
    if (row.status === 'verifying' && row.doneAt) {
      // From done to now, but no further than the check will measure; never before done (a clock set back).
      const now = this.clock.now().getTime();
      const to = new Date(Math.max(row.doneAt.getTime(), Math.min(now, row.verificationDueAt?.getTime() ?? now)));
      soFar = { from: row.doneAt, to, count: await this.actions.countMatchingComplaints(this.dataSource.manager, row, row.doneAt, to) };
    }
    return effectivenessView(row, checks, soFar);
  }
}
