import type { IsoDate } from '../calendar';

/**
 * The elements of a 42 CFR Part 2 consent, as codes. Free text stays out of events that leave the
 * service, so recipients and information are named by code (and an organisation by its name).
 */
export const CONSENT_PURPOSES = [
  'treatment',
  'payment',
  'health-care-operations',
  'care-coordination',
  /** Contact with a peer mentor; mentoring refuses a match without it. */
  'peer-support',
  /** A transfer to another site of the network; needs its own consent naming that site. */
  'transfer',
  'research',
  'legal',
  'other',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** "How much and what kind of information is to be disclosed" (42 CFR 2.31(a)(3)). */
export const INFORMATION_CATEGORIES = [
  'enrolment-and-attendance',
  'level-of-care',
  'assessments-and-screens',
  'substance-use',
  'diagnoses',
  'medications',
  'treatment-plan',
  'discharge-summary',
  'all-substance-use-disorder-records',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/**
 * Who may receive the information:
 * - `site`: another site of the network (a transfer consent names the receiving site);
 * - `peer-support`: the peer-support service (mentors) at a site of the network;
 * - `organisation`: an outside organisation, by its name (never a private person's).
 */
export type ConsentRecipient =
  | Readonly<{ kind: 'site'; siteId: string }>
  | Readonly<{ kind: 'peer-support'; siteId: string }>
  | Readonly<{ kind: 'organisation'; organisationName: string }>;

/** Events that end a consent by themselves; the service records `ConsentEnded` when they happen. */
export const CONSENT_ENDING_EVENTS = ['discharge', 'transfer-completed'] as const;
export type ConsentEndingEvent = (typeof CONSENT_ENDING_EVENTS)[number];

/**
 * "The date, event, or condition upon which the consent will expire" (42 CFR 2.31(a)(6)).
 * A dated consent is active up to and including `on` (a day in the site's time zone).
 */
export type ConsentExpiry =
  | Readonly<{ kind: 'date'; on: IsoDate }>
  | Readonly<{ kind: 'event'; event: ConsentEndingEvent }>;
