import { streamName, type SiteId } from '@alongside/platform/event-sourcing';

/** `mentoring.companion-<site>-<participantId>`: what mentoring heard from the participant's companion app. */
export const companionStream = (siteId: SiteId, participantId: string): string => streamName('mentoring', 'companion', siteId, participantId);
