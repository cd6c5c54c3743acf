import { daysBetween, isBefore, plusDays } from '../instant';
import type { Certification } from './mentor.state';

/** A certification shows as due soon this many days before it lapses. */
export const CERTIFICATION_DUE_SOON_DAYS = 30;
/** Monthly supervision: none in this many days shows as overdue. */
export const SUPERVISION_INTERVAL_DAYS = 30;

export type CertificationStanding = 'current' | 'due-soon' | 'lapsed';
export type SupervisionStanding = 'up-to-date' | 'overdue';

/**
 * A certification lapses on its expiry instant, whether or not the sweeper has yet recorded
 * CertificationExpired: a decision never relies on a background job having run.
 */
export const certificationStanding = (expiresAt: string, expired: boolean, now: string): CertificationStanding => {
  if (expired || !isBefore(now, expiresAt)) return 'lapsed';
  return isBefore(plusDays(now, CERTIFICATION_DUE_SOON_DAYS), expiresAt) ? 'current' : 'due-soon';
};

/** The latest expiry among certifications in force at `now`, or null when none is. */
export const certifiedUntil = (certifications: readonly Certification[], now: string): string | null =>
  certifications
    .filter((c) => certificationStanding(c.expiresAt, c.status === 'expired', now) !== 'lapsed')
    .map((c) => c.expiresAt)
    .reduce<string | null>((latest, e) => (latest === null || isBefore(latest, e) ? e : latest), null);

export const isCertifiedAt = (certifications: readonly Certification[], now: string): boolean =>
  certifiedUntil(certifications, now) !== null;

export const supervisionStanding = (lastSupervisionAt: string | null, now: string): SupervisionStanding =>
  lastSupervisionAt !== null && daysBetween(lastSupervisionAt, now) < SUPERVISION_INTERVAL_DAYS ? 'up-to-date' : 'overdue';
