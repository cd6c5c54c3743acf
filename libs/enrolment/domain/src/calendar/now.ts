import type { IsoDate, IsoInstant } from '@alongside/enrolment/contracts';

/**
 * "Now" as a command carries it, read once by the application: the instant, and the calendar day
 * it is at the site (in the site's time zone). Deciders never read a clock.
 */
export type Now = Readonly<{ at: IsoInstant; today: IsoDate }>;
