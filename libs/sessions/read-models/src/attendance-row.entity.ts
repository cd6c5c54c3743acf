import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One participant's attendance at one session (v1), with the units it was billed. */
@Entity({ name: 'sessions_attendance_v1' })
@Index(['siteId', 'participantId', 'localDate'])
@Index(['siteId', 'localDate'])
export class AttendanceRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'group_kind', type: 'text' }) groupKind!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'int' }) minutes!: number;
  @Column({ name: 'local_date', type: 'date' }) localDate!: string;
  /** Links to the one group note of the session; the text is not here. */
  @Column({ name: 'group_note_id', type: 'uuid', nullable: true }) groupNoteId!: string | null;
  @Column({ name: 'billing_code', type: 'text', nullable: true }) billingCode!: string | null;
  @Column({ type: 'int', default: 0 }) units!: number;
  @Column({ name: 'uncapped_units', type: 'int', default: 0 }) uncappedUnits!: number;
  @Column({ name: 'payer_rules_ref', type: 'text', nullable: true }) payerRulesRef!: string | null;
}
