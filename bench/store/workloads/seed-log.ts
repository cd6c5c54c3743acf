import { benchEvents, benchStream } from '../event-shape';
import type { StoreSubject } from '../subjects';

/** Untimed: fills the subject's log with `streams` streams of `length` events, through the subject itself. */
export const seedLog = async (subject: StoreSubject, streams: number, length: number): Promise<string[]> => {
  const names: string[] = [];
  for (let s = 0; s < streams; s++) {
    const name = benchStream();
    // Appends of at most 1,000: what any of the subjects takes in one go.
    for (let held = 0; held < length; held += 1_000) {
      await subject.append(name, benchEvents(Math.min(1_000, length - held)), held);
    }
    names.push(name);
  }
  return names;
};
