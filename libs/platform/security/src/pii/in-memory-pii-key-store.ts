import { randomUUID } from 'node:crypto';
import type { PiiKeyStore, StoredDataKey } from './pii-key-store';

/** For unit tests of code that uses a PiiVault; services use the Postgres store. */
export class InMemoryPiiKeyStore implements PiiKeyStore {
  private readonly rows = new Map<string, StoredDataKey>();

  async migrate(): Promise<void> {
    // Nothing to create: the keys live in this process only.
  }

  async find(participantId: string) {
    return this.rows.get(participantId);
  }

  async insertIfAbsent(row: Parameters<PiiKeyStore['insertIfAbsent']>[0]) {
    const existing = this.rows.get(row.participantId);
    if (existing) return existing;
    const stored = { ...row, erasedAt: null };
    this.rows.set(row.participantId, stored);
    return stored;
  }

  async erase(participantId: string) {
    const existing = this.rows.get(participantId);
    this.rows.set(participantId, {
      participantId,
      siteId: existing?.siteId ?? null,
      keyId: existing?.keyId ?? randomUUID(),
      wrapped: null,
      erasedAt: existing?.erasedAt ?? new Date().toISOString(),
    });
    return existing?.wrapped != null;
  }

  async wrappedUnderOtherThan(masterKeyId: string, limit: number) {
    return [...this.rows.values()].filter((row) => row.wrapped && row.wrapped.masterKeyId !== masterKeyId).slice(0, limit);
  }

  async replaceWrapping(participantId: string, fromMasterKeyId: string, to: Parameters<PiiKeyStore['replaceWrapping']>[2]) {
    const row = this.rows.get(participantId);
    if (row?.wrapped?.masterKeyId !== fromMasterKeyId) return false;
    this.rows.set(participantId, { ...row, wrapped: to });
    return true;
  }

  async close(): Promise<void> {
    // Nothing to release: no connection was opened.
  }
}
