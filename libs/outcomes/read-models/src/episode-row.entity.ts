import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One episode of care at a site (admission to discharge), with the counts the retention, relapse
 * and engagement views aggregate. Person-level and internal: no route returns these rows, only
 * aggregates of them.
 */
@Entity({ name: 'outcome_episode_v6' })
@Index(['siteId', 'admittedOn'])
@Index(['siteId', 'participantId'])
export class EpisodeRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'uuid' }) episodeId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'admitted_on', type: 'date' }) admittedOn!: string;
  @Column({ name: 'admission_month', type: 'text' }) admissionMonth!: string;
  @Column({ type: 'text' }) programme!: string;
  @Column({ name: 'level_of_care', type: 'text' }) levelOfCare!: string;
  @Column({ name: 'transferred_in', type: 'boolean', default: false }) transferredIn!: boolean;
  @Column({ name: 'discharged_on', type: 'date', nullable: true }) dischargedOn!: string | null;
  @Column({ name: 'discharge_reason', type: 'text', nullable: true }) dischargeReason!: string | null;
  /** A peer mentor was matched at some point of the episode. */
  @Column({ type: 'boolean', default: false }) mentored!: boolean;
  @Column({ name: 'first_relapse_on', type: 'date', nullable: true }) firstRelapseOn!: string | null;
  @Column({ type: 'int', default: 0 }) relapses!: number;
  @Column({ type: 'int', default: 0 }) lapses!: number;
  @Column({ name: 'relapses_after_discharge', type: 'int', default: 0 }) relapsesAfterDischarge!: number;
  @Column({ type: 'int', default: 0 }) screens!: number;
  @Column({ name: 'positive_screens', type: 'int', default: 0 }) positiveScreens!: number;
  @Column({ name: 'sessions_attended', type: 'int', default: 0 }) sessionsAttended!: number;
  @Column({ type: 'int', default: 0 }) contacts!: number;
  @Column({ name: 'contact_minutes', type: 'int', default: 0 }) contactMinutes!: number;
  @Column({ type: 'int', default: 0 }) readmissions!: number;
  @Column({ name: 'emergency_visits', type: 'int', default: 0 }) emergencyVisits!: number;
  @Column({ type: 'int', default: 0 }) overdoses!: number;
}
