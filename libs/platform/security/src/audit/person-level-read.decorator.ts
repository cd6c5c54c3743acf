import { applyDecorators, SetMetadata } from '@nestjs/common';
import { AboutParticipant } from '../authorisation/about-participant.decorator';

/** Why person-level data is read; HIPAA/Part 2 wording, kept open for a service's own purposes. */
export type AccessPurpose =
  | 'treatment'
  | 'peer-support'
  | 'payment'
  | 'health-care-operations'
  | 'participant-request'
  | 'accounting-of-disclosures'
  | (string & {});

export type PersonLevelReadOptions = Readonly<{ participantParam?: string; purpose: AccessPurpose }>;

export const PERSON_LEVEL_READ = 'alongside:person-level-read';

/**
 * Marks a route that returns a participant's person-level data. After a successful response, an
 * access record is appended to the participant's audit stream (PersonLevelReadInterceptor); the
 * route is also @AboutParticipant, so participants and peer mentors reach only whom they may.
 */
export const PersonLevelRead = ({ participantParam = 'id', purpose }: PersonLevelReadOptions) =>
  applyDecorators(SetMetadata(PERSON_LEVEL_READ, { participantParam, purpose }), AboutParticipant(participantParam));
