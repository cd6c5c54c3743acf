import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One participant's place in a group (v1): member, waiting (with position), or withdrawn. */
@Entity({ name: 'sessions_member_v1' })
@Index(['siteId', 'participantId'])
export class MemberRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) status!: 'member' | 'waitlisted' | 'withdrawn';
  /** Arrival order, for the waiting list. */
  @Column({ type: 'int', nullable: true }) position!: number | null;
  @Column({ type: 'timestamptz' }) since!: Date;
}
