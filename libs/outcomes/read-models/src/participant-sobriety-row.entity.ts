import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A participant's sobriety date and the milestones recorded since it (person-level, audited reads). */
@Entity({ name: 'outcome_sobriety_v6' })
export class ParticipantSobrietyRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'started_on', type: 'date' }) startedOn!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'milestones_reached', type: 'jsonb', default: () => "'[]'" }) milestonesReached!: { days: number; reachedOn: string }[];
}
