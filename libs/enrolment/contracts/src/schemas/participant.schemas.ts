import { eventSchema, isoInstant, referenceDataVersion, siteId, uuid } from './schema-parts';

export const participantRegisteredV1 = eventSchema('ParticipantRegistered', 1, 'A person was registered at a site. Carries no personal data.', {
  participantId: uuid,
  siteId,
  registeredAt: isoInstant,
  referenceDataVersion,
});

export const participantErasedV1 = eventSchema('ParticipantErased', 1, "The participant's personal data was crypto-shredded.", {
  participantId: uuid,
  siteId,
  erasedAt: isoInstant,
  referenceDataVersion,
});
