import { Query } from '@nestjs/cqrs';
import type { DashboardFilters, EngagementView, RelapseView, RetentionView, WellbeingView } from '@alongside/outcomes/contracts';

export type DashboardKind = 'retention' | 'relapse' | 'engagement' | 'wellbeing';

type ViewOf = { retention: RetentionView; relapse: RelapseView; engagement: EngagementView; wellbeing: WellbeingView };

/** One view of one site's dashboard on a given site-local day. */
export class SiteDashboardQuery<K extends DashboardKind = DashboardKind> extends Query<ViewOf[K]> {
  constructor(
    readonly kind: K,
    readonly siteId: string,
    readonly filters: DashboardFilters,
    readonly asOf: string,
  ) {
    super();
  }
}
