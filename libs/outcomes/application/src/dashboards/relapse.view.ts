import { ATTENDANCE_DOSE_BANDS, type AttendanceDoseBand, type DashboardFilters, type RateView, type RelapseView } from '@alongside/outcomes/contracts';
import { logRankTest, ratePer, rateRatio } from '@alongside/outcomes/domain';
import { episodeCondition } from './episode-filter';
import type { OutcomeReader } from './outcome-tables';
import { rowSetsStatement } from './row-sets';
import { groupedOf, survivalCurveOf } from './survival-curve-view';

type GroupRow = { mentored: boolean; n: number; days: number; relapses: number; lapses: number; screens: number; positive: number };

const rate = (participants: number, participantDays: number, events: number): RateView => ({
  participants,
  participantDays,
  events,
  ratePer1000Days: ratePer({ events, personTime: participantDays }),
});

export const ASSOCIATION_NOT_CAUSE =
  'An association, not a cause: mentored and not-mentored participants may differ in ways these figures do not show.';

/** Relapses per 1,000 participant-days, time to first relapse (KM), screens, mentored vs not, attendance dose. */
export const relapseView = async (tables: OutcomeReader, siteId: string, filters: DashboardFilters, asOf: string): Promise<RelapseView> => {
  const { outcome_episode: episodes } = await tables.tables('outcome_episode');
  const where = episodeCondition([siteId], filters, 2);
  const params = [asOf, ...where.params];
  // Days in treatment: admission to discharge (or today) inclusive.
  const days = `(coalesce(e.discharged_on, $1::date) - e.admitted_on + 1)`;
  const [{ groups, km, dose }] = await tables.query<{
    groups: GroupRow[];
    km: { mentored: boolean; t: number; ev: boolean; n: number }[];
    dose: { band: AttendanceDoseBand; n: number; days: number; relapses: number }[];
  }>(
    rowSetsStatement({
      groups: `select e.mentored, count(*) n, coalesce(sum(${days}), 0) days, coalesce(sum(e.relapses), 0) relapses, coalesce(sum(e.lapses), 0) lapses,
                      coalesce(sum(e.screens), 0) screens, coalesce(sum(e.positive_screens), 0) positive
               from ${episodes} e where ${where.sql} group by 1`,
      km: `select e.mentored, greatest(coalesce(e.first_relapse_on, e.discharged_on, $1::date) - e.admitted_on, 0) t,
                  e.first_relapse_on is not null ev, count(*) n
           from ${episodes} e where ${where.sql} group by 1, 2, 3`,
      dose: `select case when e.sessions_attended = 0 then 'none'
                         when e.sessions_attended / greatest(${days} / 7.0, 1) < 1 then 'under-1'
                         when e.sessions_attended / greatest(${days} / 7.0, 1) < 3 then '1-to-2'
                         else '3-or-more' end band,
                    count(*) n, sum(${days}) days, sum(e.relapses) relapses
             from ${episodes} e where ${where.sql} group by 1`,
    }),
    params,
  );
  const sum = (rows: GroupRow[], key: keyof Omit<GroupRow, 'mentored'>) => rows.reduce((total, r) => total + Number(r[key]), 0);
  const mentoredRows = groups.filter((g) => g.mentored);
  const notMentoredRows = groups.filter((g) => !g.mentored);
  const mentored = rate(sum(mentoredRows, 'n'), sum(mentoredRows, 'days'), sum(mentoredRows, 'relapses'));
  const notMentored = rate(sum(notMentoredRows, 'n'), sum(notMentoredRows, 'days'), sum(notMentoredRows, 'relapses'));
  const ratio = rateRatio({ events: mentored.events, personTime: mentored.participantDays }, { events: notMentored.events, personTime: notMentored.participantDays });
  const mentoredKm = km.filter((r) => r.mentored);
  const notMentoredKm = km.filter((r) => !r.mentored);
  const test = logRankTest(groupedOf(mentoredKm), groupedOf(notMentoredKm));
  const screens = sum(groups, 'screens');
  const positive = sum(groups, 'positive');
  return {
    siteId,
    asOf,
    relapses: rate(sum(groups, 'n'), sum(groups, 'days'), sum(groups, 'relapses')),
    lapses: rate(sum(groups, 'n'), sum(groups, 'days'), sum(groups, 'lapses')),
    timeToFirstRelapse: survivalCurveOf(km),
    screens: { total: screens, positive, positiveRate: screens > 0 ? positive / screens : null },
    mentoring: {
      mentored,
      notMentored,
      rateRatio: ratio.estimable ? { estimable: true, ratio: ratio.ratio, lower: ratio.lower, upper: ratio.upper } : ratio,
      logRank: { chiSquare: test.chiSquare, pValue: test.pValue },
      mentoredCurve: survivalCurveOf(mentoredKm),
      notMentoredCurve: survivalCurveOf(notMentoredKm),
      interpretation: ASSOCIATION_NOT_CAUSE,
    },
    byAttendanceDose: ATTENDANCE_DOSE_BANDS.map((band) => {
      const row = dose.find((d) => d.band === band);
      return { band, ...rate(Number(row?.n ?? 0), Number(row?.days ?? 0), Number(row?.relapses ?? 0)) };
    }),
  };
};
