import type { ReadAllOptions } from './event-store';

/**
 * An event as the store keeps it: data and metadata as the JSON text stored, neither parsed nor
 * upcast. Its schema version is the one it was written with; whoever parses it upcasts it.
 */
export type StoredEventJson = Readonly<{
  id: string;
  type: string;
  dataJson: string;
  metadataJson: string;
  streamId: string;
  streamPosition: bigint;
  globalPosition: bigint;
}>;

export type ReadAllStoredResult = Readonly<{ events: StoredEventJson[]; position: bigint }>;

/**
 * The global log as stored JSON text, in the same order and with the same gap-free guarantee as
 * `readAll`: for a reader that passes events on without looking inside (the relay), parsing each
 * one only to serialise it again is wasted work. Optional: an adapter offers it when its storage
 * holds the JSON text already (Postgres does; EventStoreDB's client hands over parsed events).
 */
export interface StoredJsonLog {
  readAllStored(options?: ReadAllOptions): Promise<ReadAllStoredResult>;
}

export const readsStoredJson = (store: object): store is StoredJsonLog => typeof (store as Partial<StoredJsonLog>).readAllStored === 'function';
