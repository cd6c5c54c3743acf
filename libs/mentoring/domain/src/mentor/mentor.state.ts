import type { Speciality } from '@alongside/mentoring/contracts';

export type Certification = Readonly<{
  certificationId: string;
  credential: string;
  expiresAt: string;
  /** `expired` once CertificationExpired is recorded; a lapse by the clock is read with `certifiedAt`. */
  status: 'current' | 'expired';
}>;

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
    }>;

export type OnboardedMentor = Extract<Mentor, { status: 'onboarded' }>;
