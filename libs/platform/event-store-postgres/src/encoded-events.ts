import type { NewEvent } from '@alongside/platform/event-sourcing';
import { checkEventSize } from '@alongside/platform/event-store';

/** A batch of events as columns of text, serialised once, each checked against the size limit. */
export type EncodedEvents = Readonly<{
  count: number;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
}>;

export const encodeEvents = (stream: string, events: readonly NewEvent[]): EncodedEvents => {
  const ids: string[] = new Array(events.length);
  const types: string[] = new Array(events.length);
  const data: string[] = new Array(events.length);
  const metadata: string[] = new Array(events.length);
  events.forEach((event, i) => {
    ids[i] = event.id;
    types[i] = event.type;
    data[i] = JSON.stringify(event.data);
    metadata[i] = JSON.stringify(event.metadata);
    checkEventSize(stream, event, data[i], metadata[i]);
  });
  return { count: events.length, ids, types, data, metadata };
};

/**
 * Many JSON documents as one JSON array: joining already-serialised texts costs nothing, and
 * Postgres parses one jsonb instead of an array literal full of escaped quotes.
 */
export const asJsonArray = (documents: readonly string[]): string => `[${documents.join(',')}]`;
