import { ENROLMENT_CONTEXT } from '@alongside/enrolment/contracts';
import { ALONGSIDE_EVENTS, streamName, type SiteId } from '@alongside/platform/event-sourcing';
import { v5 as uuidv5 } from 'uuid';

/** One participant's record at one site: registration, details, consents, episodes, transfers. */
export const participantStream = (siteId: SiteId, participantId: string): string =>
  streamName(ENROLMENT_CONTEXT, 'participant', siteId, participantId);

/**
 * A site's configuration. Stream names end in a UUID; a site has a readable id instead, so its
 * stream id is derived from it (the same on every machine, forever).
 */
export const siteStream = (siteId: SiteId): string =>
  streamName(ENROLMENT_CONTEXT, 'site', siteId, uuidv5(`site/${siteId}`, ALONGSIDE_EVENTS));
