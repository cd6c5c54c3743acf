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
