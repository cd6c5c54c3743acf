import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A site's current configuration (v1). */
@Entity({ name: 'enrolment_site_v1' })
export class SiteRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  @Column({ type: 'jsonb' }) programmes!: string[];
  @Column({ name: 'milestone_policy', type: 'jsonb' }) milestonePolicy!: { milestoneDays: number[]; lapseRestartsCount: boolean };
  @Column({ name: 'follow_up_schedule', type: 'jsonb' }) followUpSchedule!: { daysAfterDischarge: number[] };
  @Column({ name: 'payer_rules_ref', type: 'text' }) payerRulesRef!: string;
  @Column({ type: 'int' }) revision!: number;
  @Column({ name: 'configured_at', type: 'timestamptz' }) configuredAt!: Date;
  @Column({ name: 'reference_data_version', type: 'int' }) referenceDataVersion!: number;
}
