import type { NewEvent, RecordedEvent } from '@alongside/platform/event-sourcing';
import type { ExpectedVersion, StreamVersion } from './expected-version';

export type AppendOptions = Readonly<{ expectedVersion: ExpectedVersion }>;

export type AppendResult = Readonly<{
  /**
   * The stream's version after the append: pass it as expectedVersion to append again. For a
   * retried append (appended: false) it is the version the first attempt left the stream at.
   */
  nextExpectedVersion: bigint;
  /** False when every event id was already stored (a retried append): nothing was written. */
  appended: boolean;
}>;

export type ReadStreamOptions = Readonly<{ from?: bigint; to?: bigint }>;

export type ReadStreamResult = Readonly<{
  /** The events from `from` to `to` (stream positions, both inclusive), upcast to their latest shape. */
  events: RecordedEvent[];
  /** The stream's current version, whatever range was read. */
  version: StreamVersion;
}>;

export type ReadAllOptions = Readonly<{ after?: bigint; limit?: number }>;

export type ReadAllResult = Readonly<{
  events: RecordedEvent[];
  /**
   * Where to continue: the last event's global position, or `after` when nothing was read. An
   * adapter that skips records of its own (EventStoreDB's system events) may move past them.
   */
  position: bigint;
}>;

export type SubscribeOptions = Readonly<{
  after: bigint;
  batchSize?: number;
  /** How long to wait between polls when the log is quiet. */
  idleMs?: number;
  signal: AbortSignal;
  /** Called in global order; the subscription moves on only when it resolves. */
  onEvents: (events: RecordedEvent[], position: bigint) => Promise<void>;
}>;

/**
 * The event log: the only source of truth and the outbox (DESIGN §4). Every adapter passes the
 * same contract suite (`eventStoreContract`).
 */
export interface EventStore {
  /**
   * Appends all the events or none, if the stream is at the expected version. Throws
   * VersionConflict when it is not, EventTooLarge when an event is over MAX_EVENT_BYTES. Appending
   * event ids the stream already holds writes nothing and answers `appended: false`.
   */
  appendToStream(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  /** The global log in commit order, never skipping an event committed late. */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  /**
   * Follows the global log from a checkpoint until the signal aborts, then resolves. Rejects with
   * the error when `onEvents` throws: the caller decides how to resume.
   */
  subscribe(options: SubscribeOptions): Promise<void>;
  streamExists(stream: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Nest injection token for the configured store. */
export const EVENT_STORE = Symbol.for('alongside.EventStore');
