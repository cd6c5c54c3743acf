import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CheckInCell = { day: number; dueAt: string; status: 'scheduled' | 'due' | 'held' | 'missed'; heldAt: string | null };

/** One mentoring relationship (v1): caseloads, histories and the caseload policy read it. */
@Entity({ name: 'mentoring_match_v1' })
@Index(['siteId', 'mentorId', 'status'])
@Index(['siteId', 'participantId'])
export class MatchRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'match_id', type: 'uuid' }) matchId!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  /** proposed | active | aftercare | ended */
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: string | null;
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt!: Date | null;
  @Column({ name: 'check_ins', type: 'jsonb', default: () => "'[]'" }) checkIns!: CheckInCell[];
  @Column({ name: 'missed_after_days', type: 'int', default: 0 }) missedAfterDays!: number;
  @Column({ name: 'last_contact_at', type: 'timestamptz', nullable: true }) lastContactAt!: Date | null;
}
