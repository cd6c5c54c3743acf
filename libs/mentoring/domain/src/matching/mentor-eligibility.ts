import { isCertifiedAt } from '../mentor/compliance';
import type { MentorStanding } from '../match/match.commands';

export type Ineligibility = 'certification-lapsed' | 'caseload-full';

/** Why a mentor cannot take a new participant at `at`; empty when they can. */
export const ineligibilityOf = (mentor: MentorStanding, at: string): Ineligibility[] => [
  ...(isCertifiedAt(mentor.certifications, at) ? [] : (['certification-lapsed'] as const)),
  ...(mentor.openMatches < mentor.maxCaseload ? [] : (['caseload-full'] as const)),
];
