import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientBase, Pool } from 'pg';
import { KEY_BYTES } from './aes-gcm';
import { DataKeyCache, type CachedDataKey, type DataKeyCacheOptions } from './data-key-cache';
import { ERASED, ParticipantErased, type Erased } from './erased';
import { masterKeyRingFromEnv, type MasterKeyRing } from './master-key-ring';
import { openValue, parseEnvelope, sealValue } from './pii-envelope';
import type { PiiKeyStore, StoredDataKey } from './pii-key-store';
import { PostgresPiiKeyStore } from './postgres-pii-key-store';

/** The object with its PII fields replaced by envelope strings (absent fields stay absent). */
export type SealedFields<T, K extends keyof T> = { [P in keyof T]: P extends K ? string | Extract<T[P], undefined> : T[P] };

/** The object with its PII fields in clear, or ERASED once the participant's key was deleted. */
export type RevealedFields<T, K extends keyof T, Clear = unknown> = { [P in keyof T]: P extends K ? Clear | Erased : T[P] };

export type PiiVaultOptions = Readonly<{ cache?: DataKeyCacheOptions }>;

export type PiiVaultConnectOptions = PiiVaultOptions &
  Readonly<{ schema: string; masterKeys?: MasterKeyRing } & ({ connectionString: string } | { pool: Pool })>;

type KeyLookup = CachedDataKey | 'erased' | undefined;

const keyContext = (participantId: string, keyId: string) => `${participantId}/${keyId}`;

/**
 * Encrypts PII fields with a data key per participant (AES-256-GCM), each key wrapped by a master
 * key. Erasing a participant deletes their key: their events stay, their PII reads as ERASED.
 */
export class PiiVault {
  private readonly cache: DataKeyCache;
  /** Bumped by every erase, so that a lookup which raced an erase does not cache the dead key. */
  private erasures = 0;

  constructor(
    private readonly keys: PiiKeyStore,
    private readonly ring: MasterKeyRing,
    options: PiiVaultOptions = {},
  ) {
    this.cache = new DataKeyCache(options.cache);
  }

  /** A vault over `pii_keys` in the service's schema, migrated before it is returned. */
  static async connect(options: PiiVaultConnectOptions): Promise<PiiVault> {
    const store = PostgresPiiKeyStore.create(options);
    await store.migrate();
    return new PiiVault(store, options.masterKeys ?? masterKeyRingFromEnv(), options);
  }

  async encryptFields<T extends object, K extends keyof T & string>(
    participantId: string,
    siteId: string,
    object: T,
    fieldNames: readonly K[],
  ): Promise<SealedFields<T, K>> {
    const found = await this.dataKey(participantId, siteId);
    if (found === 'erased') throw new ParticipantErased();
    return sealFields(found, participantId, object, fieldNames);
  }

  /**
   * encryptFields inside the caller's Postgres transaction: a key it creates is written there, so
   * the key commits with what it seals or neither does. Such a key is not cached: the transaction
   * may still roll back, and a cached key that was never stored would seal what nobody can open.
   */
  async encryptFieldsWithin<T extends object, K extends keyof T & string>(
    transaction: ClientBase,
    participantId: string,
    siteId: string,
    object: T,
    fieldNames: readonly K[],
  ): Promise<SealedFields<T, K>> {
    if (!(this.keys instanceof PostgresPiiKeyStore)) throw new TypeError('Only a vault whose keys are in Postgres can seal inside a Postgres transaction');
    // Insert first: who is sealed in a transaction is mostly new, and an existing row comes back anyway.
    const found = this.cache.get(participantId) ?? this.opened(await this.createKey(participantId, siteId, this.keys.within(transaction)));
    if (found === 'erased') throw new ParticipantErased();
    return sealFields(found, participantId, object, fieldNames);
  }

  async decryptFields<T extends object, K extends keyof T & string, Clear = unknown>(
    participantId: string,
    object: T,
    fieldNames: readonly K[],
  ): Promise<RevealedFields<T, K, Clear>> {
    const revealed: Record<string, unknown> = { ...(object as Record<string, unknown>) };
    const present = fieldNames.filter((field) => revealed[field] !== undefined && revealed[field] !== null);
    if (present.length === 0) return revealed as RevealedFields<T, K, Clear>;
    const found = await this.dataKey(participantId);
    for (const field of present) {
      const envelope = parseEnvelope(revealed[field]);
      if (!envelope) throw new TypeError(`Field "${field}" is not an encrypted PII envelope`);
      if (found === 'erased') {
        revealed[field] = ERASED;
        continue;
      }
      if (!found) throw new Error(`No data key for participant ${participantId}: was pii_keys restored from another database?`);
      if (envelope.keyId !== found.keyId) throw new Error(`Field "${field}" was sealed with another key than participant ${participantId}'s`);
      revealed[field] = openValue(found.key, participantId, envelope);
    }
    return revealed as RevealedFields<T, K, Clear>;
  }

  /** Crypto-shredding: deletes the participant's data key. True when there was a key to delete. */
  async erase(participantId: string): Promise<boolean> {
    try {
      return await this.keys.erase(participantId);
    } finally {
      this.erasures++;
      this.cache.delete(participantId);
    }
  }

  async isErased(participantId: string): Promise<boolean> {
    return (await this.keys.find(participantId))?.erasedAt != null;
  }

  /**
   * Re-wraps every data key not under the current master key, so that a retired master key can be
   * removed from the configuration. The data keys, and so the events, do not change. Returns how
   * many keys moved.
   */
  async rewrap(options: Readonly<{ batchSize?: number }> = {}): Promise<number> {
    const batchSize = options.batchSize ?? 500;
    let moved = 0;
    for (;;) {
      const batch = await this.keys.wrappedUnderOtherThan(this.ring.currentId, batchSize);
      if (batch.length === 0) return moved;
      for (const row of batch) {
        if (!row.wrapped) continue;
        const context = keyContext(row.participantId, row.keyId);
        const rewrapped = this.ring.wrap(this.ring.unwrap(row.wrapped, context), context);
        if (await this.keys.replaceWrapping(row.participantId, row.wrapped.masterKeyId, rewrapped)) moved++;
      }
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.keys.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** With a site, a participant without a key gets one; without, the lookup only reads. */
  private async dataKey(participantId: string, siteId: string): Promise<CachedDataKey | 'erased'>;
  private async dataKey(participantId: string): Promise<KeyLookup>;
  private async dataKey(participantId: string, siteId?: string): Promise<KeyLookup> {
    const cached = this.cache.get(participantId);
    if (cached) return cached;
    const erasures = this.erasures;
    let row = await this.keys.find(participantId);
    if (!row && siteId !== undefined) row = await this.createKey(participantId, siteId, this.keys);
    if (!row) return undefined;
    const found = this.opened(row);
    if (found !== 'erased' && erasures === this.erasures) this.cache.set(participantId, found);
    return found;
  }

  private opened(row: StoredDataKey): CachedDataKey | 'erased' {
    if (!row.wrapped) return 'erased';
    return { keyId: row.keyId, key: this.ring.unwrap(row.wrapped, keyContext(row.participantId, row.keyId)) };
  }

  private createKey(participantId: string, siteId: string, keys: PiiKeyStore): Promise<StoredDataKey> {
    const keyId = randomUUID();
    const wrapped = this.ring.wrap(randomBytes(KEY_BYTES), keyContext(participantId, keyId));
    // Two writers may race to create the key: the row that won is the one both use.
    return keys.insertIfAbsent({ participantId, siteId, keyId, wrapped });
  }
}

const sealFields = <T extends object, K extends keyof T & string>(
  found: CachedDataKey,
  participantId: string,
  object: T,
  fieldNames: readonly K[],
): SealedFields<T, K> => {
  const sealed: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  for (const field of fieldNames) {
    if (sealed[field] !== undefined) sealed[field] = sealValue(found.key, found.keyId, participantId, sealed[field]);
  }
  return sealed as SealedFields<T, K>;
};
