import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One 42 CFR Part 2 consent (v1). Whether it is active on a day is computed when read. */
@Entity({ name: 'enrolment_consent_v1' })
@Index(['siteId', 'participantId'])
export class ConsentRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'consent_id', type: 'uuid' }) consentId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ type: 'jsonb' }) recipient!: Record<string, string>;
  @Column({ name: 'information_categories', type: 'jsonb' }) informationCategories!: string[];
  @Column({ type: 'jsonb' }) expiry!: { kind: 'date'; on: string } | { kind: 'event'; event: string };
  /** The expiry day when the consent expires on a date: what "active on a day" compares with. */
  @Column({ name: 'expires_on', type: 'text', nullable: true }) expiresOn!: string | null;
  @Column({ name: 'signed_on', type: 'text' }) signedOn!: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'ended_on', type: 'text', nullable: true }) endedOn!: string | null;
  @Column({ name: 'ended_because', type: 'text', nullable: true }) endedBecause!: string | null;
  @Column({ name: 'reference_data_version', type: 'int' }) referenceDataVersion!: number;
}
