import type {
  ConsentExpiry,
  ConsentRecipient,
  IsoDate,
  IsoInstant,
  PersonalDetailField,
  Programme,
  TransferRequested,
} from '@alongside/enrolment/contracts';
import type { Now } from '../calendar/now';

/** What a decision needs to know about the site it is made at (from its SiteConfigured). */
export type SiteTerms = Readonly<{ programmes: readonly Programme[] }> | null;

type Decided = Readonly<{ now: Now; referenceDataVersion: number }>;

/**
 * Registers a person at a site. Their details were sealed by the application before this command
 * was made (under `detailsId`); the decider sees only which fields were given.
 */
export type RegisterParticipant = Readonly<{
  type: 'RegisterParticipant';
  data: Decided & { participantId: string; siteId: string; detailsId: string; fields: readonly PersonalDetailField[] };
}>;

/** Records a corrected version of the details (a new version; the old one stays). */
export type CorrectParticipantDetails = Readonly<{
  type: 'CorrectParticipantDetails';
  data: Decided & { detailsId: string; fields: readonly PersonalDetailField[] };
}>;

/** Crypto-shredding: the events stay, the details become unreadable. */
export type EraseParticipant = Readonly<{ type: 'EraseParticipant'; data: Decided }>;

export type GrantConsent = Readonly<{
  type: 'GrantConsent';
  data: Decided & {
    consentId: string;
    recipient: ConsentRecipient;
    purpose: string;
    informationCategories: readonly string[];
    expiry: ConsentExpiry;
    signedOn: IsoDate;
  };
}>;

export type RevokeConsent = Readonly<{ type: 'RevokeConsent'; data: Decided & { consentId: string } }>;

export type Enrol = Readonly<{
  type: 'Enrol';
  data: Decided & {
    episodeId: string;
    programme: string;
    levelOfCare: string;
    referralSource: string;
    admittedOn: IsoDate;
    site: SiteTerms;
  };
}>;

export type ChangeLevelOfCare = Readonly<{
  type: 'ChangeLevelOfCare';
  data: Decided & {
    episodeId: string;
    levelOfCare: string;
    /** When the change of level also moves the participant to another programme. */
    programme?: string;
    reason: string;
    changedOn: IsoDate;
    site: SiteTerms;
  };
}>;

export type Discharge = Readonly<{
  type: 'Discharge';
  data: Decided & { episodeId: string; reason: string; dischargedOn: IsoDate };
}>;

export type Readmit = Readonly<{
  type: 'Readmit';
  data: Decided & {
    episodeId: string;
    programme: string;
    levelOfCare: string;
    referralSource: string;
    admittedOn: IsoDate;
    site: SiteTerms;
  };
}>;

/** At the source site: ask another site of the network to take the participant over. */
export type RequestTransfer = Readonly<{
  type: 'RequestTransfer';
  data: Decided & {
    transferId: string;
    toSiteId: string;
    requested: { programme: string; levelOfCare: string };
    reason: string;
    /** Until when the destination has to answer before the request shows as overdue. */
    respondBy: IsoInstant;
  };
}>;

/** At the destination, from the consumer: record a transfer request heard on Kafka. */
export type RecordTransferReceived = Readonly<{
  type: 'RecordTransferReceived';
  data: { siteId: string; request: TransferRequested['data']; receivedAt: IsoInstant };
}>;

export type AcceptTransfer = Readonly<{
  type: 'AcceptTransfer';
  data: Decided & {
    transferId: string;
    episodeId: string;
    programme: string;
    levelOfCare: string;
    admittedOn: IsoDate;
    site: SiteTerms;
  };
}>;

export type DeclineTransfer = Readonly<{
  type: 'DeclineTransfer';
  data: Decided & { transferId: string; reason: string };
}>;

/** At the source, from the consumer: record the destination's answer heard on Kafka. */
export type RecordTransferAnswer = Readonly<{
  type: 'RecordTransferAnswer';
  data: {
    transferId: string;
    answer:
      | { kind: 'accepted'; answeredAt: IsoInstant; destinationEpisodeId: string; admittedOn: IsoDate }
      | { kind: 'declined'; answeredAt: IsoInstant; reason: string };
    receivedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

export type ParticipantCommand =
  | RegisterParticipant
  | CorrectParticipantDetails
  | EraseParticipant
  | GrantConsent
  | RevokeConsent
  | Enrol
  | ChangeLevelOfCare
  | Discharge
  | Readmit
  | RequestTransfer
  | RecordTransferReceived
  | AcceptTransfer
  | DeclineTransfer
  | RecordTransferAnswer;
