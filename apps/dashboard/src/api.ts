import type { DashboardFacets, DashboardFilters, DashboardVersion, EngagementView, RelapseView, RetentionView, WellbeingView } from '@alongside/outcomes/contracts';

export type ViewKind = 'retention' | 'relapse' | 'engagement' | 'wellbeing';
export type ViewOf = { retention: RetentionView; relapse: RelapseView; engagement: EngagementView; wellbeing: WellbeingView };

/** The API answered with a problem (RFC 9457); `detail` is written for people. */
export class ApiProblem extends Error {
  constructor(readonly status: number, detail: string) {
    super(detail);
  }
}

const query = (filters: DashboardFilters): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The outcomes service, as the page calls it: same origin, the pasted token as bearer. */
export class OutcomesApi {
  constructor(private readonly token: string) {}

  view<K extends ViewKind>(siteId: string, kind: K, filters: DashboardFilters): Promise<ViewOf[K]> {
    return this.get(`/sites/${encodeURIComponent(siteId)}/dashboards/${kind}${query(filters)}`);
  }

  version(siteId: string): Promise<DashboardVersion> {
    return this.get(`/sites/${encodeURIComponent(siteId)}/dashboards/version`);
  }

  facets(siteId: string): Promise<DashboardFacets> {
    return this.get(`/sites/${encodeURIComponent(siteId)}/dashboards/facets`);
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' } });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
      throw new ApiProblem(response.status, problem.detail ?? problem.title ?? `The service answered ${response.status}.`);
    }
    return (await response.json()) as T;
  }
}
