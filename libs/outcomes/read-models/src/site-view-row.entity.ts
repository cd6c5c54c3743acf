import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per site: the outcome policy in force and the last log position projected for it. The position
 * is the dashboard's cheap "has anything changed?" answer.
 */
@Entity({ name: 'outcome_site_v6' })
export class SiteViewRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @Column({ type: 'bigint', default: '0' }) position!: string;
  @Column({ name: 'milestone_days', type: 'jsonb', nullable: true }) milestoneDays!: number[] | null;
  @Column({ name: 'lapse_restarts_sobriety', type: 'boolean', nullable: true }) lapseRestartsSobriety!: boolean | null;
  @Column({ name: 'time_zone', type: 'text', nullable: true }) timeZone!: string | null;
}
