import { Injectable, Logger } from '@nestjs/common';
import { VersionConflict } from '@alongside/platform/event-sourcing';
import { mentorDecider, mentorStream } from '@alongside/mentoring/domain';
import { MentoringLog } from '../shared/mentoring-log';
import { MentoringViews } from '../queries/mentoring-views';
import { sweepContext } from './sweeper-context';
import { siteScope } from '@alongside/platform/security';

/**
 * Certifications expire by themselves on their date: this appends CertificationExpired for every
 * one that has reached it by `now`. The decider dates each expiry to the certificate, so a sweep
 * that runs late records the same facts as one on time.
 */
@Injectable()
export class CertificationExpirySweeper {
  private readonly logger = new Logger(CertificationExpirySweeper.name);

  constructor(
    private readonly log: MentoringLog,
    private readonly views: MentoringViews,
  ) {}

  /** Returns how many certifications it expired. */
  /** Every site's, so its reads pass the site wall as all sites, said out loud. */
  sweep(now: Date): Promise<number> {
    return siteScope.allSites(() => this.sweepEverySite(now));
  }

  private async sweepEverySite(now: Date): Promise<number> {
    let expired = 0;
    for (const { siteId, mentorId } of await this.views.mentorsWithCertificationsDueBy('all', now)) {
      const context = sweepContext('certification-expiry', siteId, mentorId, now);
      try {
        const result = await this.log.handle(mentorStream(context.siteId, mentorId), mentorDecider, { type: 'ExpireCertifications', data: { now: now.toISOString() } }, context);
        expired += result.appended ? result.events.length : 0;
      } catch (error) {
        // Someone recorded something for this mentor meanwhile; the next sweep picks it up.
        if (!(error instanceof VersionConflict)) throw error;
        this.logger.warn(`certification sweep of mentor ${mentorId} at ${siteId} met a concurrent change`);
      }
    }
    return expired;
  }
}
