import { Injectable } from '@nestjs/common';
import type { SiteId } from '@alongside/platform/event-sourcing';
import type { CaseloadPolicy } from '@alongside/platform/security';
import { MentoringViews } from './mentoring-views';

/** A peer mentor reaches the participants of their active and aftercare matches, and no one else. */
@Injectable()
export class MentoringCaseloadPolicy implements CaseloadPolicy {
  constructor(private readonly views: MentoringViews) {}

  isMatched(query: Readonly<{ siteId: SiteId; mentorId: string; participantId: string }>): Promise<boolean> {
    return this.views.isMatched(query.siteId, query.mentorId, query.participantId);
  }
}
