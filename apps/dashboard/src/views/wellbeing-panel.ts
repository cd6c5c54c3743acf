import type { WellbeingView } from '@alongside/outcomes/contracts';
import { decimal, percent, whole, words } from '../format.js';
import { card, cards, element, tiles } from '../layout.js';
import { dataTable, groupedBars, legend } from '../svg-charts.js';

const improvedMeaning = (instrument: string) => (instrument === 'BARC-10' ? 'gained 5 points or more' : 'moved down at least one severity band');

export const wellbeingPanel = (view: WellbeingView): Node[] => {
  const after = view.afterDischarge;
  return [
    tiles(
      ...view.instruments.map((i) => ({
        label: `${i.instrument}: ${improvedMeaning(i.instrument)}`,
        value: percent(i.improvedShare),
        note: `${whole(i.improved)} of ${whole(i.withChange)} with two assessments (${whole(i.assessed)} assessed)`,
        id: `improved-${i.instrument}`,
      })),
      { label: 'After discharge: relapses', value: whole(after.relapsesAfterDischarge), note: `${whole(after.readmissions)} readmissions, ${whole(after.emergencyVisits)} emergency visits` },
    ),
    cards(
      card(
        'Intake and latest scores',
        'Mean totals of participants with at least two assessments. PHQ-9 and GAD-7: lower is better. BARC-10: higher is better; 47 or more is above the remission marker.',
        groupedBars({
          label: view.instruments.map((i) => `${i.instrument} intake ${decimal(i.intakeMean)} latest ${decimal(i.latestMean)}`).join('; '),
          xLabel: 'Instrument',
          yLabel: 'Mean total',
          categories: view.instruments.map((i) => i.instrument),
          series: [
            { name: 'At intake', values: view.instruments.map((i) => i.intakeMean) },
            { name: 'Latest', values: view.instruments.map((i) => i.latestMean) },
          ],
          yFormat: (v) => decimal(v, 0),
          empty: 'No assessments yet',
        }),
        legend(['At intake', 'Latest']),
        dataTable('intake and latest', ['Instrument', 'Assessed', 'With change', 'Intake mean', 'Latest mean', 'Improved'], view.instruments.map((i) => [
          i.instrument,
          whole(i.assessed),
          whole(i.withChange),
          decimal(i.intakeMean),
          decimal(i.latestMean),
          `${percent(i.improvedShare)} (${whole(i.improved)})`,
        ])),
      ),
      card(
        'Severity bands at intake and latest',
        'People in each band at intake (everyone assessed) and latest (only those with two assessments: a change from one assessment is absent, not zero).',
        ...view.instruments.filter((i) => i.instrument !== 'BARC-10').flatMap((i) => {
          const bands = [...new Set([...i.bandsAtIntake, ...i.bandsLatest].map((b) => b.band))];
          const order = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'];
          bands.sort((a, b) => order.indexOf(a) - order.indexOf(b));
          return [
            element('h3', undefined, i.instrument),
            groupedBars({
              label: `${i.instrument} bands at intake and latest`,
              xLabel: 'Severity band',
              yLabel: 'People',
              categories: bands.map(words),
              series: [
                { name: 'At intake', values: bands.map((band) => i.bandsAtIntake.find((b) => b.band === band)?.count ?? 0) },
                { name: 'Latest', values: bands.map((band) => i.bandsLatest.find((b) => b.band === band)?.count ?? 0) },
              ],
              empty: `No ${i.instrument} assessments yet`,
            }),
          ];
        }),
        legend(['At intake', 'Latest']),
        ...view.instruments.map((i) =>
          dataTable(`${i.instrument} bands`, ['Band', 'At intake', 'Latest'], [...new Set([...i.bandsAtIntake, ...i.bandsLatest].map((b) => b.band))].map((band) => [
            words(band),
            whole(i.bandsAtIntake.find((b) => b.band === band)?.count ?? 0),
            whole(i.bandsLatest.find((b) => b.band === band)?.count ?? 0),
          ])),
        ),
      ),
      card(
        'Community reintegration',
        'Share stably housed and in work or education at each review.',
        groupedBars({
          label: 'Reintegration at intake, discharge and follow-ups',
          xLabel: 'Review',
          yLabel: 'Share',
          categories: after.reintegration.map((r) => words(r.checkpoint)),
          series: [
            { name: 'Stably housed', values: after.reintegration.map((r) => (r.reviewed ? r.stablyHoused / r.reviewed : null)) },
            { name: 'Work or education', values: after.reintegration.map((r) => (r.reviewed ? r.inWorkOrEducation / r.reviewed : null)) },
          ],
          yFormat: percent,
          yMax: 1,
          empty: 'No reintegration reviews yet',
        }),
        legend(['Stably housed', 'Work or education']),
        dataTable('reintegration reviews', ['Review', 'Reviewed', 'Stably housed', 'Work or education', 'Connectedness (1–5)'], after.reintegration.map((r) => [
          words(r.checkpoint),
          whole(r.reviewed),
          whole(r.stablyHoused),
          whole(r.inWorkOrEducation),
          decimal(r.meanConnectedness),
        ])),
      ),
    ),
  ];
};
