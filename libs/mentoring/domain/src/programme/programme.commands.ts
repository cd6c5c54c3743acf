import type { Command } from '@alongside/platform/event-sourcing';
import type { MutualAidFellowship, ResourceCategory } from '@alongside/mentoring/contracts';
import type { MentoringPolicy } from './mentoring-policy';

export type SetMentoringPolicy = Command<'SetMentoringPolicy', { policy: MentoringPolicy; setBy: string; at: string }>;

export type ListCommunityResource = Command<
  'ListCommunityResource',
  {
    resourceId: string;
    category: ResourceCategory;
    name: string;
    fellowship: MutualAidFellowship | null;
    description: string;
    contact: string;
    at: string;
  }
>;

export type WithdrawCommunityResource = Command<'WithdrawCommunityResource', { resourceId: string; at: string }>;

/** What enrolment's SiteConfigured said about aftercare follow-ups; heard, so never refused. */
export type RecordSiteFollowUpSchedule = Command<
  'RecordSiteFollowUpSchedule',
  { daysAfterDischarge: readonly number[]; revision: number; sourceEventId: string; configuredAt: string }
>;

export type ProgrammeCommand = SetMentoringPolicy | RecordSiteFollowUpSchedule | ListCommunityResource | WithdrawCommunityResource;
