import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A participant's first (intake) and latest score on one instrument, kept as assessments arrive,
 * in order of administration (a late-entered older assessment can become the intake).
 */
@Entity({ name: 'outcome_instrument_change_v6' })
// The wellbeing dashboard's three instrument queries, answered from the index alone: a row is
// rewritten at every assessment, so a site's rows end up one per heap page (20 ms at 3M events, 5 ms
// from this index).
@Index(['siteId', 'participantId', 'instrument', 'assessments', 'intakeTotal', 'latestTotal', 'improved', 'intakeBand', 'latestBand'])
export class InstrumentChangeRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @PrimaryColumn({ type: 'text' }) instrument!: string;
  @Column({ type: 'int' }) assessments!: number;
  @Column({ name: 'intake_total', type: 'int' }) intakeTotal!: number;
  @Column({ name: 'intake_band', type: 'text' }) intakeBand!: string;
  @Column({ name: 'intake_at', type: 'timestamptz' }) intakeAt!: Date;
  @Column({ name: 'latest_total', type: 'int' }) latestTotal!: number;
  @Column({ name: 'latest_band', type: 'text' }) latestBand!: string;
  @Column({ name: 'latest_at', type: 'timestamptz' }) latestAt!: Date;
  @Column({ type: 'boolean' }) improved!: boolean;
}
