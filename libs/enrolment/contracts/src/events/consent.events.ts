import type { IsoDate, IsoInstant, Uuid } from '../calendar';
import type {
  ConsentEndingEvent,
  ConsentExpiry,
  ConsentPurpose,
  ConsentRecipient,
  InformationCategory,
} from '../reference-data/consent-terms';

/**
 * A written 42 CFR Part 2 consent to disclose. It is active from `grantedAt` until it is revoked
 * (`ConsentRevoked`), its expiry date has passed (active up to and including `expiry.on`, in the
 * site's time zone) or its expiry event happened (`ConsentEnded`).
 */
export type ConsentGranted = Readonly<{
  type: 'ConsentGranted';
  data: {
    consentId: Uuid;
    participantId: Uuid;
    siteId: string;
    recipient: ConsentRecipient;
    purpose: ConsentPurpose;
    /** Amount and kind of information that may be disclosed. */
    informationCategories: readonly InformationCategory[];
    expiry: ConsentExpiry;
    signedOn: IsoDate;
    grantedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The participant revoked the consent: no disclosure under it from `revokedAt` on. */
export type ConsentRevoked = Readonly<{
  type: 'ConsentRevoked';
  data: {
    consentId: Uuid;
    participantId: Uuid;
    siteId: string;
    purpose: ConsentPurpose;
    recipient: ConsentRecipient;
    revokedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The event the consent named as its expiry happened (e.g. the discharge): it is no longer active. */
export type ConsentEnded = Readonly<{
  type: 'ConsentEnded';
  data: {
    consentId: Uuid;
    participantId: Uuid;
    siteId: string;
    purpose: ConsentPurpose;
    recipient: ConsentRecipient;
    because: ConsentEndingEvent;
    endedOn: IsoDate;
    referenceDataVersion: number;
  };
}>;
