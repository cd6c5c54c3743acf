/** When a consent ends: on a date, or when an event happens (e.g. discharge), whichever it names. */
export type ConsentExpiry =
  | Readonly<{ kind: 'date'; on: string }>
  | Readonly<{ kind: 'event'; event: string; occurredAt?: string | null }>;

/** Consents covering everything the record holds say so explicitly, as Part 2 requires. */
export const ALL_INFORMATION = 'all';

/**
 * A 42 CFR Part 2 written consent, reduced to what decides a disclosure: who may receive, why,
 * how much and what kind of information, until when, signed when, and revoked when.
 */
export type Part2Consent = Readonly<{
  consentId: string;
  /** A named person or organisation, or a site id for a transfer between sites. */
  recipient: string;
  purpose: string;
  /** Amount and kind of information, as categories (`attendance`, `assessments`…) or ALL_INFORMATION. */
  information: readonly string[];
  expiry: ConsentExpiry;
  signedAt: string;
  revokedAt?: string | null;
}>;
