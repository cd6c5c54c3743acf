import type { PersonalDetailField } from '@alongside/enrolment/contracts';

/** A person's details in clear: only ever in memory, never in an event, a log line or a read model. */
export type PersonalDetails = Partial<Record<PersonalDetailField, string>>;

/** The fields whose tokens the blind index of names holds. */
export const NAME_FIELDS = ['givenName', 'familyName', 'preferredName'] as const satisfies readonly PersonalDetailField[];

export const givenFields = (details: PersonalDetails): PersonalDetailField[] =>
  (Object.keys(details) as PersonalDetailField[]).filter((field) => details[field] !== undefined && details[field] !== '');
