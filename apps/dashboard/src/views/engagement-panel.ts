import type { EngagementView } from '@alongside/outcomes/contracts';
import { decimal, percent, whole, words } from '../format.js';
import { card, cards, tiles } from '../layout.js';
import { dataTable, groupedBars, horizontalBars } from '../svg-charts.js';

export const engagementPanel = (view: EngagementView): Node[] => [
  tiles(
    { label: 'Mentor contacts per participant-week', value: decimal(view.contacts.perParticipantWeek, 2), note: `${whole(view.contacts.total)} contacts, ${whole(view.contacts.minutes)} minutes` },
    { label: 'Mentored participants in treatment', value: whole(view.mentoredParticipants) },
    { label: 'Open safety alerts', value: whole(view.safetyAlerts.open), note: `${whole(view.safetyAlerts.unacknowledged)} not yet acknowledged`, id: 'open-alerts' },
    { label: 'Mentors with a caseload', value: whole(view.caseloads.length) },
  ),
  cards(
    card(
      'Attendance by group kind',
      'Share of registered attendances where the person came (present, late or left early).',
      groupedBars({
        label: 'Attendance rate by group kind',
        xLabel: 'Group kind',
        yLabel: 'Attended',
        categories: view.sessionsByGroupKind.map((k) => words(k.groupKind)),
        series: [{ name: 'Attendance rate', values: view.sessionsByGroupKind.map((k) => k.attendanceRate) }],
        yFormat: percent,
        yMax: 1,
        empty: 'No sessions heard yet',
      }),
      dataTable('sessions and attendance by group kind', ['Group kind', 'Sessions', 'Registered', 'Attended', 'Rate'], view.sessionsByGroupKind.map((k) => [
        words(k.groupKind),
        whole(k.sessions),
        whole(k.attendances),
        whole(k.attended),
        percent(k.attendanceRate),
      ])),
    ),
    card(
      'Caseload per mentor',
      'Participants in an open match with each peer mentor, aftercare after discharge included (by mentor id).',
      horizontalBars({ label: 'Caseload per mentor', items: view.caseloads.slice(0, 15).map((c) => ({ label: `Mentor ${c.mentorId.slice(0, 8)}`, value: c.participants })), empty: 'No open matches heard yet' }),
    ),
  ),
];
