import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { matchDecider, matchStream } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';

/**
 * How long a hold taken for a proposal whose match was never written stays: the proposal writes
 * its match right after its holds, so only a crash or a conflict between the two leaves one unwritten.
 */
export const UNWRITTEN_PROPOSAL_HOLD_MS = 2 * 60_000;

/** A match held for a proposal: a place in a mentor's caseload, or a participant's one open match. */
export type MatchHold = Readonly<{ matchId: string; since: string }>;

/**
 * Which holds are free again: their match has ended, or its proposal was never written. Read from
 * the matches' own streams, not the read model, which may not yet show a match proposed a moment
 * ago; the read model only spares reading matches it already shows ended (an end is final).
 */
@Injectable()
export class MatchHolds {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  async released(siteId: SiteId, holds: readonly MatchHold[], at: string): Promise<string[]> {
    const endedInView = new Set(await this.views.endedAmong(siteId, holds.map((hold) => hold.matchId)));
    const unsure = holds.filter((hold) => !endedInView.has(hold.matchId));
    const free = await Promise.all(
      unsure.map(async (hold) => {
        const match = await this.log.load(matchStream(siteId, hold.matchId), matchDecider);
        if (match.status === 'ended') return true;
        return match.status === 'none' && Date.parse(at) - Date.parse(hold.since) > UNWRITTEN_PROPOSAL_HOLD_MS;
      }),
    );
    return [...endedInView, ...unsure.filter((_, index) => free[index]).map((hold) => hold.matchId)];
  }
}
