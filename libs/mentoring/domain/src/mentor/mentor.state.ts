import type { Speciality } from '@alongside/mentoring/contracts';

export type Certification = Readonly<{
  certificationId: string;
  credential: string;
  expiresAt: string;
  /** `expired` once CertificationExpired is recorded; a lapse by the clock is read with `certifiedAt`. */
  status: 'current' | 'expired';
}>;

export type CaseloadPlace = Readonly<{ matchId: string; participantId: string; takenAt: string }>;

export type Mentor =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'onboarded';
      mentorId: string;
      languages: string[];
      specialities: Speciality[];
      maxCaseload: number;
      trainings: readonly string[];
      certifications: Readonly<Record<string, Certification>>;
      supervisions: readonly string[];
      lastSupervisionAt: string | null;
      concerns: readonly string[];
      /** Places taken for proposed matches, oldest first: open until the match's own stream says it ended. */
      caseload: readonly CaseloadPlace[];
    }>;

export type OnboardedMentor = Extract<Mentor, { status: 'onboarded' }>;
