import { VersionConflict, type NewEvent, type UpcasterRegistry } from '@alongside/platform/event-sourcing';
import {
  describeVersion,
  subscribeByPolling,
  upcastOnRead,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type SubscribeOptions,
  type ReadAllStoredResult,
  type StoredJsonLog,
} from '@alongside/platform/event-store';
import { Pool, type ClientBase } from 'pg';
import { refusedAppend } from './append-outcome';
import { appendInOneStatement } from './append-in-one-statement';
import { encodeEvents } from './encoded-events';
import { migrate } from './migrations';
import { recordedEventOf, storedEventJsonOf, streamEventOf, type RecordedRow, type StoredJsonRow, type StreamRow } from './recorded-row';
import { recordedRowTypes, storedJsonRowTypes } from './row-types';
import { checkSchemaName } from './schema-name';
import { statementsFor, type Statements } from './statements';
import { isUniqueViolation, storedStateOf } from './stored-state';

export type PostgresEventStoreOptions = Readonly<
  ({ connectionString: string; pool?: never } | { pool: Pool; connectionString?: never }) & {
    /** The service's own schema (e.g. `enrolment`); its `events` table is created on connect. */
    schema: string;
    /** Applied on every read, so readers see each event type's latest shape. */
    upcasters?: UpcasterRegistry;
    /**
     * Connections of the pool this store creates. A `pool` passed instead is used as it is: give
     * it `options: '-c plan_cache_mode=force_generic_plan'` for the fastest appends.
     */
    maxConnections?: number;
  }
>;

/** The store inside one transaction (`PostgresEventStore.transaction`), and its connection for the caller's own rows. */
export type PostgresStoreTransaction = Pick<EventStore, 'readStream' | 'appendToStream'> & Readonly<{ connection: ClientBase }>;

const DEFAULT_READ_ALL_LIMIT = 1000;
// Appends expecting 'exists' do not care where they land; a concurrent append only moved the end.
const EXISTS_ATTEMPTS = 5;
const LAST_POSITION = '9223372036854775807';

/** The default event store (DESIGN §4): one `events` table in each service's schema. */
export class PostgresEventStore implements EventStore, StoredJsonLog {
  private readonly closing = new AbortController();
  private readonly subscriptions = new Set<Promise<void>>();

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    readonly schema: string,
    private readonly statements: Statements,
    private readonly upcasters: UpcasterRegistry | undefined,
  ) {}

  /** Connects and brings the schema up to date (idempotent; concurrent starts wait on a lock). */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = checkSchemaName(options.schema);
    const pool =
      options.pool ??
      new Pool({
        connectionString: options.connectionString,
        max: options.maxConnections ?? 10,
        application_name: `alongside-${schema}-events`,
        // The statements' plans do not depend on their parameters, but Postgres cannot tell: left to
        // itself it re-plans an append every time (array sizes change its estimates), which costs
        // more than the append. A pool passed in should say the same.
        options: '-c plan_cache_mode=force_generic_plan',
      });
    // A connection the server ends while idle in the pool (a restart, a failover) is reported as a
    // pool 'error'; unheard, Node would end the whole service. The next query opens a new connection.
    if (!options.pool) {
      pool.on('error', () => undefined);
      // One that dies while checked out, between queries, reports on the client itself: the next query fails instead.
      pool.on('connect', (client) => client.on('error', () => undefined));
    }
    try {
      await migrate(pool, schema);
    } catch (error) {
      if (!options.pool) await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, !options.pool, schema, statementsFor(schema), options.upcasters);
  }

  async appendToStream(stream: string, events: readonly NewEvent[], { expectedVersion }: AppendOptions): Promise<AppendResult> {
    const encoded = encodeEvents(stream, nonEmpty(stream, events));
    for (let attempt = 1; ; attempt++) {
      try {
        return await appendInOneStatement(this.pool, this.statements, stream, encoded, expectedVersion);
      } catch (error) {
        // A concurrent writer took the same stream position or event id: a conflict, or our own retry.
        if (!isUniqueViolation(error)) throw error;
        const stored = await storedStateOf(this.pool, this.statements, stream, encoded.ids);
        if (expectedVersion === 'exists' && stored.alreadyStored === 0 && attempt < EXISTS_ATTEMPTS) continue;
        return refusedAppend(stream, encoded.count, expectedVersion, stored);
      }
    }
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    return this.readStreamOn(this.pool, stream, options);
  }

  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when
   * it throws. The events it appends commit with the rows it writes on `connection`, or nothing
   * does, at the price of one commit instead of one each. An append must still be the
   * transaction's first write (AE001: readers of the log rely on it), so rows go after it.
   */
  async transaction<T>(work: (transaction: PostgresStoreTransaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work({
        connection: client,
        readStream: (stream, options = {}) => this.readStreamOn(client, stream, options),
        appendToStream: (stream, events, options) => this.appendInTransaction(client, stream, events, options),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw error;
    } finally {
      // A connection that could not even roll back is not handed to the next borrower.
      client.release(broken);
    }
  }

  private async appendInTransaction(client: ClientBase, stream: string, events: readonly NewEvent[], { expectedVersion }: AppendOptions): Promise<AppendResult> {
    try {
      return await appendInOneStatement(client, this.statements, stream, encodeEvents(stream, nonEmpty(stream, events)), expectedVersion);
    } catch (error) {
      // Another writer committed the same position or event id first. The transaction is aborted,
      // so it cannot ask whether they were a retry of its own: the caller re-runs it to find out.
      if (isUniqueViolation(error)) throw new VersionConflict(stream, describeVersion(expectedVersion), 'a newer one');
      throw error;
    }
  }

  private async readStreamOn(db: Pool | ClientBase, stream: string, { from = 0n, to }: ReadStreamOptions): Promise<ReadStreamResult> {
    const { rows } = await db.query<StreamRow>({
      ...this.statements.readStream,
      values: [stream, from.toString(), to === undefined ? LAST_POSITION : to.toString()],
      rowMode: 'array',
      types: recordedRowTypes,
    });
    const [[head, first]] = rows;
    // A range with no events still comes back as one row carrying the version.
    const events = first === null ? [] : rows.map((row) => upcastOnRead(this.upcasters, streamEventOf(stream, row)));
    return { events, version: head ?? 'no_stream' };
  }

  async readAll({ after = 0n, limit = DEFAULT_READ_ALL_LIMIT }: ReadAllOptions = {}): Promise<ReadAllResult> {
    const { rows } = await this.pool.query<RecordedRow>({
      ...this.statements.readAll,
      values: [after.toString(), limit],
      rowMode: 'array',
      types: recordedRowTypes,
    });
    const events = rows.map((row) => upcastOnRead(this.upcasters, recordedEventOf(row)));
    return { events, position: events.length > 0 ? events[events.length - 1].globalPosition : after };
  }

  /** The log as readAll reads it, its JSON left as the text stored: for the relay, which only passes it on. */
  async readAllStored({ after = 0n, limit = DEFAULT_READ_ALL_LIMIT }: ReadAllOptions = {}): Promise<ReadAllStoredResult> {
    const { rows } = await this.pool.query<StoredJsonRow>({
      ...this.statements.readAll,
      values: [after.toString(), limit],
      rowMode: 'array',
      types: storedJsonRowTypes,
    });
    const events = rows.map(storedEventJsonOf);
    return { events, position: events.length > 0 ? events[events.length - 1].globalPosition : after };
  }

  async subscribe(options: SubscribeOptions): Promise<void> {
    const running = subscribeByPolling(this, { ...options, signal: AbortSignal.any([options.signal, this.closing.signal]) });
    this.subscriptions.add(running);
    try {
      await running;
    } finally {
      this.subscriptions.delete(running);
    }
  }

  async streamExists(stream: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ exists: boolean }>({ ...this.statements.streamExists, values: [stream] });
    return rows[0].exists;
  }

  /** Stops subscriptions, lets them finish their batch, then ends the pool if the store made it. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await Promise.allSettled(this.subscriptions);
    if (this.ownsPool) await this.pool.end();
  }
}

const nonEmpty = (stream: string, events: readonly NewEvent[]): readonly NewEvent[] => {
  if (events.length === 0) throw new TypeError(`Nothing to append to ${stream}: an append carries at least one event`);
  return events;
};
