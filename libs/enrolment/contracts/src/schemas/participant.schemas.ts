import { PERSONAL_DETAIL_FIELDS } from '../events/participant.events';
import { eventSchema, oneOf, isoInstant, referenceDataVersion, siteId, uuid } from './schema-parts';

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

export const participantDetailsRecordedV1 = eventSchema('ParticipantDetailsRecorded', 1, 'A version of the participant details was recorded (field names only; values stay sealed in enrolment).', {
  participantId: uuid,
  siteId,
  detailsId: uuid,
  because: oneOf(['registration', 'correction']),
  fields: { type: 'array', items: oneOf(PERSONAL_DETAIL_FIELDS), minItems: 1, uniqueItems: true },
  recordedAt: isoInstant,
  referenceDataVersion,
});
