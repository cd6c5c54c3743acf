import type { Command } from '@alongside/platform/event-sourcing';
import type { BoundaryConcern, LivedExperienceArea, Speciality, SupervisionTopic } from '@alongside/mentoring/contracts';

/** `at` is when the command was given (the caller's clock), never read inside the decider. */
export type OnboardMentor = Command<
  'OnboardMentor',
  {
    mentorId: string;
    displayName: string;
    livedExperience: LivedExperienceArea[];
    languages: string[];
    specialities: Speciality[];
    maxCaseload: number;
    at: string;
  }
>;

export type RecordTraining = Command<
  'RecordTraining',
  { trainingId: string; course: string; hours: number; completedOn: string; at: string }
>;

export type GrantCertification = Command<
  'GrantCertification',
  { certificationId: string; credential: string; issuer: string; grantedAt: string; expiresAt: string; at: string }
>;

export type RenewCertification = Command<
  'RenewCertification',
  { certificationId: string; expiresAt: string; at: string }
>;

/** Given by the expiry sweeper with its clock's `now`: lapses whatever has reached its date. */
export type ExpireCertifications = Command<'ExpireCertifications', { now: string }>;

export type HoldSupervision = Command<
  'HoldSupervision',
  { supervisionId: string; supervisorId: string; heldAt: string; minutes: number; topics: SupervisionTopic[]; at: string }
>;

export type RaiseBoundaryConcern = Command<
  'RaiseBoundaryConcern',
  { concernId: string; supervisionId: string | null; concern: BoundaryConcern; raisedBy: string; at: string }
>;

/**
 * Holds a place in the caseload for a match about to be proposed. `released` names the places the
 * caller found free again (their match ended, or its proposal never got written): every other
 * place counts as taken, including any taken since the caller looked, so a stale look refuses
 * rather than overfills.
 */
export type TakeCaseloadPlace = Command<
  'TakeCaseloadPlace',
  { matchId: string; participantId: string; released: readonly string[]; at: string }
>;

export type MentorCommand =
  | OnboardMentor
  | RecordTraining
  | GrantCertification
  | RenewCertification
  | ExpireCertifications
  | HoldSupervision
  | RaiseBoundaryConcern
  | TakeCaseloadPlace;
