import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every counted fact once, by its own id (relapse, screen, contact...). The projection counts a
 * fact only when this insert is new, so applying a batch twice never counts anything twice.
 */
@Entity({ name: 'outcome_fact_v6' })
export class OutcomeFactRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'fact_id', type: 'text' }) factId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
}
