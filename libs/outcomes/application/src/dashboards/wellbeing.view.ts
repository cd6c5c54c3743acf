import { INSTRUMENTS, type AssessmentBand, type DashboardFilters, type Instrument, type WellbeingView } from '@alongside/outcomes/contracts';
import { episodeCondition } from './episode-filter';
import type { OutcomeReader } from './outcome-tables';
import { rowSetsStatement } from './row-sets';

const STABLE_HOUSING = ['independent', 'with-family-or-friends', 'recovery-residence', 'supported-housing'];
const WORK_OR_EDUCATION = ['employed-full-time', 'employed-part-time', 'education-or-training', 'volunteering'];

type ChangeRow = { instrument: Instrument; assessed: number; with_change: number; intake_mean: number | null; latest_mean: number | null; improved: number };

/**
 * PHQ-9, GAD-7 and BARC-10 at intake vs latest, and how people fare after discharge. A change needs
 * two assessments: participants with one count as assessed, never as "no change".
 */
export const wellbeingView = async (tables: OutcomeReader, siteId: string, filters: DashboardFilters, asOf: string): Promise<WellbeingView> => {
  const t = await tables.tables('outcome_episode', 'outcome_instrument_change', 'outcome_reintegration');
  const where = episodeCondition([siteId], filters, 2);
  const params = [siteId, ...where.params, STABLE_HOUSING, WORK_OR_EDUCATION];
  const [housing, work] = [params.length - 1, params.length].map((n) => `$${n}::text[]`);
  const people = `(select e.participant_id from ${t.outcome_episode} e where ${where.sql})`;
  const [{ changes, after, reviews }] = await tables.query<{
    changes: (ChangeRow & { grouped: number; intake_band: AssessmentBand; latest_band: AssessmentBand })[];
    after: { discharged: number; relapses: number; readmissions: number; visits: number; overdoses: number }[];
    reviews: { checkpoint: string; reviewed: number; housed: number; working: number; connectedness: number | null }[];
  }>(
    rowSetsStatement({
      // One scan of the site's instrument changes for three groupings: per instrument (grouped 3),
      // per intake band (1) and per latest band (2). A latest band counts changes only: `with_change`.
      changes: {
        sql: `select c.instrument, grouping(c.intake_band, c.latest_band) grouped, c.intake_band, c.latest_band,
                     count(*) assessed, count(*) filter (where c.assessments >= 2) with_change,
                     avg(c.intake_total) filter (where c.assessments >= 2) intake_mean, avg(c.latest_total) filter (where c.assessments >= 2) latest_mean,
                     count(*) filter (where c.assessments >= 2 and c.improved) improved
              from ${t.outcome_instrument_change} c where c.site_id = $1 and c.participant_id in ${people}
              group by grouping sets ((c.instrument), (c.instrument, c.intake_band), (c.instrument, c.latest_band))`,
        orderBy: 'grouped, instrument, intake_band, latest_band',
      },
      after: `select count(*) filter (where e.discharged_on is not null) discharged, coalesce(sum(e.relapses_after_discharge), 0) relapses,
                     coalesce(sum(e.readmissions), 0) readmissions, coalesce(sum(e.emergency_visits), 0) visits, coalesce(sum(e.overdoses), 0) overdoses
              from ${t.outcome_episode} e where ${where.sql}`,
      reviews: `select r.checkpoint, count(*) reviewed, count(*) filter (where r.living_situation = any(${housing})) housed,
                       count(*) filter (where r.occupation = any(${work})) working, avg(r.social_connectedness) connectedness
                from ${t.outcome_reintegration} r where r.site_id = $1 and r.participant_id in ${people} group by 1`,
    }),
    params,
  );
  const intakeBands = changes.filter((c) => c.grouped === 1).map((c) => ({ instrument: c.instrument, band: c.intake_band, n: c.assessed }));
  const latestBands = changes.filter((c) => c.grouped === 2 && c.with_change > 0).map((c) => ({ instrument: c.instrument, band: c.latest_band, n: c.with_change }));
  const bandsOf = (rows: { instrument: Instrument; band: AssessmentBand; n: number }[], instrument: Instrument) =>
    rows.filter((r) => r.instrument === instrument).map((r) => ({ band: r.band, count: Number(r.n) }));
  const order = ['intake', 'discharge', 'follow-up-30', 'follow-up-90', 'follow-up-180'];
  return {
    siteId,
    asOf,
    instruments: INSTRUMENTS.map((instrument) => {
      const row = changes.find((c) => c.grouped === 3 && c.instrument === instrument);
      const withChange = Number(row?.with_change ?? 0);
      const improved = Number(row?.improved ?? 0);
      return {
        instrument,
        assessed: Number(row?.assessed ?? 0),
        withChange,
        intakeMean: row?.intake_mean == null ? null : Number(row.intake_mean),
        latestMean: row?.latest_mean == null ? null : Number(row.latest_mean),
        improved,
        improvedShare: withChange > 0 ? improved / withChange : null,
        bandsAtIntake: bandsOf(intakeBands, instrument),
        bandsLatest: bandsOf(latestBands, instrument),
      };
    }),
    afterDischarge: {
      discharged: Number(after[0]?.discharged ?? 0),
      relapsesAfterDischarge: Number(after[0]?.relapses ?? 0),
      readmissions: Number(after[0]?.readmissions ?? 0),
      emergencyVisits: Number(after[0]?.visits ?? 0),
      overdoses: Number(after[0]?.overdoses ?? 0),
      reintegration: reviews
        .sort((a, b) => order.indexOf(a.checkpoint) - order.indexOf(b.checkpoint))
        .map((r) => ({
          checkpoint: r.checkpoint,
          reviewed: Number(r.reviewed),
          stablyHoused: Number(r.housed),
          inWorkOrEducation: Number(r.working),
          meanConnectedness: r.connectedness === null ? null : Number(r.connectedness),
        })),
    },
  };
};
