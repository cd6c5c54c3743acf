import type { EventMetadata, RecordedEvent } from '@alongside/platform/event-sourcing';
import type { StoredEventJson } from '@alongside/platform/event-store';

/**
 * A row of `global_position, stream_id, stream_position, event_id, type, data, metadata,
 * recorded_at` (rowMode 'array'), its values already decoded by `recordedRowTypes`: positions as
 * bigints, data and metadata parsed, recorded_at as ISO 8601 text.
 */
export type RecordedRow = [bigint, string, bigint, string, string, unknown, EventMetadata, string];

/** readStream's row: the stream's version, then the event without its stream id (the caller named it). */
export type StreamRow = [bigint | null, bigint, bigint, string, string, unknown, EventMetadata, string];

/** The same columns as RecordedRow, decoded by `storedJsonRowTypes`: data and metadata as stored text. */
export type StoredJsonRow = [bigint, string, bigint, string, string, string, string, string];

export const recordedEventOf = (row: RecordedRow): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: row[5],
  metadata: row[6],
  streamId: row[1],
  streamPosition: row[2],
  globalPosition: row[0],
  recordedAt: row[7],
});

export const streamEventOf = (streamId: string, row: StreamRow): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: row[5],
  metadata: row[6],
  streamId,
  streamPosition: row[2],
  globalPosition: row[1],
  recordedAt: row[7],
});

/** The row with its JSON left as the text Postgres sent. */
export const storedEventJsonOf = (row: StoredJsonRow): StoredEventJson => ({
  id: row[3],
  type: row[4],
  dataJson: row[5],
  metadataJson: row[6],
  streamId: row[1],
  streamPosition: row[2],
  globalPosition: row[0],
});
