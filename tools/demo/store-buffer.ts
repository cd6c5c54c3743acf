// The event-store pieces mode (b) decides with, in one place.
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { siteId as toSiteId, VersionConflict, type Actor, type NewEvent, type RecordedEvent } from '@alongside/platform/event-sourcing';
import { handleCommand as handleStoreCommand, type CommandContext, type EventStore, type FoldCache, type ReadStreamResult } from '@alongside/platform/event-store';

export type { CommandContext, EventStore, ReadStreamResult } from '@alongside/platform/event-store';

/** A stream that is already there: a rerun of the same seed. */
export const VersionConflictOr = (error: unknown): boolean => error instanceof VersionConflict;

/** Streams decided in memory, in the order they were first written. */
export class StreamBuffer implements Pick<EventStore, 'readStream' | 'appendToStream'> {
  readonly streams = new Map<string, RecordedEvent[]>();
  /** The generator decides hundreds of commands on one stream (a group's year); each resumes the last fold. */
  readonly foldCache: FoldCache = new Map();
  private appends = 0;

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events = this.streams.get(stream) ?? [];
    return { events, version: events.length === 0 ? 'no_stream' : BigInt(events.length - 1) };
  }

  async appendToStream(stream: string, events: readonly NewEvent[]) {
    // Deciding in memory only ever awaits microtasks; yielding now and then lets a previous site's
    // appends to Postgres (sockets) progress meanwhile, so deciding and appending overlap.
    if (++this.appends % 200 === 0) await yieldToIo();
    const existing = this.streams.get(stream) ?? [];
    for (const event of events) {
      existing.push({ ...event, streamId: stream, streamPosition: BigInt(existing.length), globalPosition: 0n, recordedAt: event.metadata.occurredAt });
    }
    this.streams.set(stream, existing);
    return { nextExpectedVersion: BigInt(existing.length - 1), appended: true };
  }

  /** Every decided event, stream by stream. */
  events(): RecordedEvent[] {
    return [...this.streams.values()].flat();
  }
}

/**
 * The context of a demo command: its id derives from the seed and the fact, so the same seed
 * decides the same event ids and a rerun appends nothing.
 */
export const demoContexts =
  (seed: number, site: string, actor: Actor) =>
  (fact: string, occurredAt: string): CommandContext => ({
    commandId: `demo-${seed}-${fact}`,
    correlationId: `demo-${seed}-${fact}`,
    siteId: toSiteId(site),
    actor,
    occurredAt,
  });

/** The platform's command loop on a buffer, resuming each stream's fold where its last command left it. */
export const handleCommand: typeof handleStoreCommand = (store, stream, decider, command, context, options) =>
  handleStoreCommand(store, stream, decider, command, context, store instanceof StreamBuffer ? { ...options, foldCache: store.foldCache } : options);
