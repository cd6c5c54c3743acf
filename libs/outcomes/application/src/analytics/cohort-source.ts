import type { DashboardFilters } from '@alongside/outcomes/contracts';
import { episodeCondition, type SqlCondition } from '../dashboards/episode-filter';

const DAY_MS = 86_400_000;
const monthOf = (day: string) => day.slice(0, 7);
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * The rows the analyst tables aggregate (alias them `e`): one per cohort cell, with the columns
 * `cohortColumn` groups by, `discharged`, `discharge_reason`, and the sums `episodes`, `eligible90`,
 * `retained90`, `days`, `relapses`, `lapses`, `screens`, `positive_screens` as of `asOf`.
 *
 * Whole admission months come from the cohort cells the projection keeps (a few tens of thousands
 * of rows for the whole network, however long the log); a month only part of which counts comes
 * from its episodes: the months of the `from` and `to` filters (a range by day), and the month in
 * which admissions turn 90 days old on `asOf` (admitted on or before asOf − 90 is eligible). Every
 * other month is wholly eligible or wholly not, so its cells answer exactly.
 */
export const cohortSource = (
  tables: { cells: string; episodes: string },
  siteIds: readonly string[],
  filters: DashboardFilters,
  asOf: string,
  first = 1,
): SqlCondition => {
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const eligibleUntil = daysBefore(asOf, 90);
  const partial = [...new Set([monthOf(eligibleUntil), ...(filters.from ? [monthOf(filters.from)] : []), ...(filters.to ? [monthOf(filters.to)] : [])])];
  const on = next(asOf);
  const boundary = next(monthOf(eligibleUntil));
  const partialMonths = `${next(partial)}::text[]`;
  const cell = [`c.site_id = any(${next([...siteIds])}::text[])`, `not (c.admission_month = any(${partialMonths}))`];
  if (filters.from) cell.push(`c.admission_month >= ${next(monthOf(filters.from))}`);
  if (filters.to) cell.push(`c.admission_month <= ${next(monthOf(filters.to))}`);
  if (filters.programme) cell.push(`c.programme = ${next(filters.programme)}`);
  if (filters.levelOfCare) cell.push(`c.level_of_care = ${next(filters.levelOfCare)}`);
  if (filters.cohort) cell.push(`c.admission_month = ${next(filters.cohort)}`);
  if (filters.mentored) cell.push(`c.mentored = ${next(filters.mentored === 'mentored')}`);
  // The months as a range of days too, which the episodes' (site, admitted on) index can find.
  const sorted = [...partial].sort();
  const within = `e.admitted_on between ${next(`${sorted[0]}-01`)}::date and ${next(lastDayOf(sorted[sorted.length - 1]))}::date`;
  const episodes = episodeCondition(siteIds, filters, first + params.length);
  params.push(...episodes.params);
  const sql = `(
    select c.site_id, c.admission_month, c.programme, c.level_of_care, c.mentored, c.discharged, c.discharge_reason, c.episodes,
           case when c.admission_month < ${boundary} then c.episodes else 0 end eligible90,
           case when c.admission_month < ${boundary} then c.stayed90 else 0 end retained90,
           case when c.discharged then c.stay_days else c.episodes * (${on}::date - date '1970-01-01' + 1) - c.admitted_days end days,
           c.relapses, c.lapses, c.screens, c.positive_screens
    from ${tables.cells} c where ${cell.join(' and ')}
    union all
    select e.site_id, e.admission_month, e.programme, e.level_of_care, e.mentored, e.discharged_on is not null, coalesce(e.discharge_reason, ''), 1,
           (e.admitted_on <= ${on}::date - 90)::int,
           (e.admitted_on <= ${on}::date - 90 and (e.discharged_on is null or e.discharged_on - e.admitted_on >= 90))::int,
           coalesce(e.discharged_on, ${on}::date) - e.admitted_on + 1,
           e.relapses, e.lapses, e.screens, e.positive_screens
    from ${tables.episodes} e where ${episodes.sql} and ${within} and e.admission_month = any(${partialMonths})
  )`;
  return { sql, params };
};
