import type { DashboardFilters, EngagementView } from '@alongside/outcomes/contracts';
import { episodeCondition } from './episode-filter';
import type { OutcomeReader } from './outcome-tables';
import { rowSetsStatement } from './row-sets';

/** Sessions and attendance by group kind, mentor contacts per participant-week, caseloads, alert counts. */
export const engagementView = async (tables: OutcomeReader, siteId: string, filters: DashboardFilters, asOf: string): Promise<EngagementView> => {
  const t = await tables.tables('outcome_episode', 'outcome_session_attendance', 'outcome_mentor_match', 'outcome_safety_alert');
  const where = episodeCondition([siteId], filters, 2);
  const params = [asOf, ...where.params, siteId, filters.from ?? '0001-01-01', filters.to ?? asOf];
  // The site and the range sessions were held in, after the episode filter's parameters.
  const [site, heldFrom, heldTo] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const days = `(coalesce(e.discharged_on, $1::date) - e.admitted_on + 1)`;
  const [{ kinds, contacts, caseloads, alerts }] = await tables.query<{
    kinds: { kind: string; sessions: number; attendances: number; attended: number }[];
    contacts: { contacts: number; minutes: number; weeks: number | null; mentored: number }[];
    caseloads: { mentor: string; n: number }[];
    alerts: { open: number; unacknowledged: number; oldest: string | null }[];
  }>(
    rowSetsStatement({
      // From the counts the projection keeps per session, day and kind, not the attendance rows
      // themselves; per session first, as a session corrected onto another day is one session.
      kinds: {
        sql: `select kind, count(*) sessions, sum(n) attendances, sum(attended) attended from (
                select s.group_kind kind, s.session_id, sum(s.attendances) n, sum(s.attended) attended
                from ${t.outcome_session_attendance} s
                where s.site_id = ${site} and s.held_on between ${heldFrom}::date and ${heldTo}::date and s.attendances > 0 group by 1, 2
              ) per_session group by 1`,
        orderBy: 'kind',
      },
      contacts: `select coalesce(sum(e.contacts), 0) contacts, coalesce(sum(e.contact_minutes), 0) minutes,
                        sum(${days} / 7.0) filter (where e.mentored) weeks,
                        count(*) filter (where e.mentored and e.discharged_on is null) mentored
                 from ${t.outcome_episode} e where ${where.sql}`,
      caseloads: {
        sql: `select m.mentor_id mentor, count(*) n from ${t.outcome_mentor_match} m where m.site_id = ${site} and m.ended_at is null
              group by 1 order by 2 desc, 1 limit 100`,
        orderBy: 'n desc, mentor',
      },
      alerts: `select count(*) open, count(*) filter (where s.acknowledged_at is null) unacknowledged,
                      min(s.raised_at) filter (where s.acknowledged_at is null) oldest
               from ${t.outcome_safety_alert} s where s.site_id = ${site} and s.resolved_at is null`,
    }),
    params,
  );
  const weeks = Number(contacts[0].weeks ?? 0);
  return {
    siteId,
    asOf,
    sessionsByGroupKind: kinds.map((k) => ({
      groupKind: k.kind,
      sessions: Number(k.sessions),
      attendances: Number(k.attendances),
      attended: Number(k.attended),
      attendanceRate: Number(k.attendances) > 0 ? Number(k.attended) / Number(k.attendances) : null,
    })),
    contacts: { total: Number(contacts[0].contacts), minutes: Number(contacts[0].minutes), perParticipantWeek: weeks > 0 ? Number(contacts[0].contacts) / weeks : null },
    caseloads: caseloads.map((c) => ({ mentorId: c.mentor, participants: Number(c.n) })),
    safetyAlerts: {
      open: Number(alerts[0].open),
      unacknowledged: Number(alerts[0].unacknowledged),
      oldestUnacknowledgedAt: alerts[0].oldest ? new Date(alerts[0].oldest).toISOString() : null,
    },
    mentoredParticipants: Number(contacts[0].mentored),
  };
};
