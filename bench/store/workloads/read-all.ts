import type { CaseContext, CaseResult } from '../../harness/bench-case';
import { measureRounds, roundsPlan } from '../../harness/rounds';
import type { StoreSubject } from '../subjects';
import { seedLog } from './seed-log';
import { waitForVisibleLog } from './visible-log';

const PAGE = 1_000;

/** Reads the whole global log in pages of 1,000, as a relay or a projection rebuild does. */
export const readAll = async (context: CaseContext, subject: StoreSubject): Promise<CaseResult> => {
  const streams = context.size(200, 4);
  const length = context.size(100, 50);
  await seedLog(subject, streams, length);
  const total = streams * length;
  const readWhole = async (): Promise<number> => {
    let after = 0n;
    let events = 0;
    for (let page = await subject.readAll(after, PAGE); page.count > 0; page = await subject.readAll(after, PAGE)) {
      events += page.count;
      after = page.position;
    }
    return events;
  };
  await waitForVisibleLog(readWhole, total);
  const outcome = await measureRounds(
    context,
    roundsPlan(context.scale),
    async () => undefined,
    async (_, latency) => {
      let after = 0n;
      let events = 0;
      for (;;) {
        const page = await latency.time(() => subject.readAll(after, PAGE));
        if (page.count === 0) break;
        events += page.count;
        after = page.position;
      }
      if (events !== total) throw new Error(`read ${events} events of the log, expected ${total}`);
      return events;
    },
  );
  return { unit: 'events/s', ...outcome, work: `the whole log, ${total} events, in pages of ${PAGE}` };
};
