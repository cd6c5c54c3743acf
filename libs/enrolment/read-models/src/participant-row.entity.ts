import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A participant's record at one site (v1). No personal data: `detailsId` points at the sealed
 * version of the details in enrolment's encrypted store.
 */
@Entity({ name: 'enrolment_participant_v1' })
@Index(['detailsId'])
export class ParticipantRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  /** registered | referenced (known here only through a transfer from another site) */
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'registered_at', type: 'timestamptz', nullable: true }) registeredAt!: Date | null;
  @Column({ name: 'referenced_from_site_id', type: 'text', nullable: true }) referencedFromSiteId!: string | null;
  @Column({ name: 'details_id', type: 'uuid', nullable: true }) detailsId!: string | null;
  @Column({ name: 'details_recorded_at', type: 'timestamptz', nullable: true }) detailsRecordedAt!: Date | null;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt!: Date | null;
  @Column({ name: 'active_episode_id', type: 'uuid', nullable: true }) activeEpisodeId!: string | null;
}
