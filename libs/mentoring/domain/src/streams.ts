import { v5 as uuidv5 } from 'uuid';
import { streamName, type SiteId } from '@alongside/platform/event-sourcing';
import { MENTORING_STREAM_CATEGORIES as C } from '@alongside/mentoring/contracts';

const CONTEXT = 'mentoring';

export const mentorStream = (site: SiteId, mentorId: string) => streamName(CONTEXT, C.mentor, site, mentorId);
export const matchStream = (site: SiteId, matchId: string) => streamName(CONTEXT, C.match, site, matchId);
/** What mentoring has heard about a participant (consent for peer contact, discharges). */
export const participantStream = (site: SiteId, participantId: string) =>
  streamName(CONTEXT, C.participant, site, participantId);
/** The participant's open match, held on their own stream so two proposals for them cannot both be written. */
export const menteeStream = (site: SiteId, participantId: string) => streamName(CONTEXT, C.mentee, site, participantId);
export const referralStream = (site: SiteId, referralId: string) => streamName(CONTEXT, C.referral, site, referralId);
export const escalationStream = (site: SiteId, escalationId: string) =>
  streamName(CONTEXT, C.escalation, site, escalationId);

// One programme record per site; its id is derived from the site id so every writer finds it.
const PROGRAMME_NAMESPACE = '5c2e8f0a-3b1d-5e47-9a6c-1f0d2b3c4e5f';
export const programmeIdOf = (site: SiteId) => uuidv5(`mentoring-programme/${site}`, PROGRAMME_NAMESPACE);
export const programmeStream = (site: SiteId) => streamName(CONTEXT, C.programme, site, programmeIdOf(site));
