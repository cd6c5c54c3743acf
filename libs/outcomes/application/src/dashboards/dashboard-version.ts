import { Injectable } from '@nestjs/common';
import type { DashboardVersion } from '@alongside/outcomes/contracts';
import { OutcomeTables } from './outcome-tables';

/** The last log position projected for a site: one indexed row, so the page may ask every second. */
@Injectable()
export class DashboardVersions {
  constructor(private readonly tables: OutcomeTables) {}

  async of(siteId: string): Promise<DashboardVersion> {
    const { outcome_site: sites } = await this.tables.tables('outcome_site');
    const rows = await this.tables.query<{ position: string }>(`select position from ${sites} where site_id = $1`, [siteId]);
    return { siteId, version: rows[0]?.position ?? '0' };
  }
}
