/**
 * The coded values mentoring events carry. Codes, not free text, so that events can leave the
 * service without carrying anything a person wrote about someone.
 */
export const SPECIALITIES = [
  'opioid-use',
  'alcohol-use',
  'stimulant-use',
  'cannabis-use',
  'young-adults',
  'women',
  'veterans',
  'lgbtq',
  'justice-involved',
  'co-occurring-mental-health',
  'pregnant-and-parenting',
  'housing-instability',
] as const;
export type Speciality = (typeof SPECIALITIES)[number];

export const CONTACT_KINDS = ['in-person', 'phone', 'text', 'video'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const MATCH_END_REASONS = [
  'goals-met',
  'participant-request',
  'mentor-request',
  'mentor-unavailable',
  'mentor-certification-lapsed',
  'consent-revoked',
  'aftercare-declined',
  'aftercare-completed',
  'proposal-withdrawn',
  'other',
] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

export const RISKS = ['missed-contacts', 'intent-to-use', 'safety-concern'] as const;
export type Risk = (typeof RISKS)[number];

/** routine: next working day; soon: same day; urgent: acknowledged within the site's limit. */
export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ESCALATION_RESOLUTIONS = [
  'clinical-follow-up-arranged',
  'care-plan-changed',
  'emergency-services-involved',
  'no-action-needed',
  'participant-unreachable',
  'other',
] as const;
export type EscalationResolution = (typeof ESCALATION_RESOLUTIONS)[number];

export const RESOURCE_CATEGORIES = [
  'housing',
  'employment',
  'education',
  'legal-aid',
  'benefits',
  'mutual-aid',
  'family-support',
  'medical-care',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

/** Mutual-aid fellowships a resource (meeting) belongs to; null for other categories. */
export const MUTUAL_AID_FELLOWSHIPS = ['aa', 'na', 'smart-recovery', 'other'] as const;
export type MutualAidFellowship = (typeof MUTUAL_AID_FELLOWSHIPS)[number];

export const REFERRAL_OUTCOMES = ['connected', 'not-connected', 'declined'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const BOUNDARY_CONCERNS = [
  'dual-relationship',
  'personal-disclosure',
  'financial',
  'romantic-or-sexual',
  'out-of-scope-advice',
  'availability-outside-hours',
  'other',
] as const;
export type BoundaryConcern = (typeof BOUNDARY_CONCERNS)[number];

export const SUPERVISION_TOPICS = [
  'caseload-review',
  'boundaries',
  'self-care',
  'ethics',
  'crisis-response',
  'documentation',
  'skills-development',
  'own-recovery',
  'other',
] as const;
export type SupervisionTopic = (typeof SUPERVISION_TOPICS)[number];

/** Areas of lived experience a peer mentor chooses to share for matching. */
export const LIVED_EXPERIENCE_AREAS = [
  'substance-use-recovery',
  'opioid-use',
  'alcohol-use',
  'stimulant-use',
  'mental-health',
  'incarceration',
  'homelessness',
  'family-member-in-recovery',
] as const;
export type LivedExperienceArea = (typeof LIVED_EXPERIENCE_AREAS)[number];
