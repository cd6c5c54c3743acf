import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CertificationCell = {
  certificationId: string;
  credential: string;
  issuer: string | null;
  expiresAt: string;
  status: 'current' | 'expired';
};

/** One peer mentor of a site, as the workforce screen shows them (v1). */
@Entity({ name: 'mentoring_mentor_v1' })
export class MentorRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'jsonb' }) languages!: string[];
  @Column({ type: 'jsonb' }) specialities!: string[];
  @Column({ name: 'lived_experience', type: 'jsonb' }) livedExperience!: string[];
  @Column({ name: 'max_caseload', type: 'int' }) maxCaseload!: number;
  @Column({ name: 'onboarded_at', type: 'timestamptz' }) onboardedAt!: Date;
  @Column({ type: 'jsonb', default: () => "'[]'" }) certifications!: CertificationCell[];
  /** Latest expiry among certifications not recorded as expired: what compliance filters on. */
  @Column({ name: 'certified_until', type: 'timestamptz', nullable: true }) certifiedUntil!: Date | null;
  @Column({ name: 'training_hours', type: 'numeric', default: 0 }) trainingHours!: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) trainings!: string[];
  @Column({ name: 'last_supervision_at', type: 'timestamptz', nullable: true }) lastSupervisionAt!: Date | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) supervisions!: string[];
  @Column({ name: 'boundary_concerns', type: 'jsonb', default: () => "'[]'" }) boundaryConcerns!: { concernId: string; concern: string; raisedAt: string }[];
}
