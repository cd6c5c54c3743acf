import type { RetentionView } from '@alongside/outcomes/contracts';
import { percent, whole, words } from '../format.js';
import { card, cards, tiles } from '../layout.js';
import { dataTable, groupedBars, horizontalBars, legend, stepCurves } from '../svg-charts.js';

export const retentionPanel = (view: RetentionView): Node[] => {
  const curve = view.timeInTreatment;
  return [
    tiles(
      { label: 'In treatment today', value: whole(view.census.active), id: 'census' },
      { label: 'Admitted (in the filters)', value: whole(view.census.admittedInRange) },
      { label: 'Discharged', value: whole(view.census.dischargedInRange) },
      { label: 'Median time in treatment', value: curve.medianDays == null ? 'not reached' : `${curve.medianDays} days`, note: 'Kaplan–Meier; people still in treatment are censored' },
    ),
    cards(
      card(
        'Time in treatment',
        'Share still in treatment by days since admission (Kaplan–Meier). People still in treatment count until today, then are censored. Shaded: 95% confidence band.',
        stepCurves({
          label: `Time in treatment: ${curve.subjects} admissions, ${curve.events} discharges; median ${curve.medianDays ?? 'not reached'}`,
          xLabel: 'Days since admission',
          yLabel: 'Still in treatment',
          series: [{ name: 'All', points: curve.points.map((p) => ({ x: p.day, y: p.survival, lower: p.lower, upper: p.upper })) }],
          empty: 'No admissions in these filters',
        }),
        dataTable('time in treatment', ['Day', 'At risk', 'Still in treatment', '95% band'], curve.points.filter((p, i, all) => i === 0 || p.survival !== all[i - 1].survival).map((p) => [String(p.day), whole(p.atRisk), percent(p.survival), `${percent(p.lower)}–${percent(p.upper)}`])),
      ),
      card(
        'Admissions and discharges by week',
        'Weeks start on Monday.',
        groupedBars({
          label: `Admissions and discharges over ${view.weekly.length} weeks`,
          xLabel: 'Week starting',
          yLabel: 'People',
          categories: view.weekly.map((w) => w.weekStart.slice(5)),
          series: [
            { name: 'Admissions', values: view.weekly.map((w) => w.admissions) },
            { name: 'Discharges', values: view.weekly.map((w) => w.discharges) },
          ],
          empty: 'No admissions or discharges in these weeks',
        }),
        legend(['Admissions', 'Discharges']),
        dataTable('admissions and discharges by week', ['Week starting', 'Admissions', 'Discharges'], view.weekly.map((w) => [w.weekStart, whole(w.admissions), whole(w.discharges)])),
      ),
      card(
        'Retention at 30, 60 and 90 days by admission month',
        'Of those admitted long enough ago, the share still in treatment that many days later.',
        groupedBars({
          label: 'Retention at 30, 60 and 90 days by admission month',
          xLabel: 'Admission month',
          yLabel: 'Retained',
          categories: view.retentionByCohort.map((c) => c.cohort),
          series: [
            { name: '30 days', values: view.retentionByCohort.map((c) => c.day30.share) },
            { name: '60 days', values: view.retentionByCohort.map((c) => c.day60.share) },
            { name: '90 days', values: view.retentionByCohort.map((c) => c.day90.share) },
          ],
          yFormat: percent,
          yMax: 1,
          empty: 'No cohorts in these filters',
        }),
        legend(['30 days', '60 days', '90 days']),
        dataTable('retention by admission month', ['Cohort', 'Admitted', '30 days', '60 days', '90 days'], view.retentionByCohort.map((c) => [
          c.cohort,
          whole(c.admitted),
          `${percent(c.day30.share)} of ${c.day30.eligible}`,
          `${percent(c.day60.share)} of ${c.day60.eligible}`,
          `${percent(c.day90.share)} of ${c.day90.eligible}`,
        ])),
      ),
      card(
        'Discharge reasons',
        'TEDS reasons of the discharges in these filters.',
        horizontalBars({ label: 'Discharges by reason', items: view.dischargeReasons.map((r) => ({ label: words(r.reason), value: r.count })), empty: 'No discharges in these filters' }),
      ),
    ),
  ];
};
