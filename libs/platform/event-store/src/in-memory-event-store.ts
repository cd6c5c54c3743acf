import { VersionConflict, type NewEvent, type RecordedEvent } from '@alongside/platform/event-sourcing';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  ReadStreamResult,
  SubscribeOptions,
} from './event-store';
import { describeVersion, meetsExpectation, type StreamVersion } from './expected-version';
import { subscribeByPolling } from './subscribe-by-polling';

/**
 * A store in an array, for unit tests of command handling only (STYLE §11: integration tests use
 * the real adapters). Deliberately not exported from the library.
 */
export class InMemoryEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  /** Runs before each append is applied: a test can slip a concurrent writer in here. */
  beforeAppend?: (stream: string) => Promise<void>;

  async appendToStream(stream: string, events: readonly NewEvent[], { expectedVersion }: AppendOptions): Promise<AppendResult> {
    await this.beforeAppend?.(stream);
    const existing = this.log.filter((event) => event.streamId === stream);
    const stored = events.map((event) => existing.find((e) => e.id === event.id));
    const last = stored[stored.length - 1];
    if (last && stored.every(Boolean)) return { nextExpectedVersion: last.streamPosition, appended: false };
    const version = versionOf(existing);
    if (!meetsExpectation(version, expectedVersion)) {
      throw new VersionConflict(stream, describeVersion(expectedVersion), describeVersion(version));
    }
    const first = version === 'no_stream' ? 0n : version + 1n;
    events.forEach((event, index) =>
      this.log.push({
        ...event,
        streamId: stream,
        streamPosition: first + BigInt(index),
        globalPosition: BigInt(this.log.length + 1),
        recordedAt: new Date().toISOString(),
      }),
    );
    return { nextExpectedVersion: first + BigInt(events.length - 1), appended: true };
  }

  async readStream(stream: string, { from = 0n, to }: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const all = this.log.filter((event) => event.streamId === stream);
    const events = all.filter((e) => e.streamPosition >= from && (to === undefined || e.streamPosition <= to));
    return { events, version: versionOf(all) };
  }

  async readAll({ after = 0n, limit = 1000 }: ReadAllOptions = {}): Promise<ReadAllResult> {
    const events = this.log.filter((event) => event.globalPosition > after).slice(0, limit);
    return { events, position: events.at(-1)?.globalPosition ?? after };
  }

  subscribe(options: SubscribeOptions): Promise<void> {
    return subscribeByPolling(this, options);
  }

  async streamExists(stream: string): Promise<boolean> {
    return this.log.some((event) => event.streamId === stream);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const versionOf = (events: readonly RecordedEvent[]): StreamVersion => events.at(-1)?.streamPosition ?? 'no_stream';
