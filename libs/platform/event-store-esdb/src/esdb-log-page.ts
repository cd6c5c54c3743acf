import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import type { ResolvedEvent } from '@eventstore/db-client';
import { recordedEventOf } from './esdb-recorded-event';

export type LogWalk = { events: RecordedEvent[]; position: bigint };

/**
 * Takes the events a reader of our log should see from one page of $all, read from `walk.position`
 * (inclusive, so the event at it is skipped). The position moves past everything looked at, ours
 * or not, except that it stops on the last event taken once `limit` are. True when the walk is full.
 */
export const walkLogPage = (
  walk: LogWalk,
  page: readonly ResolvedEvent[],
  limit: number,
  isOurs: (streamId: string) => boolean,
): boolean => {
  for (const resolved of page) {
    const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
    if (commit === undefined || commit <= walk.position) continue;
    const event = resolved.event && isOurs(resolved.event.streamId) && !resolved.event.type.startsWith('$') ? recordedEventOf(resolved) : null;
    if (event) {
      if (walk.events.length === limit) return true;
      walk.events.push(event);
    }
    walk.position = commit;
  }
  return walk.events.length === limit;
};
