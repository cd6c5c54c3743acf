import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One participant at one session, as the newest revision sessions told us says (0: the register as taken). */
@Entity({ name: 'outcome_attendance_v6' })
export class AttendanceRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'group_kind', type: 'text' }) groupKind!: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'boolean' }) attended!: boolean;
  @Column({ type: 'int' }) minutes!: number;
  @Column({ type: 'int', default: 0 }) revision!: number;
}
