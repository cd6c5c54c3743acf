import type { CaseContext, CaseResult } from '../../harness/bench-case';
import { measureRounds, roundsPlan } from '../../harness/rounds';
import { benchEvents, benchStream } from '../event-shape';
import type { StoreSubject } from '../subjects';

/** Appends of `size` events, one after another, each a new stream (a rebuild, an import, a big command). */
export const appendBatches = async (context: CaseContext, subject: StoreSubject, size: number): Promise<CaseResult> => {
  const appends = context.size(Math.max(4, Math.round(2_000 / size)), 1);
  const outcome = await measureRounds(
    context,
    roundsPlan(context.scale),
    async () => Array.from({ length: appends }, () => ({ stream: benchStream(), events: benchEvents(size) })),
    async (batches, latency) => {
      for (const { stream, events } of batches) await latency.time(() => subject.append(stream, events, 0));
      return appends * size;
    },
  );
  return { unit: 'events/s', ...outcome, work: `${appends} appends of ${size} events` };
};
