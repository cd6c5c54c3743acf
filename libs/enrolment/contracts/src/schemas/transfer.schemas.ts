import { ASAM_LEVELS, PROGRAMMES, TRANSFER_DECLINE_REASONS, TRANSFER_REASONS } from '../reference-data/codes';
import {
  eventSchema,
  isoDate,
  isoInstant,
  nullable,
  object,
  oneOf,
  referenceDataVersion,
  siteId,
  uuid,
  type JsonSchema,
} from './schema-parts';

const programme = oneOf(PROGRAMMES);
const levelOfCare = oneOf(ASAM_LEVELS);

const requestProperties: Record<string, JsonSchema> = {
  transferId: uuid,
  participantId: uuid,
  siteId,
  fromSiteId: siteId,
  toSiteId: siteId,
  episodeId: uuid,
  consentId: uuid,
  requested: object({ programme, levelOfCare }),
  reason: oneOf(TRANSFER_REASONS),
  requestedAt: isoInstant,
  respondBy: isoInstant,
  history: object({ siteId, participantId: uuid }),
  referenceDataVersion,
};

export const transferRequestedV1 = eventSchema('TransferRequested', 1, 'The source site asked another site to take the participant over.', requestProperties);

export const transferReceivedV1 = eventSchema('TransferReceived', 1, 'The destination site heard a transfer request (its incoming queue).', {
  ...requestProperties,
  receivedAt: isoInstant,
});

export const transferAcceptedV1 = eventSchema('TransferAccepted', 1, 'The destination site accepted the transfer (an Enrolled follows there).', {
  transferId: uuid,
  participantId: uuid,
  siteId,
  fromSiteId: siteId,
  toSiteId: siteId,
  episodeId: uuid,
  programme,
  levelOfCare,
  admittedOn: isoDate,
  acceptedAt: isoInstant,
  referenceDataVersion,
});

export const transferDeclinedV1 = eventSchema('TransferDeclined', 1, 'The destination site declined the transfer; the source episode stays open.', {
  transferId: uuid,
  participantId: uuid,
  siteId,
  fromSiteId: siteId,
  toSiteId: siteId,
  reason: oneOf(TRANSFER_DECLINE_REASONS),
  declinedAt: isoInstant,
  referenceDataVersion,
});

export const transferAnswerReceivedV1 = eventSchema('TransferAnswerReceived', 1, "The source site heard the destination's answer.", {
  transferId: uuid,
  participantId: uuid,
  siteId,
  fromSiteId: siteId,
  toSiteId: siteId,
  answer: oneOf(['accepted', 'declined']),
  answeredAt: isoInstant,
  destinationEpisodeId: nullable(uuid),
  admittedOn: nullable(isoDate),
  declineReason: nullable(oneOf(TRANSFER_DECLINE_REASONS)),
  receivedAt: isoInstant,
  referenceDataVersion,
});
