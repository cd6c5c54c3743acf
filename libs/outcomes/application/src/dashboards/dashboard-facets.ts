import { Injectable } from '@nestjs/common';
import type { DashboardFacets } from '@alongside/outcomes/contracts';
import { OutcomeTables } from './outcome-tables';

/** What the filters can choose from at a site: its programmes, levels of care and admission months. */
@Injectable()
export class DashboardFacetsQuery {
  constructor(private readonly tables: OutcomeTables) {}

  async of(siteId: string): Promise<DashboardFacets> {
    const { outcome_episode: episodes } = await this.tables.tables('outcome_episode');
    const distinct = async (column: string) =>
      (await this.tables.query<{ v: string }>(`select distinct ${column} v from ${episodes} where site_id = $1 order by 1`, [siteId])).map((r) => r.v);
    const [programmes, levelsOfCare, cohorts] = await Promise.all([distinct('programme'), distinct('level_of_care'), distinct('admission_month')]);
    return { siteId, programmes, levelsOfCare, cohorts };
  }
}
