import type { DashboardFilters } from '@alongside/outcomes/contracts';
import { addDays } from '@alongside/outcomes/domain';
import { episodeCondition, type SqlCondition } from '../dashboards/episode-filter';

const monthOf = (day: string) => day.slice(0, 7);
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** What `cohortColumn` groups by: in every branch, first and in this order. */
const COHORT = 'site_id, admission_month, programme, level_of_care, mentored';

/**
 * A question to the cohort cells, its parameters numbered as they are asked for: whole admission
 * months come from the cells the projection keeps (tens of thousands of rows for the whole
 * network, however long the log); the months of the `from` and `to` filters, cut by day, come
 * from their episodes.
 */
const cohortQuestion = (episodesTable: string, siteIds: readonly string[], filters: DashboardFilters) => {
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The cells have the episodes' columns but no day: a range is kept by month, the months it cuts left to the episodes.
  const { from, to, ...byCell } = filters;
  const cut = [...new Set([from, to].filter((day) => day !== undefined).map(monthOf))].sort();
  const cutMonths = `${next(cut)}::text[]`;
  const cellFilter = episodeCondition(siteIds, byCell, params.length + 1, 'c');
  params.push(...cellFilter.params);
  const cells = [cellFilter.sql, `not (c.admission_month = any(${cutMonths}))`];
  if (from) cells.push(`c.admission_month >= ${next(monthOf(from))}`);
  if (to) cells.push(`c.admission_month <= ${next(monthOf(to))}`);
  /** The episodes the filters keep, admitted from `first` to `last` (a range the episodes' (site, admitted on) index finds). */
  const episodes = (first: string, last: string) => {
    const where = episodeCondition(siteIds, filters, params.length + 1);
    params.push(...where.params);
    return `from ${episodesTable} e where ${where.sql} and e.admitted_on between ${next(first)}::date and ${next(last)}::date`;
  };
  const cutEpisodes = () => `${episodes(`${cut[0]}-01`, lastDayOf(cut[cut.length - 1]))} and e.admission_month = any(${cutMonths})`;
  return { params, next, cells: cells.join(' and '), cut, cutEpisodes, episodes };
};

const union = (columns: string, branches: readonly string[]) =>
  `(select ${columns} from (${branches.join('\n     union all\n     ')}) branches (${columns}))`;

/**
 * The rows the analyst measures aggregate (alias them `e`): the cohort columns, then the sums
 * `episodes`, `active`, `completed`, `eligible90`, `retained90`, `days`, `relapses`, `lapses`,
 * `screens`, `positive_screens` as of `asOf`.
 *
 * Eligibility at 90 days (admitted on or before asOf − 90) is whole for every month but one: the
 * cells give it for the months before, none for the months after, and for that month the episodes
 * admitted up to asOf − 90 are counted apart (up to a month of admissions: 28k episodes at 11M).
 */
export const measureSource = (tables: { cells: string; episodes: string }, siteIds: readonly string[], filters: DashboardFilters, asOf: string): SqlCondition => {
  const question = cohortQuestion(tables.episodes, siteIds, filters);
  const { next, cut } = question;
  const eligibleUntil = addDays(asOf, -90);
  const on = `${next(asOf)}::date`;
  const boundary = next(monthOf(eligibleUntil));
  const branches = [
    `select ${COHORT}, c.episodes, c.active, c.completed,
            case when c.admission_month < ${boundary} then c.episodes else 0 end,
            case when c.admission_month < ${boundary} then c.stayed90 else 0 end,
            c.stay_days + c.active * (${on} - date '1970-01-01' + 1) - c.admitted_days,
            c.relapses, c.lapses, c.screens, c.positive_screens
     from ${tables.cells} c where ${question.cells}`,
  ];
  if (cut.length > 0) {
    branches.push(
      `select ${COHORT}, 1, (e.discharged_on is null)::int, (e.discharge_reason is not distinct from 'completed')::int,
              (e.admitted_on <= ${on} - 90)::int,
              (e.admitted_on <= ${on} - 90 and (e.discharged_on is null or e.discharged_on - e.admitted_on >= 90))::int,
              coalesce(e.discharged_on, ${on}) - e.admitted_on + 1,
              e.relapses, e.lapses, e.screens, e.positive_screens
       ${question.cutEpisodes()}`,
    );
  }
  if (!cut.includes(monthOf(eligibleUntil))) {
    // Only eligibility: every other figure of these episodes is in their cells already.
    branches.push(
      `select ${COHORT}, 0, 0, 0, 1, (e.discharged_on is null or e.discharged_on - e.admitted_on >= 90)::int, 0, 0, 0, 0, 0
       ${question.episodes(`${monthOf(eligibleUntil)}-01`, eligibleUntil)}`,
    );
  }
  return { sql: union(`${COHORT}, episodes, active, completed, eligible90, retained90, days, relapses, lapses, screens, positive_screens`, branches), params: question.params };
};

/** The rows the analyst discharge table aggregates (alias them `e`): the cohort columns, `discharge_reason` and `episodes` discharged. */
export const dischargeSource = (tables: { discharges: string; episodes: string }, siteIds: readonly string[], filters: DashboardFilters): SqlCondition => {
  const question = cohortQuestion(tables.episodes, siteIds, filters);
  const branches = [`select ${COHORT}, c.discharge_reason, c.episodes from ${tables.discharges} c where ${question.cells}`];
  if (question.cut.length > 0) {
    branches.push(`select ${COHORT}, coalesce(e.discharge_reason, ''), 1 ${question.cutEpisodes()} and e.discharged_on is not null`);
  }
  return { sql: union(`${COHORT}, discharge_reason, episodes`, branches), params: question.params };
};
