import type { FollowUpSchedule, MilestonePolicy } from '@alongside/enrolment/contracts';
import type { Now } from '../calendar/now';

/** A platform admin configures a site, or reconfigures it with its whole configuration. */
export type ConfigureSite = Readonly<{
  type: 'ConfigureSite';
  data: {
    siteId: string;
    name: string;
    timeZone: string;
    programmes: readonly string[];
    milestonePolicy: MilestonePolicy;
    followUpSchedule: FollowUpSchedule;
    payerRulesRef: string;
    now: Now;
    referenceDataVersion: number;
  };
}>;

export type SiteCommand = ConfigureSite;
