import type { MutualAidFellowship, ResourceCategory } from '../vocabulary';

/** A site's mentoring policy: reference data recorded as events, so history keeps its meaning. */
export type MentoringPolicySet = Readonly<{
  type: 'MentoringPolicySet';
  data: {
    /** Days after discharge when aftercare check-ins fall due. */
    aftercareCheckInDays: number[];
    /** Days after falling due before a check-in not held counts as missed. */
    checkInMissedAfterDays: number;
    /** Minutes within which an urgent escalation must be acknowledged. */
    urgentAcknowledgeWithinMinutes: number;
    soonAcknowledgeWithinMinutes: number;
    routineAcknowledgeWithinMinutes: number;
    /** Days after a referral when its follow-up is due. */
    referralFollowUpDays: number;
    setBy: string;
    setAt: string;
  };
}>;

/**
 * The aftercare follow-up schedule enrolment published for the site (its `SiteConfigured`),
 * recorded as mentoring's own fact. It sets the check-in days like a policy set here would: the
 * later of the two wins. Older or repeated revisions are not recorded.
 */
export type SiteFollowUpScheduleHeard = Readonly<{
  type: 'SiteFollowUpScheduleHeard';
  data: {
    /** Days after discharge, ascending, without repeats. */
    daysAfterDischarge: number[];
    /** The site configuration's revision it came with. */
    revision: number;
    sourceEventId: string;
    configuredAt: string;
  };
}>;

/** An organisation or meeting in the site's directory; no person is named here. */
export type CommunityResourceListed = Readonly<{
  type: 'CommunityResourceListed';
  data: {
    resourceId: string;
    category: ResourceCategory;
    name: string;
    fellowship: MutualAidFellowship | null;
    description: string;
    /** The organisation's public phone, address or website. */
    contact: string;
    listedAt: string;
  };
}>;

export type CommunityResourceWithdrawn = Readonly<{
  type: 'CommunityResourceWithdrawn';
  data: { resourceId: string; withdrawnAt: string };
}>;

export type ProgrammeEvent = MentoringPolicySet | SiteFollowUpScheduleHeard | CommunityResourceListed | CommunityResourceWithdrawn;
