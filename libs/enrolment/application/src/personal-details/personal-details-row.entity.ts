import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The encrypted store of personal details: one row per version (registration, each correction),
 * never updated except to forget the name tokens on erasure. Each value is a PiiVault envelope
 * sealed with the participant's own key, so erasing the key (crypto-shredding) makes every version
 * unreadable while the rows and the events stay. Kept out of the event log so that no PII, not even
 * encrypted, reaches Kafka through the relay.
 */
@Entity({ name: 'enrolment_personal_details' })
@Index(['siteId', 'participantId'])
export class PersonalDetailsRow {
  @PrimaryColumn({ name: 'details_id', type: 'uuid' }) detailsId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ name: 'site_id', type: 'text' }) siteId!: string;
  /** Field → PiiVault envelope (`pii.v1.…`). */
  @Column({ type: 'jsonb' }) sealed!: Record<string, string>;
  /** HMACs of the name's tokens under the site's blind-index key. */
  @Index('enrolment_personal_details_name_tokens', { synchronize: false })
  @Column({ name: 'name_tokens', type: 'text', array: true, default: () => "'{}'" })
  nameTokens!: string[];
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
