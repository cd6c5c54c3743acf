import {
  eventIdFor,
  fold,
  UpcasterRegistry,
  VersionConflict,
  type Actor,
  type Decider,
  type Event,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
  type SchemaVersions,
  type SiteId,
} from '@alongside/platform/event-sourcing';
import type { EventStore } from './event-store';
import type { StreamVersion } from './expected-version';

/** Who asked, on whose behalf, and why: becomes the metadata of every event the command decides. */
export type CommandContext = Readonly<{
  /**
   * The Idempotency-Key when the client sent one, otherwise a fresh UUID. Every event id derives
   * from it, so a repeat of the command finds its own events and appends nothing.
   */
  commandId: string;
  siteId: SiteId;
  correlationId: string;
  /** What caused the command (a message id for a consumer); the command itself when omitted. */
  causationId?: string;
  actor: Actor;
  /** ISO 8601 with zone: when the fact happened in the world. */
  occurredAt: string;
}>;

export type HandleCommandOptions = Readonly<{
  /** The schema version each event type is written with. */
  schemaVersions: UpcasterRegistry | SchemaVersions;
  /**
   * How many times to re-run load-decide-append after a VersionConflict. 0 by default: the
   * conflict reaches the client as a 409. Only for commands whose decision stays right on a newer
   * state (e.g. recording an attendance), never for ones a person decided looking at the old one.
   */
  retriesOnConflict?: number;
  /**
   * States already folded, by stream, for a process that handles many commands on the same streams
   * in a row (the demo generator): the fold resumes where the last one ended instead of replaying the
   * whole stream each time. Stored events never change, so a state folded from a stream's first n
   * events stays right for as long as the stream has at least n.
   */
  foldCache?: FoldCache;
}>;

export type FoldCache = Map<string, Readonly<{ state: unknown; folded: number }>>;

export type CommandResult<E extends Event, State> = Readonly<{
  /** The events the command decided, as stored: on a repeat, those of its first handling. */
  events: readonly NewEvent<E>[];
  /** The stream's state right after those events. */
  state: State;
  /** The stream's version right after those events ('no_stream' only if nothing was ever decided). */
  version: StreamVersion;
  /** False when nothing was written: a repeat of a handled command, or a decision of no events. */
  appended: boolean;
}>;

/**
 * The one command loop (DESIGN §3.2): read the stream, fold it, decide, append with the version read.
 * A repeated command (same commandId) returns its first result and appends nothing.
 */
export const handleCommand = async <Command, E extends Event, State>(
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  stream: string,
  decider: Decider<Command, E, State>,
  command: Command,
  context: CommandContext,
  options: HandleCommandOptions,
): Promise<CommandResult<E, State>> => {
  const retries = options.retriesOnConflict ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadDecideAppend(store, stream, decider, command, context, options);
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= retries) throw error;
    }
  }
};

const loadDecideAppend = async <Command, E extends Event, State>(
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  stream: string,
  decider: Decider<Command, E, State>,
  command: Command,
  context: CommandContext,
  options: HandleCommandOptions,
): Promise<CommandResult<E, State>> => {
  const { events: stored, version } = await store.readStream(stream);
  const recorded = stored as unknown as RecordedEvent<E>[];
  const repeat = firstHandling(recorded, stream, context.commandId);
  if (repeat) return repeat(decider);

  const state = foldResuming(decider, recorded, options.foldCache?.get(stream));
  const decided = decider.decide(command, state);
  if (decided.length === 0) return { events: [], state, version, appended: false };

  const schemaVersionOf = schemaVersionLookup(options.schemaVersions);
  const events = decided.map(
    (event, index): NewEvent<E> => ({
      ...event,
      id: eventIdFor(context.commandId, stream, index),
      metadata: metadataFor(context, schemaVersionOf(event.type)),
    }),
  );
  const result = await store.appendToStream(stream, events, { expectedVersion: version });
  const after = decided.reduce(decider.evolve, state);
  if (result.appended) options.foldCache?.set(stream, { state: after, folded: recorded.length + events.length });
  return { events, state: after, version: result.nextExpectedVersion, appended: result.appended };
};

const foldResuming = <E extends Event, State>(
  decider: Pick<Decider<unknown, E, State>, 'evolve' | 'initialState'>,
  recorded: readonly RecordedEvent<E>[],
  cached: Readonly<{ state: unknown; folded: number }> | undefined,
): State =>
  cached && cached.folded <= recorded.length
    ? recorded.slice(cached.folded).reduce(decider.evolve, cached.state as State)
    : fold(decider, recorded);

/**
 * When the stream holds the command's first event id, the command was handled before: its events
 * are the ones carrying its derived ids, consecutive from there.
 */
const firstHandling = <E extends Event>(recorded: readonly RecordedEvent<E>[], stream: string, commandId: string) => {
  const firstId = eventIdFor(commandId, stream, 0);
  const start = recorded.findIndex((event) => event.id === firstId);
  if (start < 0) return null;
  let end = start + 1;
  while (end < recorded.length && recorded[end].id === eventIdFor(commandId, stream, end - start)) end++;
  return <State>(decider: Pick<Decider<unknown, E, State>, 'evolve' | 'initialState'>): CommandResult<E, State> => ({
    events: recorded.slice(start, end),
    state: fold(decider, recorded.slice(0, end)),
    version: recorded[end - 1].streamPosition,
    appended: false,
  });
};

const metadataFor = (context: CommandContext, schemaVersion: number): EventMetadata => ({
  siteId: context.siteId,
  schemaVersion,
  correlationId: context.correlationId,
  causationId: context.causationId ?? context.commandId,
  actor: context.actor,
  occurredAt: context.occurredAt,
});

const schemaVersionLookup = (versions: UpcasterRegistry | SchemaVersions): ((type: string) => number) =>
  versions instanceof UpcasterRegistry ? (type) => versions.versionOf(type) : (type) => versions[type] ?? 1;
