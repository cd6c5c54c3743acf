import type { EventMetadata, RecordedEvent } from '@alongside/platform/event-sourcing';
import type { ResolvedEvent } from '@eventstore/db-client';

/**
 * EventStoreDB's own projections follow `$correlationId` and `$causationId` in metadata, so they
 * are written beside ours and dropped again on read.
 */
export const esdbMetadataOf = (metadata: EventMetadata) => ({
  ...metadata,
  $correlationId: metadata.correlationId,
  $causationId: metadata.causationId,
});

const ourMetadata = (stored: unknown): EventMetadata => {
  const { $correlationId: _correlation, $causationId: _causation, ...metadata } = stored as Record<string, unknown>;
  return metadata as unknown as EventMetadata;
};

/**
 * The global position is the commit position in the transaction log: unique per event (ESDB gives
 * each event of a batch its own) and increasing in $all. Stream reads carry it from server 22.6.
 */
export const recordedEventOf = (resolved: ResolvedEvent): RecordedEvent | null => {
  const event = resolved.event;
  if (!event || !event.isJson) return null;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: ourMetadata(event.metadata),
    streamId: event.streamId,
    streamPosition: event.revision,
    globalPosition: event.position?.commit ?? resolved.commitPosition ?? -1n,
    recordedAt: event.created.toISOString(),
  };
};
