import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A session's attendance rows (`AttendanceRow`) counted per day and group kind as they are written:
 * the engagement dashboard sums these instead of scanning every attendance row of the site (a row
 * per participant at a session: 10k for a site at 3M events, ~35k at 11M). Keyed by the day and kind
 * the rows carry, so a correction that moves a row moves its count; a count that falls to zero stays.
 */
@Entity({ name: 'outcome_session_attendance_v6' })
export class SessionAttendanceRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'held_on', type: 'date' }) heldOn!: string;
  @PrimaryColumn({ name: 'group_kind', type: 'text' }) groupKind!: string;
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  /** Attendance rows: one per participant on the register. */
  @Column({ type: 'int' }) attendances!: number;
  /** Of them, those who were there. */
  @Column({ type: 'int' }) attended!: number;
}
