import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A mentor's note about a contact, sealed with the participant's data key (PiiVault). It lives
 * here and nowhere else: never in an event, so never on Kafka. Erasing the participant's key
 * makes it unreadable.
 */
@Entity({ name: 'contact_note' })
export class ContactNote {
  @PrimaryColumn({ name: 'site_id', type: 'text' }) siteId!: string;
  @PrimaryColumn({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) sealed!: string;
}
