import type { ConsentEnded, ConsentGranted, ConsentRevoked } from './events/consent.events';
import type { Discharged, Enrolled, LevelOfCareChanged, Readmitted } from './events/episode.events';
import type { ParticipantDetailsRecorded, ParticipantErased, ParticipantRegistered } from './events/participant.events';
import type { SiteConfigured } from './events/site.events';
import type {
  TransferAccepted,
  TransferAnswerReceived,
  TransferDeclined,
  TransferReceived,
  TransferRequested,
} from './events/transfer.events';

/** Every event enrolment publishes on `alongside.enrolment.events`. None carries PII. */
export type EnrolmentEvent =
  | SiteConfigured
  | ParticipantRegistered
  | ParticipantDetailsRecorded
  | ParticipantErased
  | ConsentGranted
  | ConsentRevoked
  | ConsentEnded
  | Enrolled
  | Readmitted
  | LevelOfCareChanged
  | Discharged
  | TransferRequested
  | TransferReceived
  | TransferAccepted
  | TransferDeclined
  | TransferAnswerReceived;

export type EnrolmentEventType = EnrolmentEvent['type'];

export const ENROLMENT_EVENT_TYPES = [
  'SiteConfigured',
  'ParticipantRegistered',
  'ParticipantDetailsRecorded',
  'ParticipantErased',
  'ConsentGranted',
  'ConsentRevoked',
  'ConsentEnded',
  'Enrolled',
  'Readmitted',
  'LevelOfCareChanged',
  'Discharged',
  'TransferRequested',
  'TransferReceived',
  'TransferAccepted',
  'TransferDeclined',
  'TransferAnswerReceived',
] as const satisfies readonly EnrolmentEventType[];

export const isEnrolmentEventType = (type: string): type is EnrolmentEventType =>
  (ENROLMENT_EVENT_TYPES as readonly string[]).includes(type);

/** The data of one event type: `EnrolmentEventData<'Enrolled'>`. */
export type EnrolmentEventData<T extends EnrolmentEventType> = Extract<EnrolmentEvent, { type: T }>['data'];
