import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { NotFoundHere } from '@alongside/platform/security';
import { decodeCursor, pageOf, type Page } from '@alongside/platform/service-runtime';
import { SessionsTables } from './sessions-tables';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** A cursor's time: always a session's start, which is never null. */
const at = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The sessions API's reads: read models only, cursor-paged by (time, id). */
@Injectable()
export class SessionsReads {
  constructor(private readonly tables: SessionsTables) {}

  private get db() {
    return this.tables.dataSource;
  }

  async upcomingOf(siteId: SiteId, facilitatorId: string, from: string, limit: number, cursor?: string): Promise<Page<unknown>> {
    const t = await this.tables.tables('session', 'group');
    if (!t) return { items: [], nextCursor: null };
    const after = decodeCursor(cursor, 2) ?? [from, '00000000-0000-0000-0000-000000000000'];
    const rows = await this.db.query(
      `select s.*, s.local_date::text as local_date, g.name as group_name from ${t.session} s join ${t.group} g on g.site_id = s.site_id and g.group_id = s.group_id
       where s.site_id = $1 and s.facilitator_id = $2 and s.status = 'scheduled' and s.starts_at >= $3
         and (s.starts_at, s.session_id) > ($4::timestamptz, $5::uuid)
       order by s.starts_at, s.session_id limit $6`,
      [siteId, facilitatorId, from, after[0], after[1], limit + 1],
    );
    return pageOf(rows, limit, sessionItem, (r: Record<string, unknown>) => [at(r.starts_at as Date), r.session_id as string]);
  }

  async rosterOf(siteId: SiteId, groupId: string) {
    const t = await this.tables.tables('group', 'member');
    if (!t) throw new NotFoundHere();
    const [group] = await this.db.query(`select * from ${t.group} where site_id = $1 and group_id = $2`, [siteId, groupId]);
    if (!group) throw new NotFoundHere();
    const members = await this.db.query(
      `select participant_id, status, position, since from ${t.member} where site_id = $1 and group_id = $2 and status <> 'withdrawn' order by status, position nulls first, since, participant_id`,
      [siteId, groupId],
    );
    const entry = (m: Record<string, unknown>) => ({ participantId: m.participant_id, since: iso(m.since as Date) });
    return {
      groupId,
      name: group.name,
      kind: group.kind,
      capacity: group.capacity,
      facilitator: { kind: group.facilitator_kind, id: group.facilitator_id },
      timeZone: group.time_zone,
      schedule: group.schedule,
      venue: group.venue,
      members: members.filter((m: { status: string }) => m.status === 'member').map(entry),
      waitlist: members.filter((m: { status: string }) => m.status === 'waitlisted').map((m: Record<string, unknown>) => ({ ...entry(m), position: m.position })),
    };
  }

  async historyOf(siteId: SiteId, groupId: string, limit: number, cursor?: string): Promise<Page<unknown>> {
    const t = await this.tables.tables('session', 'group');
    if (!t) throw new NotFoundHere();
    const [group] = await this.db.query(`select 1 from ${t.group} where site_id = $1 and group_id = $2`, [siteId, groupId]);
    if (!group) throw new NotFoundHere();
    const before = decodeCursor(cursor, 2) ?? ['9999-12-31T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.db.query(
      `select s.*, s.local_date::text as local_date, null as group_name from ${t.session} s where s.site_id = $1 and s.group_id = $2 and (s.starts_at, s.session_id) < ($3::timestamptz, $4::uuid)
       order by s.starts_at desc, s.session_id desc limit $5`,
      [siteId, groupId, before[0], before[1], limit + 1],
    );
    return pageOf(rows, limit, sessionItem, (r: Record<string, unknown>) => [at(r.starts_at as Date), r.session_id as string]);
  }

  async attendanceOf(siteId: SiteId, participantId: string, limit: number, cursor?: string): Promise<Page<unknown>> {
    const t = await this.tables.tables('attendance', 'session', 'member');
    // Someone never in a group of this site (or of another site) answers as absent.
    if (!t) throw new NotFoundHere();
    const [known] = await this.db.query(`select 1 from ${t.member} where site_id = $1 and participant_id = $2 limit 1`, [siteId, participantId]);
    if (!known) throw new NotFoundHere();
    const before = decodeCursor(cursor, 2) ?? ['9999-12-31T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.db.query(
      `select a.*, a.local_date::text as local_date, s.starts_at, s.topic from ${t.attendance} a join ${t.session} s on s.site_id = a.site_id and s.session_id = a.session_id
       where a.site_id = $1 and a.participant_id = $2 and (s.starts_at, a.session_id) < ($3::timestamptz, $4::uuid)
       order by s.starts_at desc, a.session_id desc limit $5`,
      [siteId, participantId, before[0], before[1], limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (r: Record<string, unknown>) => ({
        sessionId: r.session_id,
        groupId: r.group_id,
        groupKind: r.group_kind,
        startsAt: iso(r.starts_at as Date),
        localDate: day(r.local_date as string),
        topic: r.topic,
        status: r.status,
        minutesAttended: r.minutes,
        groupNoteId: r.group_note_id,
        billing: r.billing_code === null ? null : { code: r.billing_code, units: r.units, payerRulesRef: r.payer_rules_ref },
      }),
      (r: Record<string, unknown>) => [at(r.starts_at as Date), r.session_id as string],
    );
  }

  /** Attended (present, late, left early) over everyone recorded, by group kind and ISO week of the local date. */
  async attendanceRates(siteId: SiteId, from: string, to: string) {
    const t = await this.tables.tables('attendance');
    if (!t) return { from, to, rows: [] };
    const rows = await this.db.query(
      `select group_kind, to_char(date_trunc('week', local_date), 'IYYY-"W"IW') as week,
              count(*) filter (where status in ('present', 'late', 'left-early'))::int as attended, count(*)::int as recorded,
              count(distinct session_id)::int as sessions
       from ${t.attendance} where site_id = $1 and local_date between $2 and $3
       group by 1, 2 order by 2, 1`,
      [siteId, from, to],
    );
    return {
      from,
      to,
      rows: rows.map((r: { group_kind: string; week: string; attended: number; recorded: number; sessions: number }) => ({
        groupKind: r.group_kind,
        week: r.week,
        sessions: r.sessions,
        attended: r.attended,
        recorded: r.recorded,
        rate: r.recorded === 0 ? null : Math.round((r.attended / r.recorded) * 1000) / 1000,
      })),
    };
  }

  /** Billable units of the site in a period, one row per participant, day and code. */
  async unitsReport(siteId: SiteId, from: string, to: string) {
    const t = await this.tables.tables('attendance');
    if (!t) return { siteId, from, to, totalUnits: 0, rows: [] };
    const rows = await this.db.query(
      `select local_date::text as service_date, participant_id, billing_code, sum(units)::int as units, sum(minutes)::int as minutes,
              count(*)::int as sessions, min(payer_rules_ref) as payer_rules_ref
       from ${t.attendance} where site_id = $1 and local_date between $2 and $3 and billing_code is not null and units > 0
       group by 1, 2, 3 order by 1, 2, 3`,
      [siteId, from, to],
    );
    const items = rows.map((r: Record<string, unknown>) => ({
      serviceDate: r.service_date,
      participantId: r.participant_id,
      code: r.billing_code,
      units: r.units,
      minutes: r.minutes,
      sessions: r.sessions,
      payerRulesRef: r.payer_rules_ref,
    }));
    return { siteId, from, to, totalUnits: items.reduce((sum: number, r: { units: unknown }) => sum + Number(r.units), 0), rows: items };
  }
}

const sessionItem = (r: Record<string, unknown>) => ({
  sessionId: r.session_id,
  groupId: r.group_id,
  groupName: r.group_name ?? undefined,
  groupKind: r.group_kind,
  facilitatorId: r.facilitator_id,
  startsAt: r.starts_at_local,
  endsAt: iso(r.ends_at as Date),
  localDate: day(r.local_date as string),
  status: r.status,
  origin: r.origin,
  cancelReason: r.cancel_reason,
  startedAt: iso(r.started_at as Date | null),
  endedAt: iso(r.ended_at as Date | null),
  topic: r.topic,
  attended: r.attended,
  notAttended: r.not_attended,
});
