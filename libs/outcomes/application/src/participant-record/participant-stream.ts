import { OUTCOMES_STREAM_CATEGORIES } from '@alongside/outcomes/contracts';
import { streamName, type SiteId } from '@alongside/platform/event-sourcing';

/** `outcomes.participant-<site>-<participantId>`: one participant's outcome record at one site. */
export const participantStream = (siteId: SiteId, participantId: string): string =>
  streamName('outcomes', OUTCOMES_STREAM_CATEGORIES.participant, siteId, participantId);
