import type { MentoringEventType } from './mentoring-event';

/**
 * The schema version each event type is written with today. When a shape changes, its number goes
 * up, the old shape stays as a type and an upcaster lifts it (see `upcasters.ts`).
 */
export const schemaVersions: Readonly<Record<MentoringEventType, number>> = {
  MentorOnboarded: 1,
  TrainingCompleted: 1,
  CertificationGranted: 1,
  CertificationRenewed: 1,
  CertificationExpired: 1,
  SupervisionHeld: 1,
  BoundaryConcernRaised: 1,
  CaseloadPlaceTaken: 1,
  MenteeMatchHeld: 1,
  MatchProposed: 1,
  MatchAccepted: 1,
  MatchEnded: 1,
  AftercareStarted: 1,
  AftercareCheckInDue: 1,
  AftercareCheckInHeld: 1,
  AftercareCheckInMissed: 1,
  ContactLogged: 1,
  PeerContactConsentRecorded: 1,
  PeerContactConsentRevoked: 1,
  DischargeRecorded: 1,
  ReferralMade: 1,
  ReferralFollowedUp: 1,
  ReferralOutcomeRecorded: 1,
  EscalatedToClinician: 1,
  EscalationAcknowledged: 1,
  EscalationResolved: 1,
  MentoringPolicySet: 1,
  SiteFollowUpScheduleHeard: 1,
  CommunityResourceListed: 1,
  CommunityResourceWithdrawn: 1,
};

export const mentoringEventTypes = Object.keys(schemaVersions) as MentoringEventType[];
