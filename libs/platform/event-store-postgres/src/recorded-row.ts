import type { RecordedEvent } from '@alongside/platform/event-sourcing';

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
