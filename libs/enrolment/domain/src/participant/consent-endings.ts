import type { ConsentEndingEvent, IsoDate } from '@alongside/enrolment/contracts';
import { isConsentActive } from './consent-activity';
import type { ParticipantEvent } from './participant.events';
import type { KnownParticipant } from './participant.guards';

/** The consents that named `because` as their expiry end with it (42 CFR 2.31(a)(6)). */
export const consentsEndedBy = (
  p: KnownParticipant,
  because: ConsentEndingEvent,
  on: IsoDate,
  referenceDataVersion: number,
): ParticipantEvent[] =>
  p.consents
    .filter((c) => c.expiry.kind === 'event' && c.expiry.event === because && isConsentActive(c, on))
    .map((c) => ({
      type: 'ConsentEnded' as const,
      data: {
        consentId: c.consentId,
        participantId: p.participantId,
        siteId: p.siteId,
        purpose: c.purpose,
        recipient: c.recipient,
        because,
        endedOn: on,
        referenceDataVersion,
      },
    }));
