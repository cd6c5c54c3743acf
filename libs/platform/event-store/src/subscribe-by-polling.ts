import { pause } from './pause';
import type { EventStore, SubscribeOptions } from './event-store';

export const DEFAULT_SUBSCRIBE_BATCH = 500;
export const DEFAULT_SUBSCRIBE_IDLE_MS = 100;

/**
 * `subscribe` built on `readAll`: read a batch after the checkpoint, hand it over, move on; when the
 * log is quiet, wait `idleMs`. Gap-free because readAll is. An adapter may offer a push-based
 * subscription instead; this one is enough while a poll is cheaper than a notification channel.
 */
export const subscribeByPolling = async (
  store: Pick<EventStore, 'readAll'>,
  { after, batchSize = DEFAULT_SUBSCRIBE_BATCH, idleMs = DEFAULT_SUBSCRIBE_IDLE_MS, signal, onEvents }: SubscribeOptions,
): Promise<void> => {
  let position = after;
  while (!signal.aborted) {
    const batch = await store.readAll({ after: position, limit: batchSize });
    if (batch.events.length > 0 && !signal.aborted) await onEvents(batch.events, batch.position);
    const moved = batch.position !== position;
    position = batch.position;
    // A full batch means more is waiting; an empty one that still moved skipped foreign records.
    if (batch.events.length < batchSize && !(moved && batch.events.length === 0)) await pause(idleMs, signal);
  }
};
