import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { Certification, MentorCandidate } from '@alongside/mentoring/domain';
import type { CertificationCell } from '@alongside/mentoring/read-models';
import { MentoringTables } from './mentoring-tables';

const OPEN = `('proposed', 'active', 'aftercare')`;

/** What commands need to know from the read models (eventually consistent by a few milliseconds). */
@Injectable()
export class MentoringViews {
  constructor(private readonly tables: MentoringTables) {}

  async openMatchesOf(siteId: SiteId, mentorId: string): Promise<number> {
    const [row] = await this.tables.query<{ n: string }>(
      'match',
      (t) => `select count(*) as n from ${t} where site_id = $1 and mentor_id = $2 and status in ${OPEN}`,
      [siteId, mentorId],
    );
    return Number(row?.n ?? 0);
  }

  /** The ids of a mentor's open matches as the read model shows them (it may lag the log either way). */
  async openMatchIdsOf(siteId: SiteId, mentorId: string): Promise<string[]> {
    const rows = await this.tables.query<{ match_id: string }>(
      'match',
      (t) => `select match_id from ${t} where site_id = $1 and mentor_id = $2 and status in ${OPEN}`,
      [siteId, mentorId],
    );
    return rows.map((r) => r.match_id);
  }

  /** Which of these matches the read model shows ended (final: an ended match never reopens). */
  async endedAmong(siteId: SiteId, matchIds: readonly string[]): Promise<string[]> {
    if (matchIds.length === 0) return [];
    const rows = await this.tables.query<{ match_id: string }>(
      'match',
      (t) => `select match_id from ${t} where site_id = $1 and match_id::text = any($2::text[]) and status = 'ended'`,
      [siteId, [...matchIds]],
    );
    return rows.map((r) => r.match_id);
  }

  /** Open matches of a participant (for a proposal, and the consumers that react to consent and discharge). */
  async openMatchesOfParticipant(siteId: SiteId, participantId: string): Promise<{ matchId: string; status: string }[]> {
    const rows = await this.tables.query<{ match_id: string; status: string }>(
      'match',
      (t) => `select match_id, status from ${t} where site_id = $1 and participant_id = $2 and status in ${OPEN} order by match_id`,
      [siteId, participantId],
    );
    return rows.map((r) => ({ matchId: r.match_id, status: r.status }));
  }

  async isMatched(siteId: SiteId, mentorId: string, participantId: string): Promise<boolean> {
    const rows = await this.tables.query(
      'match',
      (t) => `select 1 from ${t} where site_id = $1 and mentor_id = $2 and participant_id = $3 and status in ('active', 'aftercare') limit 1`,
      [siteId, mentorId, participantId],
    );
    return rows.length > 0;
  }

  async candidates(siteId: SiteId): Promise<MentorCandidate[]> {
    const [matches, escalations] = await Promise.all([this.tables.table('match'), this.tables.table('escalation')]);
    if (!matches || !escalations) return [];
    const rows = await this.tables.query<{
      mentor_id: string;
      display_name: string;
      languages: string[];
      specialities: MentorCandidate['specialities'];
      max_caseload: number;
      certifications: CertificationCell[];
      open_matches: string;
      open_escalations: string;
    }>(
      'mentor',
      (t) => `select m.*,
          (select count(*) from ${matches} x where x.site_id = m.site_id and x.mentor_id = m.mentor_id and x.status in ${OPEN}) as open_matches,
          (select count(*) from ${escalations} e where e.site_id = m.site_id and e.mentor_id = m.mentor_id and e.resolved_at is null) as open_escalations
        from ${t} m where m.site_id = $1`,
      [siteId],
    );
    return rows.map((r) => ({
      mentorId: r.mentor_id,
      displayName: r.display_name,
      languages: r.languages,
      specialities: r.specialities,
      maxCaseload: r.max_caseload,
      certifications: r.certifications.map(
        (c): Certification => ({ certificationId: c.certificationId, credential: c.credential, expiresAt: c.expiresAt, status: c.status }),
      ),
      openMatches: Number(r.open_matches),
      openEscalations: Number(r.open_escalations),
    }));
  }

  /** Ids for the sweepers: mentors with a certification not yet recorded as expired, matches in aftercare. */
  async mentorsWithCertificationsDueBy(siteIds: 'all' | SiteId, now: Date): Promise<{ siteId: string; mentorId: string }[]> {
    const rows = await this.tables.query<{ site_id: string; mentor_id: string }>(
      'mentor',
      (t) =>
        `select site_id, mentor_id from ${t} m where exists (select 1 from jsonb_array_elements(m.certifications) c
           where c->>'status' = 'current' and (c->>'expiresAt')::timestamptz <= $1) ${siteIds === 'all' ? '' : 'and site_id = $2'}`,
      siteIds === 'all' ? [now] : [now, siteIds],
    );
    return rows.map((r) => ({ siteId: r.site_id, mentorId: r.mentor_id }));
  }

  async matchesInAftercare(): Promise<{ siteId: string; matchId: string }[]> {
    const rows = await this.tables.query<{ site_id: string; match_id: string }>(
      'match',
      (t) => `select site_id, match_id from ${t} where status = 'aftercare'`,
      [],
    );
    return rows.map((r) => ({ siteId: r.site_id, matchId: r.match_id }));
  }
}
