import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
  ) {}

  async themes(query: ThemesQuery): Promise<Themes> {
    const period = themePeriod(new Date(query.from), new Date(query.to));
    const items = await this.repository.countThemes(this.dataSource.manager, period);
    return { ...period, items, rising: items.filter((item) => item.change > 0) };
  }
}
