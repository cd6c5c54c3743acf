import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type LevelOfCareCell = { levelOfCare: string; programme: string; from: string; reason: string | null };

/**
 * One episode of care (v1): the census counts the active ones; a participant's history lists them.
 * Days are kept as ISO text (`YYYY-MM-DD`): they sort as days and never shift with a time zone.
 */
@Entity({ name: 'enrolment_episode_v1' })
@Index(['siteId', 'status', 'programme', 'levelOfCare'])
@Index(['siteId', 'participantId'])
export class EpisodeRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'uuid' }) episodeId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  /** enrolment | readmission | transfer-in */
  @Column({ name: 'admission_kind', type: 'text' }) admissionKind!: string;
  /** active | discharged */
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) programme!: string;
  @Column({ name: 'level_of_care', type: 'text' }) levelOfCare!: string;
  @Column({ name: 'referral_source', type: 'text' }) referralSource!: string;
  @Column({ name: 'admitted_on', type: 'text' }) admittedOn!: string;
  @Column({ name: 'previous_episode_id', type: 'uuid', nullable: true }) previousEpisodeId!: string | null;
  @Column({ name: 'transferred_from', type: 'jsonb', nullable: true }) transferredFrom!: {
    transferId: string;
    siteId: string;
    participantId: string;
    episodeId: string;
  } | null;
  @Column({ name: 'levels', type: 'jsonb', default: () => "'[]'" }) levels!: LevelOfCareCell[];
  @Column({ name: 'discharged_on', type: 'text', nullable: true }) dischargedOn!: string | null;
  @Column({ name: 'discharge_reason', type: 'text', nullable: true }) dischargeReason!: string | null;
  @Column({ name: 'transferred_out_id', type: 'uuid', nullable: true }) transferredOutId!: string | null;
  @Column({ name: 'reference_data_version', type: 'int' }) referenceDataVersion!: number;
}
