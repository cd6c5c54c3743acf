import { CONSENT_ENDING_EVENTS, CONSENT_PURPOSES, INFORMATION_CATEGORIES } from '../reference-data/consent-terms';
import { eventSchema, isoDate, isoInstant, object, oneOf, referenceDataVersion, siteId, uuid } from './schema-parts';

export const consentRecipient = {
  oneOf: [
    object({ kind: { const: 'site' }, siteId }),
    object({ kind: { const: 'peer-support' }, siteId }),
    object({ kind: { const: 'organisation' }, organisationName: { type: 'string', minLength: 1, maxLength: 200 } }),
  ],
};

const consentExpiry = {
  oneOf: [
    object({ kind: { const: 'date' }, on: isoDate }),
    object({ kind: { const: 'event' }, event: oneOf(CONSENT_ENDING_EVENTS) }),
  ],
};

const purpose = oneOf(CONSENT_PURPOSES);

export const consentGrantedV1 = eventSchema('ConsentGranted', 1, 'A 42 CFR Part 2 consent to disclose was granted.', {
  consentId: uuid,
  participantId: uuid,
  siteId,
  recipient: consentRecipient,
  purpose,
  informationCategories: { type: 'array', items: oneOf(INFORMATION_CATEGORIES), minItems: 1, uniqueItems: true },
  expiry: consentExpiry,
  signedOn: isoDate,
  grantedAt: isoInstant,
  referenceDataVersion,
});

export const consentRevokedV1 = eventSchema('ConsentRevoked', 1, 'The participant revoked a consent.', {
  consentId: uuid,
  participantId: uuid,
  siteId,
  purpose,
  recipient: consentRecipient,
  revokedAt: isoInstant,
  referenceDataVersion,
});

export const consentEndedV1 = eventSchema('ConsentEnded', 1, 'The event a consent named as its expiry happened.', {
  consentId: uuid,
  participantId: uuid,
  siteId,
  purpose,
  recipient: consentRecipient,
  because: oneOf(CONSENT_ENDING_EVENTS),
  endedOn: isoDate,
  referenceDataVersion,
});
