import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A PHQ-9 item 9 safety alert: open until resolved, unacknowledged ones shown first. */
@Entity({ name: 'outcome_safety_alert_v6' })
export class SafetyAlertRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'alert_id', type: 'uuid' }) alertId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'text', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
}
