import type { BoundaryConcern, LivedExperienceArea, Speciality, SupervisionTopic } from '../vocabulary';

/**
 * The peer workforce. A mentor's name is their professional name (as on a badge); nothing about
 * the people they mentor is in these events.
 */
export type MentorOnboarded = Readonly<{
  type: 'MentorOnboarded';
  data: {
    mentorId: string;
    displayName: string;
    livedExperience: LivedExperienceArea[];
    /** BCP 47 language tags, e.g. `en`, `es`, `pt-BR`. */
    languages: string[];
    specialities: Speciality[];
    maxCaseload: number;
    onboardedAt: string;
  };
}>;

export type TrainingCompleted = Readonly<{
  type: 'TrainingCompleted';
  data: { mentorId: string; trainingId: string; course: string; hours: number; completedOn: string };
}>;

export type CertificationGranted = Readonly<{
  type: 'CertificationGranted';
  data: {
    mentorId: string;
    certificationId: string;
    /** e.g. `CPRS` (Certified Peer Recovery Specialist). */
    credential: string;
    issuer: string;
    grantedAt: string;
    expiresAt: string;
  };
}>;

export type CertificationRenewed = Readonly<{
  type: 'CertificationRenewed';
  data: {
    mentorId: string;
    certificationId: string;
    credential: string;
    renewedAt: string;
    previousExpiresAt: string;
    expiresAt: string;
  };
}>;

/** Appended by the expiry sweeper on the day a certification lapses, not by a person. */
export type CertificationExpired = Readonly<{
  type: 'CertificationExpired';
  data: { mentorId: string; certificationId: string; credential: string; expiredAt: string };
}>;

export type SupervisionHeld = Readonly<{
  type: 'SupervisionHeld';
  data: {
    mentorId: string;
    supervisionId: string;
    supervisorId: string;
    heldAt: string;
    minutes: number;
    topics: SupervisionTopic[];
  };
}>;

/** Raised in supervision; the category only — what was said stays in the supervision room. */
export type BoundaryConcernRaised = Readonly<{
  type: 'BoundaryConcernRaised';
  data: {
    mentorId: string;
    concernId: string;
    supervisionId: string | null;
    concern: BoundaryConcern;
    raisedBy: string;
    raisedAt: string;
  };
}>;

/**
 * A place in the mentor's caseload held for a proposed match, appended to the mentor's own stream
 * with the version read, so two proposals decided at once cannot both take the last place (one
 * gets 409 and retries). The place is free again once the match has ended: that is read from the
 * match's stream, so no second event is needed.
 */
export type CaseloadPlaceTaken = Readonly<{
  type: 'CaseloadPlaceTaken';
  data: { mentorId: string; matchId: string; participantId: string; takenAt: string };
}>;

export type MentorEvent =
  | MentorOnboarded
  | TrainingCompleted
  | CertificationGranted
  | CertificationRenewed
  | CertificationExpired
  | SupervisionHeld
  | BoundaryConcernRaised
  | CaseloadPlaceTaken;
