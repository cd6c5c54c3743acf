import { VersionConflict, type NewEvent, type RecordedEvent } from '@alongside/platform/event-sourcing';
import { describeVersion, meetsExpectation, type AppendOptions, type EventStore } from '@alongside/platform/event-store';

/**
 * For this lib's unit specs only (the event-store lib keeps its own in-memory store private).
 * Integration specs use the real Postgres store.
 */
export class MemoryEventStore implements EventStore {
  readonly log: RecordedEvent[] = [];
  failAppends = false;

  async appendToStream(stream: string, events: readonly NewEvent[], { expectedVersion }: AppendOptions) {
    if (this.failAppends) throw new Error('connection terminated unexpectedly (simulated)');
    const existing = this.log.filter((e) => e.streamId === stream);
    const version = existing.at(-1)?.streamPosition ?? 'no_stream';
    if (!meetsExpectation(version, expectedVersion)) throw new VersionConflict(stream, describeVersion(expectedVersion), describeVersion(version));
    const first = version === 'no_stream' ? 0n : version + 1n;
    events.forEach((event, index) =>
      this.log.push({ ...event, streamId: stream, streamPosition: first + BigInt(index), globalPosition: BigInt(this.log.length + 1), recordedAt: new Date().toISOString() }),
    );
    return { nextExpectedVersion: first + BigInt(events.length - 1), appended: true };
  }

  async readStream(stream: string) {
    const events = this.log.filter((e) => e.streamId === stream);
    return { events, version: events.at(-1)?.streamPosition ?? ('no_stream' as const) };
  }

  async readAll({ after = 0n, limit = 1000 } = {}) {
    const events = this.log.filter((e) => e.globalPosition > after).slice(0, limit);
    return { events, position: events.at(-1)?.globalPosition ?? after };
  }

  async subscribe(): Promise<void> {
    throw new Error('not needed by these specs');
  }

  async streamExists(stream: string) {
    return this.log.some((e) => e.streamId === stream);
  }

  async close() {
    // Nothing to release: no connection was opened.
  }
}
