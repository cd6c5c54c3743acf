import type { CaseContext, CaseResult } from '../../harness/bench-case';
import { measureRounds, roundsPlan } from '../../harness/rounds';
import { benchEvents, benchStream } from '../event-shape';
import type { StoreSubject } from '../subjects';

const WRITERS = 4;
const BATCH = 100;

/** Four writers side by side, each appending 100-event batches to streams of its own. */
export const concurrentWriters = async (context: CaseContext, subject: StoreSubject): Promise<CaseResult> => {
  const perWriter = context.size(6, 1);
  const outcome = await measureRounds(
    context,
    roundsPlan(context.scale),
    async () =>
      Array.from({ length: WRITERS }, () => Array.from({ length: perWriter }, () => ({ stream: benchStream(), events: benchEvents(BATCH) }))),
    async (writers, latency) => {
      await Promise.all(
        writers.map(async (batches) => {
          for (const { stream, events } of batches) await latency.time(() => subject.append(stream, events, 0));
        }),
      );
      return WRITERS * perWriter * BATCH;
    },
  );
  return { unit: 'events/s', ...outcome, work: `${WRITERS} writers × ${perWriter} appends of ${BATCH} events` };
};
