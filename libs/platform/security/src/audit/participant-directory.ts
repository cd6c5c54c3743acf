import type { SiteId } from '@alongside/platform/event-sourcing';

/**
 * Where a participant is known to this service. DisclosuresController asks it so that a
 * participant of another site, or none, answers 404 rather than an empty accounting.
 */
export interface ParticipantDirectory {
  siteOf(participantId: string): Promise<SiteId | undefined>;
}

export const PARTICIPANT_DIRECTORY = Symbol.for('alongside.ParticipantDirectory');
