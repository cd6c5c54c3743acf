import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CaseloadPolicy } from '@alongside/platform/security';
import { OutcomeTables } from '../dashboards/outcome-tables';

/** A peer mentor reaches a participant while outcomes has heard an open match between them. */
@Injectable()
export class MatchCaseloadPolicy implements CaseloadPolicy {
  constructor(private readonly tables: OutcomeTables) {}

  async isMatched({ siteId, mentorId, participantId }: Readonly<{ siteId: SiteId; mentorId: string; participantId: string }>): Promise<boolean> {
    const { outcome_mentor_match: matches } = await this.tables.tables('outcome_mentor_match');
    const rows = await this.tables.query(
      `select 1 from ${matches} where site_id = $1 and mentor_id::text = $2 and participant_id::text = $3 and ended_at is null limit 1`,
      [siteId, mentorId, participantId],
    );
    return rows.length > 0;
  }
}
