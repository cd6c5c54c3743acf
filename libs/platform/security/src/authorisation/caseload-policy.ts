import type { SiteId } from '@alongside/platform/event-sourcing';

/**
 * Tells whether a peer mentor walks with a participant (an active or aftercare match). The
 * mentoring service implements it from its own read model; a service that lets peer mentors reach
 * participants provides it under CASELOAD_POLICY, and without it peer mentors reach no one.
 */
export interface CaseloadPolicy {
  isMatched(query: Readonly<{ siteId: SiteId; mentorId: string; participantId: string }>): Promise<boolean>;
}

export const CASELOAD_POLICY = Symbol.for('alongside.CaseloadPolicy');
