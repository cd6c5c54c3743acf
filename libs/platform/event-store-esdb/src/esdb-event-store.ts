import { VersionConflict, type NewEvent, type RecordedEvent, type UpcasterRegistry } from '@alongside/platform/event-sourcing';
import {
  checkEventSize,
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
  type StreamVersion,
  type SubscribeOptions,
} from '@alongside/platform/event-store';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { walkLogPage, type LogWalk } from './esdb-log-page';
import { esdbMetadataOf, recordedEventOf } from './esdb-recorded-event';
import { expectedRevisionOf, firstRevisionOf } from './esdb-expected-revision';

export type EsdbEventStoreOptions = Readonly<{
  /** e.g. `esdb://127.0.0.1:2113?tls=false` */
  connectionString: string;
  /** Applied on every read, so readers see each event type's latest shape. */
  upcasters?: UpcasterRegistry;
  /**
   * The service's context (e.g. `enrolment`): its global log is then only its own streams
   * (`enrolment.…`), as a Postgres schema would be. Without it, every non-system stream.
   */
  context?: string;
}>;

const DEFAULT_READ_ALL_LIMIT = 1000;
const CONNECT_DEADLINE_MS = 10_000;

/** The same port over EventStoreDB / KurrentDB (DESIGN §4), selected by EVENT_STORE=esdb. */
export class EsdbEventStore implements EventStore {
  private readonly closing = new AbortController();
  private readonly subscriptions = new Set<Promise<void>>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly upcasters: UpcasterRegistry | undefined,
    private readonly streamPrefix: string | undefined,
  ) {}

  /** Connects and makes one read, so that a wrong URL fails at start-up rather than at the first command. */
  static async connect({ connectionString, upcasters, context }: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    const client = EventStoreDBClient.connectionString(connectionString);
    try {
      await collect(client.readAll({ maxCount: 1, fromPosition: START, deadline: CONNECT_DEADLINE_MS }));
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return new EsdbEventStore(client, upcasters, context === undefined ? undefined : `${context}.`);
  }

  async appendToStream(stream: string, events: readonly NewEvent[], { expectedVersion }: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError(`Nothing to append to ${stream}: an append carries at least one event`);
    for (const event of events) checkEventSize(stream, event, JSON.stringify(event.data), JSON.stringify(event.metadata));

    // The server makes a retry idempotent, but answers it exactly as it answered the first
    // attempt: only a look at where the batch would go tells a retry from a first append.
    const alreadyAt = await this.positionOfStoredBatch(stream, events, expectedVersion);
    if (alreadyAt !== null) return { nextExpectedVersion: alreadyAt, appended: false };

    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) =>
          jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: esdbMetadataOf(event.metadata) }),
        ),
        { expectedRevision: expectedRevisionOf(expectedVersion) },
      );
      return { nextExpectedVersion: result.nextExpectedRevision, appended: true };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual: StreamVersion = error.actualVersion === NO_STREAM ? 'no_stream' : error.actualVersion;
      throw new VersionConflict(stream, describeVersion(expectedVersion), describeVersion(actual));
    }
  }

  /** The last position of the batch if the stream already holds it where the expectation puts it. */
  private async positionOfStoredBatch(stream: string, events: readonly NewEvent[], expected: AppendOptions['expectedVersion']): Promise<bigint | null> {
    const first = firstRevisionOf(expected);
    const stored =
      first === null
        ? (await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: events.length })).reverse()
        : await this.read(stream, { direction: FORWARDS, fromRevision: first, maxCount: events.length });
    const matches = stored.length === events.length && stored.every((event, i) => event.event?.id === events[i].id);
    const last = stored[stored.length - 1]?.event;
    return matches && last ? last.revision : null;
  }

  async readStream(stream: string, { from = 0n, to }: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    if (to !== undefined && to < from) return { events: [], version: await this.versionOf(stream) };
    const [resolved, version] = await Promise.all([
      this.read(stream, { direction: FORWARDS, fromRevision: from, maxCount: to === undefined ? undefined : to - from + 1n }),
      // A read to the end already ends at the version; a bounded one has to ask.
      to === undefined && from === 0n ? null : this.versionOf(stream),
    ]);
    const events = this.recorded(resolved);
    return { events, version: version ?? (events.length > 0 ? events[events.length - 1].streamPosition : 'no_stream') };
  }

  /**
   * $all from a commit position, keeping this service's events. It reads on past system and other
   * streams' events rather than answer an empty page while events of ours lie further on.
   */
  async readAll({ after = 0n, limit = DEFAULT_READ_ALL_LIMIT }: ReadAllOptions = {}): Promise<ReadAllResult> {
    const walk: LogWalk = { events: [], position: after };
    const pageSize = Math.max(limit, 100) + 1;
    for (;;) {
      const page = await collect(
        this.client.readAll({
          fromPosition: walk.position === 0n ? START : { commit: walk.position, prepare: walk.position },
          maxCount: pageSize,
          direction: FORWARDS,
        }),
      );
      const full = walkLogPage(walk, page, limit, (streamId) => this.isOurs(streamId));
      if (full || page.length < pageSize) {
        return { events: walk.events.map((event) => upcastOnRead(this.upcasters, event)), position: walk.position };
      }
    }
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
    return (await this.versionOf(stream)) !== 'no_stream';
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    await Promise.allSettled(this.subscriptions);
    await this.client.dispose();
  }

  private async versionOf(stream: string): Promise<StreamVersion> {
    const [last] = await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event?.revision ?? 'no_stream';
  }

  /** A stream's events; a stream that does not exist (or was deleted) has none. */
  private async read(
    stream: string,
    options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount?: bigint | number },
  ): Promise<ResolvedEvent[]> {
    try {
      return await collect(this.client.readStream(stream, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw error;
    }
  }

  private recorded(resolved: readonly ResolvedEvent[]): RecordedEvent[] {
    return resolved.flatMap((r) => {
      const event = recordedEventOf(r);
      return event ? [upcastOnRead(this.upcasters, event)] : [];
    });
  }

  /** System streams ($…) are EventStoreDB's; with a context, other services' streams are theirs. */
  private isOurs(streamId: string): boolean {
    return !streamId.startsWith('$') && (this.streamPrefix === undefined || streamId.startsWith(this.streamPrefix));
  }
}

const collect = async <E>(read: AsyncIterable<E>): Promise<E[]> => {
  const items: E[] = [];
  for await (const item of read) items.push(item);
  return items;
};
