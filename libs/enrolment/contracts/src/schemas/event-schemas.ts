import type { EnrolmentEventType } from '../enrolment-event';
import { enrolmentSchemaVersions } from '../schema-versions';
import { consentEndedV1, consentGrantedV1, consentRevokedV1 } from './consent.schemas';
import { dischargedV1, enrolledV1, levelOfCareChangedV1, readmittedV1 } from './episode.schemas';
import { participantDetailsRecordedV1, participantErasedV1, participantRegisteredV1 } from './participant.schemas';
import type { JsonSchema } from './schema-parts';
import { siteConfiguredV1 } from './site.schemas';
import {
  transferAcceptedV1,
  transferAnswerReceivedV1,
  transferDeclinedV1,
  transferReceivedV1,
  transferRequestedV1,
} from './transfer.schemas';

/**
 * The JSON Schema of every published event (`{ type, data }`), by type and schema version. Old
 * versions stay here for as long as a message of that version may still be read.
 */
export const enrolmentEventSchemas: Readonly<Record<EnrolmentEventType, Readonly<Record<number, JsonSchema>>>> = {
  SiteConfigured: { 1: siteConfiguredV1 },
  ParticipantRegistered: { 1: participantRegisteredV1 },
  ParticipantDetailsRecorded: { 1: participantDetailsRecordedV1 },
  ParticipantErased: { 1: participantErasedV1 },
  ConsentGranted: { 1: consentGrantedV1 },
  ConsentRevoked: { 1: consentRevokedV1 },
  ConsentEnded: { 1: consentEndedV1 },
  Enrolled: { 1: enrolledV1 },
  Readmitted: { 1: readmittedV1 },
  LevelOfCareChanged: { 1: levelOfCareChangedV1 },
  Discharged: { 1: dischargedV1 },
  TransferRequested: { 1: transferRequestedV1 },
  TransferReceived: { 1: transferReceivedV1 },
  TransferAccepted: { 1: transferAcceptedV1 },
  TransferDeclined: { 1: transferDeclinedV1 },
  TransferAnswerReceived: { 1: transferAnswerReceivedV1 },
};

/**
 * One schema per type at its current schema version — what the platform consumer wants:
 * `jsonSchemaChecks(enrolmentEventJsonSchemas)` (messages are upcast before they are checked).
 */
export const enrolmentEventJsonSchemas: Readonly<Record<EnrolmentEventType, JsonSchema>> = Object.fromEntries(
  Object.entries(enrolmentEventSchemas).map(([type, versions]) => [
    type,
    versions[enrolmentSchemaVersions[type as EnrolmentEventType]],
  ]),
) as Record<EnrolmentEventType, JsonSchema>;

/** Keyed `<type>@<version>`, the form a schema registry or the consumer base may want. */
export const enrolmentEventSchemasByKey: Readonly<Record<string, JsonSchema>> = Object.fromEntries(
  Object.entries(enrolmentEventSchemas).flatMap(([type, versions]) =>
    Object.entries(versions).map(([version, schema]) => [`${type}@${version}`, schema]),
  ),
);

export const enrolmentEventSchema = (type: string, version: number): JsonSchema | undefined =>
  (enrolmentEventSchemas as Record<string, Record<number, JsonSchema> | undefined>)[type]?.[version];
