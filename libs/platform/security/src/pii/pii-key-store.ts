import type { WrappedKey } from './master-key-ring';

/** One participant's row: a wrapped data key, or a tombstone once erased (so no new key is ever made). */
export type StoredDataKey = Readonly<{
  participantId: string;
  siteId: string | null;
  keyId: string;
  wrapped: WrappedKey | null;
  erasedAt: string | null;
}>;

/** Where wrapped data keys live: the service's own database, never events or logs. */
export interface PiiKeyStore {
  migrate(): Promise<void>;
  find(participantId: string): Promise<StoredDataKey | undefined>;
  /** Stores a new key unless the participant already has a row; returns the row that is stored. */
  insertIfAbsent(row: Readonly<{ participantId: string; siteId: string; keyId: string; wrapped: WrappedKey }>): Promise<StoredDataKey>;
  /** Destroys the key material and leaves a tombstone; true when there was key material to destroy. */
  erase(participantId: string): Promise<boolean>;
  /** Keys still wrapped under another master key than `masterKeyId`. */
  wrappedUnderOtherThan(masterKeyId: string, limit: number): Promise<StoredDataKey[]>;
  /** Replaces a wrapping only if it is still under `fromMasterKeyId` (an erase or another rewrap wins). */
  replaceWrapping(participantId: string, fromMasterKeyId: string, to: WrappedKey): Promise<boolean>;
  close(): Promise<void>;
}
