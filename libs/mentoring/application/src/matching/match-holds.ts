import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { matchDecider, matchStream, type CaseloadPlace } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';

/**
 * How long a place taken for a proposal whose match was never written stays held: the proposal
 * writes its match right after the place, so only a crash between the two leaves one unwritten.
 */
export const UNWRITTEN_PROPOSAL_HOLD_MS = 2 * 60_000;

/**
 * Which of a mentor's caseload places are free again: their match has ended, or its proposal was
 * never written. Read from the matches' own streams, not the read model, which may not yet show a
 * match proposed a moment ago; the read model only spares reading matches it already shows ended
 * (an end is final).
 */
@Injectable()
export class CaseloadPlaces {
  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  async released(siteId: SiteId, places: readonly CaseloadPlace[], at: string): Promise<string[]> {
    const endedInView = new Set(await this.views.endedAmong(siteId, places.map((place) => place.matchId)));
    const unsure = places.filter((place) => !endedInView.has(place.matchId));
    const free = await Promise.all(
      unsure.map(async (place) => {
        const match = await this.log.load(matchStream(siteId, place.matchId), matchDecider);
        if (match.status === 'ended') return true;
        return match.status === 'none' && Date.parse(at) - Date.parse(place.takenAt) > UNWRITTEN_PROPOSAL_HOLD_MS;
      }),
    );
    return [...endedInView, ...unsure.filter((_, index) => free[index]).map((place) => place.matchId)];
  }
}
