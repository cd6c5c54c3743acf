import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one note a facilitator writes about a session, written once and linked to each attendee by
 * its id (AttendanceRecorded.groupNoteId) instead of being copied into anyone's record. It is
 * sealed with a data key of its own session (PiiVault), lives only here and never in an event.
 */
@Entity({ name: 'group_note' })
export class GroupNote {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'note_id', type: 'uuid' }) noteId!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ type: 'text' }) sealed!: string;
  @Column({ name: 'written_by', type: 'text' }) writtenBy!: string;
  @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt!: Date;
}
