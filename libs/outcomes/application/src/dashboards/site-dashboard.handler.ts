import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { engagementView } from './engagement.view';
import { OutcomeTables } from './outcome-tables';
import { relapseView } from './relapse.view';
import { retentionView } from './retention.view';
import { SiteDashboardQuery } from './site-dashboard.query';
import { wellbeingView } from './wellbeing.view';

const views = { retention: retentionView, relapse: relapseView, engagement: engagementView, wellbeing: wellbeingView } as const;

/**
 * Reads only the outcome read models: aggregates of one site, never a person. Each view is one
 * statement, so its figures come from one snapshot without a transaction around it.
 */
@QueryHandler(SiteDashboardQuery)
export class SiteDashboardHandler implements IQueryHandler<SiteDashboardQuery> {
  constructor(private readonly tables: OutcomeTables) {}

  execute({ kind, siteId, filters, asOf }: SiteDashboardQuery) {
    // The union of views is what the bus hands back; each controller route asks for one kind.
    return views[kind](this.tables, siteId, filters, asOf) as Promise<never>;
  }
}
