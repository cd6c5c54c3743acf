import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A participant's reintegration review at one checkpoint of their latest episode. */
@Entity({ name: 'outcome_reintegration_v6' })
export class ReintegrationRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @PrimaryColumn({ type: 'text' }) checkpoint!: string;
  @Column({ name: 'living_situation', type: 'text' }) livingSituation!: string;
  @Column({ type: 'text' }) occupation!: string;
  @Column({ name: 'social_connectedness', type: 'int' }) socialConnectedness!: number;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
}
