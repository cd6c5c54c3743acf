import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One logged contact (v1); its note is not here, it stays sealed in `mentoring_contact_note`. */
@Entity({ name: 'mentoring_contact_v1' })
@Index(['siteId', 'matchId'])
export class ContactRow {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'match_id', type: 'uuid' }) matchId!: string;
  @Column({ name: 'mentor_id', type: 'uuid' }) mentorId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'int' }) minutes!: number;
  @Column({ name: 'contact_at', type: 'timestamptz' }) contactAt!: Date;
  @Column({ name: 'billing_code', type: 'text', nullable: true }) billingCode!: string | null;
  @Column({ name: 'billable_units', type: 'int', default: 0 }) billableUnits!: number;
  @Column({ name: 'has_note', type: 'boolean' }) hasNote!: boolean;
}
