import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { StoredEventJson } from '@alongside/platform/event-store';

/**
 * A row of `global_position, stream_id, stream_position, event_id, type, data, metadata,
 * recorded_at`, all as text (rowMode 'array'): positions are int8, beyond what a JS number holds,
 * and text keeps them exact whatever type parsers another library set on `pg`.
 */
export type RecordedRow = string[];

export const recordedEventOf = (row: RecordedRow, offset = 0): RecordedEvent => ({
  id: row[offset + 3],
  type: row[offset + 4],
  data: JSON.parse(row[offset + 5]),
  metadata: JSON.parse(row[offset + 6]),
  streamId: row[offset + 1],
  streamPosition: BigInt(row[offset + 2]),
  globalPosition: BigInt(row[offset]),
  recordedAt: row[offset + 7],
});

/** The same row with its JSON left as the text Postgres sent. */
export const storedEventJsonOf = (row: RecordedRow): StoredEventJson => ({
  id: row[3],
  type: row[4],
  dataJson: row[5],
  metadataJson: row[6],
  streamId: row[1],
  streamPosition: BigInt(row[2]),
  globalPosition: BigInt(row[0]),
});
