import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'mentoring_escalation_v1' })
@Index(['siteId', 'resolvedAt'])
export class EscalationRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'escalation_id', type: 'uuid' }) escalationId!: string;
  @Column({ name: 'match_id', type: 'uuid' }) matchId!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) risk!: string;
  @Column({ type: 'text' }) urgency!: string;
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'acknowledge_by', type: 'timestamptz' }) acknowledgeBy!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by', type: 'text', nullable: true }) acknowledgedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
}
