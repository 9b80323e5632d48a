import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrivacyService } from '../privacy/privacy.service.js';
import type { ThemesQuery } from './dto/themes.query.js';
import { SimilarComplaintsRepository, type ThemeCount } from './similar-complaints.repository.js';
import { themePeriod, type ThemePeriod } from './theme-period.js';

export interface Themes extends ThemePeriod {
  items: ThemeCount[];
  /** The items that grew since the previous period, in the same order. */
  rising: ThemeCount[];
}

@Injectable()
export class ThemesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SimilarComplaintsRepository,
    private readonly privacy: PrivacyService,
  ) {}

  /** The committee's themes; category names are redacted like everything the committee reads. */
  async themes(query: ThemesQuery): Promise<Themes> {
    const period = themePeriod(new Date(query.from), new Date(query.to));
    const counted = await this.repository.countThemes(this.dataSource.manager, period);
    const finder = await this.privacy.finderFor(this.dataSource.manager, counted.map((item) => item.categoryName), { from: period.from, to: period.to });
    const items = counted.map((item) => ({ ...item, categoryName: finder.redact(item.categoryName) }));
    return { ...period, items, rising: items.filter((item) => item.change > 0) };
  }
}
