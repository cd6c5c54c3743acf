import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A session (v1) with its attendance counts. */
@Entity({ name: 'sessions_session_v1' })
@Index(['siteId', 'facilitatorId', 'startsAt'])
@Index(['siteId', 'groupId', 'startsAt'])
export class SessionRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'group_kind', type: 'text' }) groupKind!: string;
  @Column({ name: 'facilitator_id', type: 'uuid' }) facilitatorId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  /** With the site's offset of that day, as scheduled. */
  @Column({ name: 'starts_at_local', type: 'text' }) startsAtLocal!: string;
  @Column({ name: 'local_date', type: 'date' }) localDate!: string;
  @Column({ type: 'text' }) status!: 'scheduled' | 'cancelled' | 'held';
  @Column({ type: 'text' }) origin!: string;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) topic!: string | null;
  @Column({ type: 'int', default: 0 }) attended!: number;
  @Column({ name: 'not_attended', type: 'int', default: 0 }) notAttended!: number;
}
