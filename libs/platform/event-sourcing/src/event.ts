import type { SiteId } from './site-id';

/** A domain event as deciders see it: a plain, JSON-safe, discriminated union member. */
export type Event<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;

/** A command as deciders see it. */
export type Command<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;

export type Actor = Readonly<{ sub: string; role: string }>;

/** What every stored event carries beside its data (DESIGN §3.3). */
export type EventMetadata = Readonly<{
  siteId: SiteId;
  schemaVersion: number;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** ISO 8601 with zone: when the fact happened in the world, not when it was stored. */
  occurredAt: string;
}>;

/** An event ready to append: its id is set by the writer so that a retried append is idempotent. */
export type NewEvent<E extends Event = Event> = E & Readonly<{ id: string; metadata: EventMetadata }>;

/** An event as read back from the log. Positions are bigint: a log outlives 2^53. */
export type RecordedEvent<E extends Event = Event> = E &
  Readonly<{
    id: string;
    metadata: EventMetadata;
    streamId: string;
    /** 0-based position within its stream; the stream's version is its last event's position. */
    streamPosition: bigint;
    /** Position in the store's global log, strictly increasing in commit-visible order. */
    globalPosition: bigint;
    recordedAt: string;
  }>;
