import type { IsoDate, IsoInstant, Uuid } from '../calendar';
import type { AsamLevel, Programme, TransferDeclineReason, TransferReason } from '../reference-data/codes';

/**
 * The transfer saga between two sites of the network, over Kafka:
 *
 *   source site                          destination site
 *   TransferRequested  ──────────────▶   TransferReceived (its incoming queue)
 *                                        TransferAccepted + Enrolled(transferredFrom)
 *   TransferAnswerReceived + Discharged  ◀──  or TransferDeclined
 *   (reason transferred) / nothing else
 *
 * `transferId` identifies one saga on both sides. The participant keeps their participant id at
 * the destination; their history stays at the source and travels by reference (`history`).
 */
export type TransferHistoryReference = Readonly<{ siteId: string; participantId: Uuid }>;

export type RequestedPlacement = Readonly<{ programme: Programme; levelOfCare: AsamLevel }>;

/** The source site asked the destination to take the participant over (under a transfer consent). */
export type TransferRequested = Readonly<{
  type: 'TransferRequested';
  data: {
    transferId: Uuid;
    participantId: Uuid;
    siteId: string;
    fromSiteId: string;
    toSiteId: string;
    /** The source episode that closes if the destination accepts. */
    episodeId: Uuid;
    consentId: Uuid;
    requested: RequestedPlacement;
    reason: TransferReason;
    requestedAt: IsoInstant;
    /** After this instant an unanswered request shows as overdue on both sides. */
    respondBy: IsoInstant;
    history: TransferHistoryReference;
    referenceDataVersion: number;
  };
}>;

/**
 * The destination site heard a transfer request: it now waits in that site's incoming queue.
 * The request's data, with `siteId` the destination (whose record this is).
 */
export type TransferReceived = Readonly<{
  type: 'TransferReceived';
  data: TransferRequested['data'] & { receivedAt: IsoInstant };
}>;

/** The destination accepted; an `Enrolled` with `transferredFrom` follows in the same stream. */
export type TransferAccepted = Readonly<{
  type: 'TransferAccepted';
  data: {
    transferId: Uuid;
    participantId: Uuid;
    siteId: string;
    fromSiteId: string;
    toSiteId: string;
    /** The new episode at the destination. */
    episodeId: Uuid;
    programme: Programme;
    levelOfCare: AsamLevel;
    admittedOn: IsoDate;
    acceptedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The destination declined; the source episode stays open. */
export type TransferDeclined = Readonly<{
  type: 'TransferDeclined';
  data: {
    transferId: Uuid;
    participantId: Uuid;
    siteId: string;
    fromSiteId: string;
    toSiteId: string;
    reason: TransferDeclineReason;
    declinedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The source site heard the destination's answer; on `accepted` a `Discharged` (transferred) follows. */
export type TransferAnswerReceived = Readonly<{
  type: 'TransferAnswerReceived';
  data: {
    transferId: Uuid;
    participantId: Uuid;
    siteId: string;
    fromSiteId: string;
    toSiteId: string;
    answer: 'accepted' | 'declined';
    answeredAt: IsoInstant;
    destinationEpisodeId: Uuid | null;
    admittedOn: IsoDate | null;
    declineReason: TransferDeclineReason | null;
    receivedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;
