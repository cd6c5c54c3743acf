import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One transfer as one site sees it (v1): `outgoing` at the source, `incoming` at the destination.
 * A request still pending after `respondBy` is overdue (computed when read).
 */
@Entity({ name: 'enrolment_transfer_v1' })
@Index(['siteId', 'direction', 'status', 'requestedAt'])
@Index(['siteId', 'participantId'])
export class TransferRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'transfer_id', type: 'uuid' }) transferId!: string;
  /** outgoing | incoming */
  @PrimaryColumn({ type: 'text' }) direction!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'from_site_id', type: 'text' }) fromSiteId!: string;
  @Column({ name: 'to_site_id', type: 'text' }) toSiteId!: string;
  @Column({ name: 'source_episode_id', type: 'uuid' }) sourceEpisodeId!: string;
  @Column({ name: 'consent_id', type: 'uuid' }) consentId!: string;
  @Column({ name: 'requested_programme', type: 'text' }) requestedProgramme!: string;
  @Column({ name: 'requested_level_of_care', type: 'text' }) requestedLevelOfCare!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'respond_by', type: 'timestamptz' }) respondBy!: Date;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  /** pending | accepted | declined */
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ name: 'destination_episode_id', type: 'uuid', nullable: true }) destinationEpisodeId!: string | null;
  @Column({ name: 'admitted_on', type: 'text', nullable: true }) admittedOn!: string | null;
}
