import type { DashboardFilters, DischargeReason, RetainedShare, RetentionView } from '@alongside/outcomes/contracts';
import { episodeCondition } from './episode-filter';
import type { OutcomeReader } from './outcome-tables';
import { rowSetsStatement } from './row-sets';
import { survivalCurveOf } from './survival-curve-view';

const share = (eligible: number, retained: number): RetainedShare => ({ eligible, retained, share: eligible > 0 ? retained / eligible : null });

/** Census, weekly flow, discharge reasons, time in treatment (KM, active censored), 30/60/90-day retention by cohort. */
export const retentionView = async (tables: OutcomeReader, siteId: string, filters: DashboardFilters, asOf: string): Promise<RetentionView> => {
  const { outcome_episode: episodes } = await tables.tables('outcome_episode');
  const where = episodeCondition([siteId], filters, 2);
  // The flow chart covers the chosen range, or the last 26 weeks ($3 is `from` when it is set).
  const since = filters.from ? '$3::date' : '$1::date - 182';
  const [{ census, weekly, reasons, km, cohorts }] = await tables.query<{
    census: { active: number; admitted: number; discharged: number }[];
    weekly: { week: string; admissions: number; discharges: number }[];
    reasons: { reason: DischargeReason; count: number }[];
    km: { t: number; ev: boolean; n: number }[];
    cohorts: Record<string, number | string>[];
  }>(
    rowSetsStatement({
      census: `select count(*) filter (where e.discharged_on is null) active, count(*) admitted, count(*) filter (where e.discharged_on is not null) discharged
               from ${episodes} e where ${where.sql}`,
      weekly: {
        sql: `select to_char(date_trunc('week', d)::date, 'YYYY-MM-DD') week, sum(a) admissions, sum(x) discharges from (
                select e.admitted_on d, 1 a, 0 x from ${episodes} e where ${where.sql}
                union all
                select e.discharged_on, 0, 1 from ${episodes} e where ${where.sql} and e.discharged_on is not null
              ) flow where d >= ${since} and d <= $1::date group by 1`,
        orderBy: 'week',
      },
      reasons: {
        sql: `select e.discharge_reason reason, count(*) count from ${episodes} e where ${where.sql} and e.discharged_on is not null group by 1`,
        orderBy: 'count desc',
      },
      km: `select greatest(coalesce(e.discharged_on, $1::date) - e.admitted_on, 0) t, e.discharged_on is not null ev, count(*) n
           from ${episodes} e where ${where.sql} group by 1, 2`,
      cohorts: {
        sql: `select e.admission_month cohort, count(*) admitted,
                ${[30, 60, 90]
                  .map(
                    (d) => `count(*) filter (where e.admitted_on <= $1::date - ${d}) e${d},
                            count(*) filter (where e.admitted_on <= $1::date - ${d} and (e.discharged_on is null or e.discharged_on - e.admitted_on >= ${d})) r${d}`,
                  )
                  .join(',')}
              from ${episodes} e where ${where.sql} group by 1`,
        orderBy: 'cohort',
      },
    }),
    [asOf, ...where.params],
  );
  return {
    siteId,
    asOf,
    census: { active: Number(census[0].active), admittedInRange: Number(census[0].admitted), dischargedInRange: Number(census[0].discharged) },
    weekly: weekly.map((w) => ({ weekStart: w.week, admissions: Number(w.admissions), discharges: Number(w.discharges) })),
    dischargeReasons: reasons.map((r) => ({ reason: r.reason, count: Number(r.count) })),
    timeInTreatment: survivalCurveOf(km),
    retentionByCohort: cohorts.map((c) => ({
      cohort: String(c.cohort),
      admitted: Number(c.admitted),
      day30: share(Number(c.e30), Number(c.r30)),
      day60: share(Number(c.e60), Number(c.r60)),
      day90: share(Number(c.e90), Number(c.r90)),
    })),
  };
};
