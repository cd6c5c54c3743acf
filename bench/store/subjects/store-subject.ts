import type { NewEvent } from '@alongside/platform/event-sourcing';

/**
 * What every store case drives, whoever stores: ours, Emmett or raw pg. Each subject maps "the
 * stream already holds `held` events" to its own expected-version convention, so the workloads
 * stay one piece of code for all three.
 */
export type StoreSubject = Readonly<{
  append(stream: string, events: readonly NewEvent[], held: number): Promise<void>;
  /** Reads the whole stream; answers how many events came back. */
  readStream(stream: string): Promise<number>;
  /** One page of the global log after `after`; answers the events read and the last position. */
  readAll(after: bigint, limit: number): Promise<{ count: number; position: bigint }>;
  close(): Promise<void>;
}>;

/** Every subject of a store case, by the name the case registry uses. */
export type StoreSubjectName = 'ours' | 'emmett' | 'pg-insert' | 'pg-guarded' | 'pg-unnest' | 'pg-copy' | 'pg-select';
