import type { ConsentPurpose, ConsentRecipient } from '@alongside/enrolment/contracts';
import { isBefore, isCalendarDay } from '../calendar/calendar-day';
import { assertNotInTheFuture } from '../calendar/calendar-guards';
import { NotACalendarDay } from '../calendar/calendar.errors';
import { ReferenceCodes } from '../reference/reference-codes';
import { isConsentActive } from './consent-activity';
import {
  ConsentAlreadyRecorded,
  ConsentExpiresBeforeSignature,
  ConsentExpiresBeforeToday,
  ConsentNotActive,
  ConsentNotFound,
  ConsentRecipientDoesNotFitPurpose,
  NoInformationToDisclose,
} from './consent.errors';
import type { GrantConsent, RevokeConsent } from './participant.commands';
import type { ParticipantEvent } from './participant.events';
import { known, knownAndNotErased } from './participant.guards';
import type { Participant } from './participant.state';

/**
 * Peer-support contact and each cross-site transfer need a consent of their own (42 CFR Part 2),
 * naming who receives: the peer-support service, or the receiving site.
 */
const assertRecipientFits = (purpose: ConsentPurpose, recipient: ConsentRecipient, siteId: string): void => {
  if (purpose === 'transfer' && recipient.kind !== 'site') {
    throw new ConsentRecipientDoesNotFitPurpose('A transfer consent names the receiving site.');
  }
  if (purpose === 'peer-support' && recipient.kind !== 'peer-support') {
    throw new ConsentRecipientDoesNotFitPurpose('A peer-support consent names the peer-support service as the recipient.');
  }
  if (recipient.kind === 'peer-support' && purpose !== 'peer-support') {
    throw new ConsentRecipientDoesNotFitPurpose('Information goes to the peer-support service only under a peer-support consent.');
  }
  if (recipient.kind === 'site' && recipient.siteId === siteId) {
    throw new ConsentRecipientDoesNotFitPurpose('A consent to disclose to another site names a site other than this one.');
  }
};

export const grantConsent = ({ data }: GrantConsent, state: Participant): ParticipantEvent[] => {
  const p = knownAndNotErased(state);
  const codes = ReferenceCodes.of(data.referenceDataVersion);
  if (p.consents.some((c) => c.consentId === data.consentId)) throw new ConsentAlreadyRecorded(data.consentId);
  const purpose = codes.consentPurpose(data.purpose);
  if (data.informationCategories.length === 0) throw new NoInformationToDisclose();
  const informationCategories = [...new Set(data.informationCategories.map((c) => codes.informationCategory(c)))];
  assertNotInTheFuture('signature date', data.signedOn, data.now);
  if (data.expiry.kind === 'date') {
    if (!isCalendarDay(data.expiry.on)) throw new NotACalendarDay('expiry date', data.expiry.on);
    if (isBefore(data.expiry.on, data.signedOn)) throw new ConsentExpiresBeforeSignature();
    if (isBefore(data.expiry.on, data.now.today)) throw new ConsentExpiresBeforeToday(data.expiry.on);
  }
  assertRecipientFits(purpose, data.recipient, p.siteId);
  return [
    {
      type: 'ConsentGranted',
      data: {
        consentId: data.consentId,
        participantId: p.participantId,
        siteId: p.siteId,
        recipient: data.recipient,
        purpose,
        informationCategories,
        expiry: data.expiry,
        signedOn: data.signedOn,
        grantedAt: data.now.at,
        referenceDataVersion: codes.version,
      },
    },
  ];
};

/** A revoked consent stops disclosures from then on; what was disclosed before stays disclosed. */
// Revoking stays possible after an erasure: it only ever narrows what may be disclosed.
export const revokeConsent = ({ data }: RevokeConsent, state: Participant): ParticipantEvent[] => {
  const p = known(state);
  const { version } = ReferenceCodes.of(data.referenceDataVersion);
  const consent = p.consents.find((c) => c.consentId === data.consentId);
  if (!consent) throw new ConsentNotFound(data.consentId);
  if (!isConsentActive(consent, data.now.today)) throw new ConsentNotActive(data.consentId);
  return [
    {
      type: 'ConsentRevoked',
      data: {
        consentId: consent.consentId,
        participantId: p.participantId,
        siteId: p.siteId,
        purpose: consent.purpose,
        recipient: consent.recipient,
        revokedAt: data.now.at,
        referenceDataVersion: version,
      },
    },
  ];
};
