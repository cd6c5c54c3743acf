import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { EventStore } from '../event-store';
import { pause } from '../pause';

/** The position after the last event of the log as a reader sees it now. */
export const endOfLog = async (store: EventStore): Promise<bigint> => {
  let position = 0n;
  for (;;) {
    const page = await store.readAll({ after: position, limit: 1000 });
    if (page.events.length === 0) return page.position;
    position = page.position;
  }
};

/**
 * Polls the log after `after` until `count` events of `streams` arrived (or the time is up). The
 * log is read the way a relay reads it: page by page from the last position.
 */
export const readLogUntil = async (
  store: EventStore,
  after: bigint,
  streams: ReadonlySet<string>,
  count: number,
  { limit = 100, timeoutMs = 15_000 } = {},
): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  let position = after;
  while (seen.length < count && Date.now() < deadline) {
    const page = await store.readAll({ after: position, limit });
    seen.push(...page.events.filter((event) => streams.has(event.streamId)));
    if (page.events.length === 0) await pause(20);
    position = page.position;
  }
  return seen;
};
