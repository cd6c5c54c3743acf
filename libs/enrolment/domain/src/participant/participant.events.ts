import type {
  ConsentEnded,
  ConsentGranted,
  ConsentRevoked,
  Discharged,
  Enrolled,
  LevelOfCareChanged,
  ParticipantDetailsRecorded,
  ParticipantErased,
  ParticipantRegistered,
  Readmitted,
  TransferAccepted,
  TransferAnswerReceived,
  TransferDeclined,
  TransferReceived,
  TransferRequested,
} from '@alongside/enrolment/contracts';

/** Everything a participant stream holds. */
export type ParticipantEvent =
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
