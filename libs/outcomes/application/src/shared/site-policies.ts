import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DEFAULT_MILESTONE_DAYS } from '@alongside/outcomes/contracts';
import type { SitePolicy } from '@alongside/outcomes/domain';
import { SiteViewRow } from '@alongside/outcomes/read-models';

export const DEFAULT_SITE_POLICY: SitePolicy = { milestoneDays: [...DEFAULT_MILESTONE_DAYS], lapseRestartsSobriety: false, timeZone: 'UTC' };

/**
 * A site's outcome policy (milestones, whether a lapse restarts the count, time zone) as the
 * read model last heard it; the defaults of DESIGN §5 until the site is configured.
 */
@Injectable()
export class SitePolicies {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(siteId: string): Promise<SitePolicy> {
    const row = await this.dataSource
      .getRepository(SiteViewRow)
      .findOneBy({ siteId })
      .catch(() => null);
    if (!row?.milestoneDays) return { ...DEFAULT_SITE_POLICY, timeZone: row?.timeZone ?? DEFAULT_SITE_POLICY.timeZone };
    return { milestoneDays: row.milestoneDays, lapseRestartsSobriety: row.lapseRestartsSobriety ?? false, timeZone: row.timeZone ?? 'UTC' };
  }
}

/** The site's calendar day at an instant: every date rule is read in the site's own time zone. */
export const siteToday = (now: Date, timeZone: string): string =>
  DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
