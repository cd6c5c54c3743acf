import type { ResourceCategory } from '@alongside/mentoring/contracts';
import type { MentoringPolicy } from './mentoring-policy';

export type CommunityResource = Readonly<{ resourceId: string; category: ResourceCategory; withdrawn: boolean }>;

/** A site's mentoring programme: its policy and its directory of community resources. */
export type Programme = Readonly<{
  policy: MentoringPolicy;
  /** The latest site configuration revision whose follow-up schedule was recorded; 0 for none. */
  siteScheduleRevision: number;
  resources: Readonly<Record<string, CommunityResource>>;
}>;
