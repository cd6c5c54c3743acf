import type { Event, EventMetadata, RecordedEvent } from '@alongside/platform/event-sourcing';
import { isSiteId } from '@alongside/platform/event-sourcing';
import type { StoredEventJson } from '@alongside/platform/event-store';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * The wire format of a recorded event on Kafka (DESIGN §3.4). Positions travel as decimal strings:
 * JSON has no bigint and a log outlives 2^53.
 */
export type EventMessageValue = Readonly<{
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  streamId: string;
  streamPosition: string;
  globalPosition: string;
}>;

/** Header names, so that routers and dashboards can filter without parsing the value. */
export const EventHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  siteId: 'site-id',
  position: 'position',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

const headersOf = (id: string, type: string, globalPosition: bigint, metadata: EventMetadata): IHeaders => ({
  [EventHeaders.eventId]: id,
  [EventHeaders.eventType]: type,
  [EventHeaders.schemaVersion]: String(metadata.schemaVersion),
  [EventHeaders.siteId]: metadata.siteId,
  [EventHeaders.position]: globalPosition.toString(),
  [EventHeaders.correlationId]: metadata.correlationId,
  [EventHeaders.causationId]: metadata.causationId,
});

/** Keyed by stream so one participant's events stay in order on one partition. */
export const toEventMessage = (event: RecordedEvent): Message => {
  const value: EventMessageValue = {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    streamId: event.streamId,
    streamPosition: event.streamPosition.toString(),
    globalPosition: event.globalPosition.toString(),
  };
  return { key: event.streamId, value: JSON.stringify(value), headers: headersOf(event.id, event.type, event.globalPosition, event.metadata) };
};

/**
 * The same message from the JSON text the store keeps: the data goes out as stored, never parsed.
 * Only the metadata is read, for the headers. Not upcast: the schema version says what the data is,
 * and consumers upcast on consume.
 */
export const storedEventMessage = (event: StoredEventJson): Message => {
  const metadata = JSON.parse(event.metadataJson) as EventMetadata;
  const value =
    `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"data":${event.dataJson},"metadata":${event.metadataJson},` +
    `"streamId":${JSON.stringify(event.streamId)},"streamPosition":"${event.streamPosition}","globalPosition":"${event.globalPosition}"}`;
  return { key: event.streamId, value, headers: headersOf(event.id, event.type, event.globalPosition, metadata) };
};

/** Where a consumed event came from on the broker: what the DLQ and the logs point at. */
export type MessageOrigin = Readonly<{ topic: string; partition: number; offset: string }>;

/** An event as a consumer hears it: the recorded event (upcasted) plus its place on the broker. */
export type ConsumedEvent<E extends Event = Event> = E &
  Readonly<{
    id: string;
    metadata: EventMetadata;
    streamId: string;
    streamPosition: bigint;
    globalPosition: bigint;
    origin: MessageOrigin;
  }>;

/** The message is not an Alongside event envelope: no retry can help, it goes to the DLQ at once. */
export class UnreadableMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableMessage';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^\d+$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const envelopeProblem = (value: unknown): string | null => {
  if (!isObject(value)) return 'the value is not a JSON object';
  if (typeof value.id !== 'string' || !UUID.test(value.id)) return 'id is not a UUID';
  if (typeof value.type !== 'string' || value.type.length === 0) return 'type is missing';
  if (!('data' in value)) return 'data is missing';
  if (typeof value.streamId !== 'string' || value.streamId.length === 0) return 'streamId is missing';
  if (typeof value.streamPosition !== 'string' || !DECIMAL.test(value.streamPosition)) return 'streamPosition is not a decimal string';
  if (typeof value.globalPosition !== 'string' || !DECIMAL.test(value.globalPosition)) return 'globalPosition is not a decimal string';
  const metadata = value.metadata;
  if (!isObject(metadata)) return 'metadata is missing';
  if (!isSiteId(metadata.siteId)) return 'metadata.siteId is not a site id';
  if (!Number.isInteger(metadata.schemaVersion) || (metadata.schemaVersion as number) < 1) return 'metadata.schemaVersion is not a positive integer';
  if (typeof metadata.correlationId !== 'string') return 'metadata.correlationId is missing';
  if (typeof metadata.causationId !== 'string') return 'metadata.causationId is missing';
  return null;
};

/** Reads the envelope back; the event's data is checked later against its contract's schema. */
export const fromEventMessage = (message: KafkaMessage, origin: MessageOrigin): ConsumedEvent => {
  if (!message.value) throw new UnreadableMessage('the message has no value');
  let value: unknown;
  try {
    value = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new UnreadableMessage('the value is not JSON');
  }
  const problem = envelopeProblem(value);
  if (problem) throw new UnreadableMessage(problem);
  const envelope = value as EventMessageValue;
  return {
    id: envelope.id,
    type: envelope.type,
    data: envelope.data,
    metadata: envelope.metadata,
    streamId: envelope.streamId,
    streamPosition: BigInt(envelope.streamPosition),
    globalPosition: BigInt(envelope.globalPosition),
    origin,
  };
};

/** A header as text (kafkajs hands them over as Buffers). */
export const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};
