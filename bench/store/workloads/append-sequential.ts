import type { CaseContext, CaseResult } from '../../harness/bench-case';
import { measureRounds, roundsPlan } from '../../harness/rounds';
import { benchEvents, benchStream } from '../event-shape';
import type { StoreSubject } from '../subjects';

/**
 * 1-event appends one after another, as commands arrive: round-robin over a set of existing
 * streams, each append with the expected version it knows, so the version check always has a
 * stream to look at. Throughput and per-append latency.
 */
export const appendSequential = async (context: CaseContext, subject: StoreSubject): Promise<CaseResult> => {
  const streams = Array.from({ length: context.size(50, 3) }, () => ({ name: benchStream(), held: 0 }));
  const appends = context.size(200, 5);
  let next = 0;
  const outcome = await measureRounds(
    context,
    roundsPlan(context.scale),
    async () => Array.from({ length: appends }, () => benchEvents(1)),
    async (batches, latency) => {
      for (const events of batches) {
        const stream = streams[next++ % streams.length];
        await latency.time(() => subject.append(stream.name, events, stream.held));
        stream.held += 1;
      }
      return appends;
    },
  );
  return { unit: 'events/s', ...outcome, work: `${appends} appends of 1 event over ${streams.length} streams` };
};
