import type {
  AsamLevel,
  ConsentExpiry,
  ConsentPurpose,
  ConsentRecipient,
  DischargeReason,
  InformationCategory,
  IsoDate,
  IsoInstant,
  Programme,
  RequestedPlacement,
  TransferOrigin,
} from '@alongside/enrolment/contracts';

export type Consent = Readonly<{
  consentId: string;
  purpose: ConsentPurpose;
  recipient: ConsentRecipient;
  informationCategories: readonly InformationCategory[];
  expiry: ConsentExpiry;
  signedOn: IsoDate;
  grantedAt: IsoInstant;
  revokedAt: IsoInstant | null;
  endedOn: IsoDate | null;
}>;

export type Episode = Readonly<{
  episodeId: string;
  programme: Programme;
  levelOfCare: AsamLevel;
  admittedOn: IsoDate;
  /** The latest day something was recorded on this episode: nothing later may be dated before it. */
  lastDatedOn: IsoDate;
  previousEpisodeId: string | null;
  transferredFrom: TransferOrigin | null;
  discharge: Readonly<{ on: IsoDate; reason: DischargeReason; transferId: string | null }> | null;
}>;

export type TransferStatus = 'pending' | 'accepted' | 'declined';

/** A transfer this site asked for (this site is the source). */
export type OutgoingTransfer = Readonly<{
  transferId: string;
  toSiteId: string;
  episodeId: string;
  consentId: string;
  requestedAt: IsoInstant;
  status: TransferStatus;
}>;

/** A transfer another site asked this site for (this site is the destination). */
export type IncomingTransfer = Readonly<{
  transferId: string;
  fromSiteId: string;
  sourceEpisodeId: string;
  requested: RequestedPlacement;
  status: TransferStatus;
}>;

/**
 * A participant's record at one site.
 * - `registered`: registered here;
 * - `referenced`: known here only through a transfer from another site, whose record stays there.
 */
export type Participant = Readonly<{
  status: 'unknown' | 'registered' | 'referenced';
  participantId: string | null;
  siteId: string | null;
  detailsId: string | null;
  erased: boolean;
  consents: readonly Consent[];
  episodes: readonly Episode[];
  outgoing: readonly OutgoingTransfer[];
  incoming: readonly IncomingTransfer[];
}>;

export const initialParticipant = (): Participant => ({
  status: 'unknown',
  participantId: null,
  siteId: null,
  detailsId: null,
  erased: false,
  consents: [],
  episodes: [],
  outgoing: [],
  incoming: [],
});

export const activeEpisode = (participant: Participant): Episode | undefined =>
  participant.episodes.find((episode) => episode.discharge === null);

export const lastEpisode = (participant: Participant): Episode | undefined => participant.episodes.at(-1);
