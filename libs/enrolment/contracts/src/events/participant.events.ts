import type { IsoInstant, Uuid } from '../calendar';

/**
 * A person was registered at a site. Deliberately without name, birth date, contact, language or
 * pronouns: those stay encrypted inside the enrolment service and never reach Kafka.
 */
export type ParticipantRegistered = Readonly<{
  type: 'ParticipantRegistered';
  data: {
    participantId: Uuid;
    siteId: string;
    registeredAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/** The personal details a participant record may hold; their values never leave enrolment. */
export const PERSONAL_DETAIL_FIELDS = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'phone',
  'email',
  'address',
  'preferredLanguage',
  'pronouns',
] as const;
export type PersonalDetailField = (typeof PERSONAL_DETAIL_FIELDS)[number];

/**
 * Bookkeeping: a version of the participant's details was recorded, at registration or as a
 * correction (a new version, never an overwrite). It names which fields were given, not their
 * values: the values are sealed with the participant's own key in enrolment's encrypted store,
 * under `detailsId`. Other services need not consume it.
 */
export type ParticipantDetailsRecorded = Readonly<{
  type: 'ParticipantDetailsRecorded';
  data: {
    participantId: Uuid;
    siteId: string;
    detailsId: Uuid;
    because: 'registration' | 'correction';
    fields: readonly PersonalDetailField[];
    recordedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;

/**
 * The participant's personal data was erased (crypto-shredding): their events stay, their details
 * can no longer be read anywhere. Consumers drop anything they derived from those details.
 */
export type ParticipantErased = Readonly<{
  type: 'ParticipantErased';
  data: {
    participantId: Uuid;
    siteId: string;
    erasedAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;
