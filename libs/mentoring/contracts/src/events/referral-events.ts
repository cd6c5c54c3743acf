import type { ReferralOutcome, ResourceCategory } from '../vocabulary';

export type ReferralMade = Readonly<{
  type: 'ReferralMade';
  data: {
    referralId: string;
    matchId: string;
    mentorId: string;
    participantId: string;
    category: ResourceCategory;
    /** An entry of the site's resource directory, or null for a resource outside it. */
    resourceId: string | null;
    madeAt: string;
    followUpDueAt: string;
  };
}>;

export type ReferralFollowedUp = Readonly<{
  type: 'ReferralFollowedUp';
  data: { referralId: string; participantId: string; followedUpAt: string; nextFollowUpDueAt: string | null };
}>;

export type ReferralOutcomeRecorded = Readonly<{
  type: 'ReferralOutcomeRecorded';
  data: {
    referralId: string;
    matchId: string;
    mentorId: string;
    participantId: string;
    category: ResourceCategory;
    outcome: ReferralOutcome;
    recordedAt: string;
  };
}>;

export type ReferralEvent = ReferralMade | ReferralFollowedUp | ReferralOutcomeRecorded;
