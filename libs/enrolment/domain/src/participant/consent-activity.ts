import type { IsoDate } from '@alongside/enrolment/contracts';
import { isAfter } from '../calendar/calendar-day';
import type { Consent } from './participant.state';

/**
 * A consent discloses nothing once revoked, once its expiry event happened, or after its expiry
 * day (it is active up to and including that day, at the site).
 */
export const isConsentActive = (consent: Consent, today: IsoDate): boolean =>
  consent.revokedAt === null &&
  consent.endedOn === null &&
  !(consent.expiry.kind === 'date' && isAfter(today, consent.expiry.on));
