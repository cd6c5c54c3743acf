import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { EnrolmentTables, instant } from '../enrolment-tables';
import type { SiteConfigurationView } from './site-configuration.dto';

export class GetSiteConfiguration extends Query<SiteConfigurationView> {
  constructor(readonly siteId: SiteId) {
    super();
  }
}

type Row = {
  site_id: string;
  name: string;
  time_zone: string;
  programmes: string[];
  milestone_policy: SiteConfigurationView['milestonePolicy'];
  follow_up_schedule: SiteConfigurationView['followUpSchedule'];
  payer_rules_ref: string;
  revision: number;
  configured_at: Date;
  reference_data_version: number;
};

@QueryHandler(GetSiteConfiguration)
export class GetSiteConfigurationHandler implements IQueryHandler<GetSiteConfiguration> {
  constructor(private readonly tables: EnrolmentTables) {}

  async execute({ siteId }: GetSiteConfiguration): Promise<SiteConfigurationView> {
    const [row] = await this.tables.query<Row>('site', (t) => `SELECT * FROM ${t} WHERE site_id = $1`, [siteId]);
    if (!row) throw new NotFoundHere();
    return {
      siteId: row.site_id,
      name: row.name,
      timeZone: row.time_zone,
      programmes: row.programmes,
      milestonePolicy: row.milestone_policy,
      followUpSchedule: row.follow_up_schedule,
      payerRulesRef: row.payer_rules_ref,
      revision: row.revision,
      configuredAt: instant(row.configured_at),
      referenceDataVersion: row.reference_data_version,
    };
  }
}
