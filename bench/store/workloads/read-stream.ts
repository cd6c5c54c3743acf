import type { CaseContext, CaseResult } from '../../harness/bench-case';
import { measureRounds, roundsPlan } from '../../harness/rounds';
import type { StoreSubject } from '../subjects';
import { seedLog } from './seed-log';

/** Reads whole 1,000-event streams (loading a long-lived aggregate), several streams in turn. */
export const readStream = async (context: CaseContext, subject: StoreSubject): Promise<CaseResult> => {
  const length = context.size(1_000, 50);
  const streams = await seedLog(subject, context.size(5, 1), length);
  const reads = context.size(20, 2);
  const outcome = await measureRounds(
    context,
    roundsPlan(context.scale),
    async () => undefined,
    async (_, latency) => {
      let events = 0;
      for (let i = 0; i < reads; i++) events += await latency.time(() => subject.readStream(streams[i % streams.length]));
      if (events !== reads * length) throw new Error(`read ${events} events, expected ${reads * length}`);
      return events;
    },
  );
  return { unit: 'events/s', ...outcome, work: `${reads} reads of a ${length}-event stream` };
};
