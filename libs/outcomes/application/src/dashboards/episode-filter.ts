import type { DashboardFilters } from '@alongside/outcomes/contracts';

/**
 * A SQL condition over episode rows (alias `e`, or another table with the same columns) with its
 * parameters, numbered from `$<first>`.
 */
export type SqlCondition = Readonly<{ sql: string; params: unknown[] }>;

export const episodeCondition = (siteIds: readonly string[], filters: DashboardFilters, first = 1, alias = 'e'): SqlCondition => {
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const parts = [`${alias}.site_id = any(${next([...siteIds])}::text[])`];
  if (filters.from) parts.push(`${alias}.admitted_on >= ${next(filters.from.slice(0, 10))}::date`);
  if (filters.to) parts.push(`${alias}.admitted_on <= ${next(filters.to.slice(0, 10))}::date`);
  if (filters.programme) parts.push(`${alias}.programme = ${next(filters.programme)}`);
  if (filters.levelOfCare) parts.push(`${alias}.level_of_care = ${next(filters.levelOfCare)}`);
  if (filters.cohort) parts.push(`${alias}.admission_month = ${next(filters.cohort)}`);
  if (filters.mentored) parts.push(`${alias}.mentored = ${next(filters.mentored === 'mentored')}`);
  return { sql: parts.join(' and '), params };
};
