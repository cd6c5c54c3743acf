import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import {
  certificationStanding,
  daysBetween,
  isEscalationOverdue,
  supervisionStanding,
} from '@alongside/mentoring/domain';
import type { CertificationCell, CheckInCell } from '@alongside/mentoring/read-models';
import { decodeCursor, pageOf, type Page } from '@alongside/platform/service-runtime';
import { MentoringTables } from './mentoring-tables';

/** A read-model row as Postgres returns it: column names to values, narrowed where used. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of several tables, mapped field by field below
type ReadRow = Record<string, any>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const OPEN = `('proposed', 'active', 'aftercare')`;

/** The screens' questions, answered from the read models only; `now` decides what is due or overdue. */
@Injectable()
export class MentoringReads {
  constructor(private readonly tables: MentoringTables) {}

  async workforce(siteId: SiteId, now: Date, cursor: string | undefined, limit: number) {
    const [after] = decodeCursor(cursor, 1) ?? [''];
    const [matches] = [await this.tables.table('match')];
    const rows = await this.tables.query<ReadRow>(
      'mentor',
      (t) => `select m.*, ${matches ? `(select count(*) from ${matches} x where x.site_id = m.site_id and x.mentor_id = m.mentor_id and x.status in ${OPEN})` : '0'} as open_matches
        from ${t} m where m.site_id = $1 and m.mentor_id::text > $2 order by m.mentor_id limit $3`,
      [siteId, after, limit + 1],
    );
    const at = now.toISOString();
    return pageOf(
      rows,
      limit,
      (r) => {
        const certifications = (r.certifications as CertificationCell[]).map((c) => ({
          ...c,
          standing: certificationStanding(c.expiresAt, c.status === 'expired', at),
        }));
        const standing = certifications.some((c) => c.standing === 'current')
          ? 'current'
          : certifications.some((c) => c.standing === 'due-soon')
            ? 'due-soon'
            : 'lapsed';
        return {
          mentorId: r.mentor_id as string,
          displayName: r.display_name as string,
          languages: r.languages as string[],
          specialities: r.specialities as string[],
          maxCaseload: r.max_caseload as number,
          openMatches: Number(r.open_matches),
          trainingHours: Number(r.training_hours),
          certification: standing,
          certifications,
          lastSupervisionAt: iso(r.last_supervision_at),
          supervision: supervisionStanding(iso(r.last_supervision_at), at),
          boundaryConcerns: (r.boundary_concerns as unknown[]).length,
        };
      },
      (r) => [r.mentor_id],
    );
  }

  async caseload(siteId: SiteId, mentorId: string, now: Date, cursor: string | undefined, limit: number) {
    const [after] = decodeCursor(cursor, 1) ?? [''];
    const escalations = await this.tables.table('escalation');
    const rows = await this.tables.query<ReadRow>(
      'match',
      (t) => `select x.*, ${escalations ? `(select count(*) from ${escalations} e where e.site_id = x.site_id and e.match_id = x.match_id and e.resolved_at is null)` : '0'} as open_escalations
        from ${t} x where x.site_id = $1 and x.mentor_id = $2 and x.status in ${OPEN} and x.match_id::text > $3 order by x.match_id limit $4`,
      [siteId, mentorId, after, limit + 1],
    );
    const at = now.toISOString();
    return pageOf(
      rows,
      limit,
      (r) => {
        const checkIns = r.check_ins as CheckInCell[];
        const lastContactAt = iso(r.last_contact_at);
        return {
          matchId: r.match_id as string,
          participantId: r.participant_id as string,
          status: r.status as string,
          acceptedAt: iso(r.accepted_at),
          lastContactAt,
          daysSinceLastContact: lastContactAt ? daysBetween(lastContactAt, at) : null,
          openEscalations: Number(r.open_escalations),
          dischargedAt: iso(r.discharged_at),
          checkIns: checkIns.map((c) => ({ ...c, dueNow: c.status === 'due' || (c.status === 'scheduled' && Date.parse(c.dueAt) <= now.getTime()) })),
        };
      },
      (r) => [r.match_id],
    );
  }

  async escalations(siteId: SiteId, openOnly: boolean, now: Date, cursor: string | undefined, limit: number) {
    const [afterRaised, afterId] = decodeCursor(cursor, 2) ?? ['9999-12-31T00:00:00Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.tables.query<ReadRow>(
      'escalation',
      (t) => `select * from ${t} where site_id = $1 ${openOnly ? 'and resolved_at is null' : ''}
        and (raised_at, escalation_id::text) < ($2::timestamptz, $3) order by raised_at desc, escalation_id desc limit $4`,
      [siteId, afterRaised, afterId, limit + 1],
    );
    const at = now.toISOString();
    return pageOf(
      rows,
      limit,
      (r) => ({
        escalationId: r.escalation_id as string,
        matchId: r.match_id as string,
        mentorId: r.mentor_id as string,
        participantId: r.participant_id as string,
        risk: r.risk as string,
        urgency: r.urgency as string,
        raisedAt: iso(r.raised_at)!,
        acknowledgeBy: iso(r.acknowledge_by)!,
        acknowledgedAt: iso(r.acknowledged_at),
        acknowledgedBy: r.acknowledged_by as string | null,
        resolvedAt: iso(r.resolved_at),
        resolution: r.resolution as string | null,
        overdue: r.resolved_at === null && isEscalationOverdue(iso(r.acknowledged_at), iso(r.acknowledge_by)!, at),
      }),
      (r) => [iso(r.raised_at)!, r.escalation_id],
    );
  }

  async history(siteId: SiteId, participantId: string) {
    const params = [siteId, participantId];
    const where = 'where site_id = $1 and participant_id = $2';
    const [matches, contacts, referrals, escalations] = await Promise.all([
      this.tables.query<ReadRow>('match', (t) => `select * from ${t} ${where} order by proposed_at`, params),
      this.tables.query<ReadRow>('contact', (t) => `select * from ${t} ${where} order by contact_at`, params),
      this.tables.query<ReadRow>('referral', (t) => `select * from ${t} ${where} order by made_at`, params),
      this.tables.query<ReadRow>('escalation', (t) => `select * from ${t} ${where} order by raised_at`, params),
    ]);
    return {
      participantId,
      matches: matches.map((r) => ({
        matchId: r.match_id,
        mentorId: r.mentor_id,
        status: r.status,
        proposedAt: iso(r.proposed_at),
        acceptedAt: iso(r.accepted_at),
        endedAt: iso(r.ended_at),
        endReason: r.end_reason,
        dischargedAt: iso(r.discharged_at),
        checkIns: r.check_ins,
      })),
      contacts: contacts.map((r) => ({
        contactId: r.contact_id,
        matchId: r.match_id,
        kind: r.kind,
        minutes: r.minutes,
        contactAt: iso(r.contact_at),
        billing: r.billing_code ? { code: r.billing_code, units: r.billable_units } : null,
        hasNote: r.has_note,
      })),
      referrals: referrals.map((r) => ({
        referralId: r.referral_id,
        category: r.category,
        resourceId: r.resource_id,
        madeAt: iso(r.made_at),
        followUpDueAt: iso(r.follow_up_due_at),
        outcome: r.outcome,
        outcomeAt: iso(r.outcome_at),
      })),
      escalations: escalations.map((r) => ({
        escalationId: r.escalation_id,
        risk: r.risk,
        urgency: r.urgency,
        raisedAt: iso(r.raised_at),
        acknowledgedAt: iso(r.acknowledged_at),
        resolvedAt: iso(r.resolved_at),
        resolution: r.resolution,
      })),
    };
  }

  async resources(siteId: SiteId, category: string | undefined) {
    const rows = await this.tables.query<ReadRow>(
      'resource',
      (t) => `select * from ${t} where site_id = $1 and not withdrawn ${category ? 'and category = $2' : ''} order by category, name, resource_id`,
      category ? [siteId, category] : [siteId],
    );
    return rows.map((r) => ({
      resourceId: r.resource_id as string,
      category: r.category as string,
      name: r.name as string,
      fellowship: r.fellowship as string | null,
      description: r.description as string,
      contact: r.contact as string,
    }));
  }
}

export type { Page };
