import { Injectable, Logger } from '@nestjs/common';
import { VersionConflict } from '@alongside/platform/event-sourcing';
import { matchDecider, matchStream } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';
import { sweepContext } from './sweeper-context';
import { siteScope } from '@alongside/platform/security';

/** Marks aftercare check-ins due on their day and missed after the site's grace days. */
@Injectable()
export class AftercareSweeper {
  private readonly logger = new Logger(AftercareSweeper.name);

  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  /** Every site's, so its reads pass the site wall as all sites, said out loud. */
  sweep(now: Date): Promise<number> {
    return siteScope.allSites(() => this.sweepEverySite(now));
  }

  private async sweepEverySite(now: Date): Promise<number> {
    let recorded = 0;
    for (const { siteId, matchId } of await this.views.matchesInAftercare()) {
      const context = sweepContext('aftercare', siteId, matchId, now);
      try {
        const result = await this.log.handle(matchStream(context.siteId, matchId), matchDecider, { type: 'SweepAftercare', data: { now: now.toISOString() } }, context);
        recorded += result.appended ? result.events.length : 0;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        this.logger.warn(`aftercare sweep of match ${matchId} at ${siteId} met a concurrent change`);
      }
    }
    return recorded;
  }
}
