import { v5 as uuidv5 } from 'uuid';
import { streamName, type SiteId } from '@alongside/platform/event-sourcing';
import { SESSIONS_STREAM_CATEGORIES as C } from '@alongside/sessions/contracts';

const CONTEXT = 'sessions';
const IDS = '8a4e2c6f-1b3d-5f70-9e2a-4c6b8d0f1a3e';

export const groupStream = (site: SiteId, groupId: string) => streamName(CONTEXT, C.group, site, groupId);
export const sessionStream = (site: SiteId, sessionId: string) => streamName(CONTEXT, C.session, site, sessionId);
export const facilitatorStream = (site: SiteId, mentorId: string) => streamName(CONTEXT, C.facilitator, site, mentorId);

// One settings record per site; its id derives from the site id so every writer finds it.
export const siteStream = (site: SiteId) => streamName(CONTEXT, C.site, site, uuidv5(`sessions-site/${site}`, IDS));

/** A scheduled session's id derives from its group and local start, so materialising twice names the same session. */
export const scheduledSessionId = (groupId: string, localStart: string) => uuidv5(`session/${groupId}/${localStart}`, IDS);

/** One participant's billable units for one day and code: the stream that holds the daily maximum. */
export const billingDayStream = (site: SiteId, participantId: string, serviceDate: string, code: string) =>
  streamName(CONTEXT, C.billingDay, site, uuidv5(`billing-day/${participantId}/${serviceDate}/${code}`, IDS));
