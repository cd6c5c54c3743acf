import type { ResourceCategory } from '@alongside/mentoring/contracts';
import type { MentoringPolicy } from './mentoring-policy';

export type CommunityResource = Readonly<{ resourceId: string; category: ResourceCategory; withdrawn: boolean }>;

/** A site's mentoring programme: its policy and its directory of community resources. */
export type Programme = Readonly<{
  policy: MentoringPolicy;
  resources: Readonly<Record<string, CommunityResource>>;
}>;
