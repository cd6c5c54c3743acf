import type { Command } from '@alongside/platform/event-sourcing';
import type { ReferralOutcome, ResourceCategory } from '@alongside/mentoring/contracts';
import type { Match } from '../match/match.state';
import type { CommunityResource } from '../programme/programme.state';

export type MakeReferral = Command<
  'MakeReferral',
  {
    referralId: string;
    /** The match the referral is made within, as folded from its stream. */
    match: Match;
    byMentorId: string | null;
    category: ResourceCategory;
    resourceId: string | null;
    /** The directory entry for `resourceId`, or undefined when the directory has none. */
    resource: CommunityResource | undefined;
    followUpDays: number;
    at: string;
  }
>;

export type FollowUpReferral = Command<
  'FollowUpReferral',
  { followedUpAt: string; nextFollowUpInDays: number | null; at: string }
>;

export type RecordReferralOutcome = Command<'RecordReferralOutcome', { outcome: ReferralOutcome; at: string }>;

export type ReferralCommand = MakeReferral | FollowUpReferral | RecordReferralOutcome;
