import type { RelapseView } from '@alongside/outcomes/contracts';
import { decimal, percent, pValue, whole, words } from '../format.js';
import { card, cards, element, tiles } from '../layout.js';
import { dataTable, groupedBars, legend, stepCurves } from '../svg-charts.js';

const ratio = (view: RelapseView): { value: string; note: string } => {
  const rr = view.mentoring.rateRatio;
  return rr.estimable
    ? { value: decimal(rr.ratio, 2), note: `95% CI ${decimal(rr.lower, 2)}–${decimal(rr.upper, 2)}. An association, not a cause.` }
    : { value: 'not estimable', note: rr.reason };
};

/** Sessions attended per week in treatment, as people read the bands. */
const DOSE: Record<string, string> = { none: 'None', 'under-1': 'Under 1', '1-to-2': '1 to under 3', '3-or-more': '3 or more' };

export const relapsePanel = (view: RelapseView): Node[] => {
  const m = view.mentoring;
  const association = element('p', 'association', `${m.interpretation} Log-rank χ² = ${decimal(m.logRank.chiSquare, 2)}, ${pValue(m.logRank.pValue)}.`);
  return [
    tiles(
      { label: 'Relapses per 1,000 participant-days', value: decimal(view.relapses.ratePer1000Days, 2), note: `${whole(view.relapses.events)} relapses in ${whole(view.relapses.participantDays)} days`, id: 'relapse-rate' },
      { label: 'Lapses per 1,000 participant-days', value: decimal(view.lapses.ratePer1000Days, 2), note: `${whole(view.lapses.events)} lapses, counted apart` },
      { label: 'Positive drug screens', value: percent(view.screens.positiveRate), note: `${whole(view.screens.positive)} of ${whole(view.screens.total)} screens` },
      { label: 'Relapse rate ratio, mentored vs not', ...ratio(view) },
    ),
    cards(
      card(
        'Time to first relapse',
        'Share without a relapse by days since admission (Kaplan–Meier), for mentored and not-mentored participants. Shaded: 95% confidence bands.',
        stepCurves({
          label: `Time to first relapse: mentored ${m.mentoredCurve.events} of ${m.mentoredCurve.subjects}, not mentored ${m.notMentoredCurve.events} of ${m.notMentoredCurve.subjects} relapsed`,
          xLabel: 'Days since admission',
          yLabel: 'No relapse yet',
          series: [
            { name: 'Mentored', points: m.mentoredCurve.points.map((p) => ({ x: p.day, y: p.survival, lower: p.lower, upper: p.upper })) },
            { name: 'Not mentored', points: m.notMentoredCurve.points.map((p) => ({ x: p.day, y: p.survival, lower: p.lower, upper: p.upper })) },
          ],
          empty: 'No admissions in these filters',
        }),
        legend(['Mentored', 'Not mentored']),
        association,
      ),
      card(
        'Relapse rate, mentored and not mentored',
        'Relapses per 1,000 participant-days in treatment.',
        groupedBars({
          label: `Relapse rate: mentored ${decimal(m.mentored.ratePer1000Days, 2)}, not mentored ${decimal(m.notMentored.ratePer1000Days, 2)} per 1,000 days`,
          xLabel: 'Group',
          yLabel: 'Per 1,000 days',
          categories: ['Mentored', 'Not mentored'],
          series: [{ name: 'Relapses per 1,000 days', values: [m.mentored.ratePer1000Days, m.notMentored.ratePer1000Days] }],
          yFormat: (v) => decimal(v, 1),
          empty: 'No participant-days yet',
        }),
        dataTable('mentored and not mentored', ['Group', 'Participants', 'Participant-days', 'Relapses', 'Per 1,000 days'], [
          ['Mentored', whole(m.mentored.participants), whole(m.mentored.participantDays), whole(m.mentored.events), decimal(m.mentored.ratePer1000Days, 2)],
          ['Not mentored', whole(m.notMentored.participants), whole(m.notMentored.participantDays), whole(m.notMentored.events), decimal(m.notMentored.ratePer1000Days, 2)],
        ]),
      ),
      card(
        'By attendance dose',
        'Relapses per 1,000 participant-days by sessions attended per week in treatment.',
        groupedBars({
          label: 'Relapse rate by sessions attended per week',
          xLabel: 'Sessions per week',
          yLabel: 'Per 1,000 days',
          categories: view.byAttendanceDose.map((d) => DOSE[d.band] ?? words(d.band)),
          series: [{ name: 'Relapses per 1,000 days', values: view.byAttendanceDose.map((d) => d.ratePer1000Days) }],
          yFormat: (v) => decimal(v, 1),
          empty: 'No attendance yet',
        }),
        dataTable('relapses by attendance dose', ['Sessions per week', 'Participants', 'Participant-days', 'Relapses', 'Per 1,000 days'], view.byAttendanceDose.map((d) => [
          DOSE[d.band] ?? words(d.band),
          whole(d.participants),
          whole(d.participantDays),
          whole(d.events),
          decimal(d.ratePer1000Days, 2),
        ])),
      ),
    ),
  ];
};
