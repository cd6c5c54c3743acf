import type { DashboardFilters } from '@alongside/outcomes/contracts';

/** A SQL condition over episode rows (alias `e`) with its parameters, numbered from `$<first>`. */
export type SqlCondition = Readonly<{ sql: string; params: unknown[] }>;

export const episodeCondition = (siteIds: readonly string[], filters: DashboardFilters, first = 1): SqlCondition => {
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const parts = [`e.site_id = any(${next([...siteIds])}::text[])`];
  if (filters.from) parts.push(`e.admitted_on >= ${next(filters.from.slice(0, 10))}::date`);
  if (filters.to) parts.push(`e.admitted_on <= ${next(filters.to.slice(0, 10))}::date`);
  if (filters.programme) parts.push(`e.programme = ${next(filters.programme)}`);
  if (filters.levelOfCare) parts.push(`e.level_of_care = ${next(filters.levelOfCare)}`);
  if (filters.cohort) parts.push(`e.admission_month = ${next(filters.cohort)}`);
  if (filters.mentored) parts.push(`e.mentored = ${next(filters.mentored === 'mentored')}`);
  return { sql: parts.join(' and '), params };
};
