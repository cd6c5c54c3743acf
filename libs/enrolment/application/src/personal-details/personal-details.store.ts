import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isErased, PiiVault } from '@alongside/platform/security';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { PERSONAL_DETAIL_FIELDS, type PersonalDetailField } from '@alongside/enrolment/contracts';
import type { ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { ENROLMENT_CONFIG, type EnrolmentConfig } from '../config/enrolment-config';
import { blindTokens, nameTokens } from './name-tokens';
import { NAME_FIELDS, type PersonalDetails } from './personal-details';
import { PersonalDetailsRow } from './personal-details-row.entity';

/** What a reader gets: the details in clear, or that they were erased. */
export type RevealedDetails = Readonly<{ erased: true } | { erased: false; details: PersonalDetails }>;

/**
 * Seals details with the participant's key (PiiVault) and keeps each version, with the blind index
 * of the name. Nothing in clear is ever written.
 */
@Injectable()
export class PersonalDetailsStore implements OnModuleInit {
  constructor(
    private readonly vault: PiiVault,
    private readonly dataSource: DataSource,
    @Inject(ENROLMENT_CONFIG) private readonly config: EnrolmentConfig,
  ) {}

  /** A GIN index answers "holds every token of the query" (`@>`); TypeORM cannot declare one. */
  async onModuleInit(): Promise<void> {
    await this.dataSource.query(`CREATE INDEX IF NOT EXISTS enrolment_personal_details_name_tokens ON ${this.table()} USING gin (name_tokens)`);
  }

  /**
   * Seals and stores one version. In `transaction` (the event store's, after the append of the
   * event that names it), the participant's key, if new, and the row commit with that event or
   * not at all. Without one (EventStoreDB), written before that event: if the append then fails,
   * the row is simply never referenced. A retry (same details id) keeps the first row.
   */
  async seal(siteId: SiteId, participantId: string, detailsId: string, details: PersonalDetails, at: Date, transaction?: ClientBase): Promise<void> {
    const fields = PERSONAL_DETAIL_FIELDS.filter((field) => details[field] !== undefined && details[field] !== '');
    const clear = pick(details, fields);
    const sealed = transaction
      ? await this.vault.encryptFieldsWithin(transaction, participantId, siteId, clear, fields)
      : await this.vault.encryptFields(participantId, siteId, clear, fields);
    const tokens = blindTokens(this.config.blindIndexKey(siteId), nameTokens(...NAME_FIELDS.map((f) => details[f])));
    const insert = `INSERT INTO ${this.table()} (details_id, participant_id, site_id, sealed, name_tokens, recorded_at)
      VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`;
    const values = [detailsId, participantId, siteId, JSON.stringify(sealed), tokens, at];
    await (transaction ? transaction.query(insert, values) : this.dataSource.query(insert, values));
  }

  async reveal(participantId: string, detailsId: string | null): Promise<RevealedDetails | null> {
    if (detailsId === null) return null;
    const row = await this.dataSource.getRepository(PersonalDetailsRow).findOneBy({ detailsId, participantId });
    if (!row) return null;
    return this.open(row);
  }

  async revealMany(rows: readonly { participantId: string; detailsId: string | null }[]): Promise<Map<string, RevealedDetails>> {
    const ids = rows.map((r) => r.detailsId).filter((id): id is string => id !== null);
    if (ids.length === 0) return new Map();
    const found = await this.dataSource.getRepository(PersonalDetailsRow).createQueryBuilder('d').where('d.details_id IN (:...ids)', { ids }).getMany();
    const revealed = await Promise.all(found.map(async (row) => [row.detailsId, await this.open(row)] as const));
    return new Map(revealed);
  }

  /** The blind index tokens a name query must all match, under the site's key. */
  queryTokens(siteId: SiteId, name: string): string[] {
    return blindTokens(this.config.blindIndexKey(siteId), nameTokens(name));
  }

  /** Crypto-shredding: the key goes, and with it every sealed version; the name tokens go too. */
  async forget(siteId: SiteId, participantId: string): Promise<void> {
    await this.vault.erase(participantId);
    await this.dataSource.getRepository(PersonalDetailsRow).update({ siteId, participantId }, { nameTokens: [] });
  }

  private async open(row: PersonalDetailsRow): Promise<RevealedDetails> {
    const fields = Object.keys(row.sealed) as PersonalDetailField[];
    const opened = await this.vault.decryptFields<Record<string, string>, PersonalDetailField, string>(row.participantId, row.sealed, fields);
    if (fields.some((field) => isErased(opened[field]))) return { erased: true };
    return { erased: false, details: opened as PersonalDetails };
  }

  private table(): string {
    const table = this.dataSource.getMetadata(PersonalDetailsRow).tablePath;
    const [schema, name] = table.includes('.') ? table.split('.') : ['public', table];
    return `"${schema}"."${name}"`;
  }
}

const pick = (details: PersonalDetails, fields: readonly PersonalDetailField[]): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field, details[field] as string]));
