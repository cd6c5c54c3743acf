import type { IsoInstant } from '../calendar';
import type { Programme } from '../reference-data/codes';

/** When a relapse or a lapse restarts a participant's sobriety count, and which milestones count. */
export type MilestonePolicy = Readonly<{
  /** Days of sobriety celebrated as milestones, ascending (default 30, 60, 90, 180, 365). */
  milestoneDays: readonly number[];
  /** A relapse always restarts the count; a lapse only when this is true. */
  lapseRestartsCount: boolean;
}>;

/** Aftercare check-ins after discharge, in days (default 7, 30, 90, 180). */
export type FollowUpSchedule = Readonly<{ daysAfterDischarge: readonly number[] }>;

/**
 * A site was configured or reconfigured by a platform admin. Each revision carries the whole
 * configuration (not a diff), so a consumer keeps only the latest revision per site.
 * Sessions reads `timeZone`; outcomes reads the milestone policy; mentoring the follow-up schedule.
 */
export type SiteConfigured = Readonly<{
  type: 'SiteConfigured';
  data: {
    siteId: string;
    name: string;
    /** IANA time zone, e.g. `America/Chicago`: every calendar date of this site is read in it. */
    timeZone: string;
    programmes: readonly Programme[];
    milestonePolicy: MilestonePolicy;
    followUpSchedule: FollowUpSchedule;
    /** Which payer rules (sessions' billable units) apply, as `<rule-set>@<version>`. */
    payerRulesRef: string;
    /** 1 for the first configuration, then +1 per reconfiguration. */
    revision: number;
    configuredAt: IsoInstant;
    referenceDataVersion: number;
  };
}>;
