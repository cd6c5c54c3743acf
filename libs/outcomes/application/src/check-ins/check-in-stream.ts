import { CHECK_INS_STREAM_CATEGORY } from '@alongside/outcomes/contracts';
import { streamName, type SiteId } from '@alongside/platform/event-sourcing';

/** `outcomes.check-ins-<site>-<participantId>`: the participant's own companion log. */
export const checkInStream = (siteId: SiteId, participantId: string): string => streamName('outcomes', CHECK_INS_STREAM_CATEGORY, siteId, participantId);
