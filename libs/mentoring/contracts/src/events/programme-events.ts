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

export type ProgrammeEvent = MentoringPolicySet | CommunityResourceListed | CommunityResourceWithdrawn;
