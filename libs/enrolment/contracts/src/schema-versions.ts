import { UpcasterRegistry, type SchemaVersions, type Upcasters } from '@alongside/platform/event-sourcing';
import type { EnrolmentEventType } from './enrolment-event';

/**
 * The schema version each event type is written with now (Kafka header `schema-version`).
 * Bump one when its shape changes, keep the old JSON Schema, and add an upcaster from the old one.
 */
export const enrolmentSchemaVersions = {
  SiteConfigured: 1,
  ParticipantRegistered: 1,
  ParticipantDetailsRecorded: 1,
  ParticipantErased: 1,
  ConsentGranted: 1,
  ConsentRevoked: 1,
  ConsentEnded: 1,
  Enrolled: 1,
  Readmitted: 1,
  LevelOfCareChanged: 1,
  Discharged: 1,
  TransferRequested: 1,
  TransferReceived: 1,
  TransferAccepted: 1,
  TransferDeclined: 1,
  TransferAnswerReceived: 1,
} as const satisfies SchemaVersions & Record<EnrolmentEventType, number>;

/** `<type>@<fromVersion>` → the next shape. None yet: every event is at its first version. */
export const enrolmentUpcasters: Upcasters = {};

/** For consumers of `alongside.enrolment.events`: apply to every message before handling it. */
export const enrolmentUpcasterRegistry = new UpcasterRegistry(enrolmentSchemaVersions, enrolmentUpcasters);
