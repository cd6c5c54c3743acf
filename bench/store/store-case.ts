import type { CaseRunner } from '../harness/bench-case';
import { connectSubject, type StoreSubjectName } from './subjects';
import { eventShape } from './event-shape';
import { appendBatches } from './workloads/append-batches';
import { appendSequential } from './workloads/append-sequential';
import { concurrentWriters } from './workloads/concurrent-writers';
import { readAll } from './workloads/read-all';
import { readStream } from './workloads/read-stream';

const WORKLOADS = {
  'append-1': appendSequential,
  'append-100': (context, subject) => appendBatches(context, subject, 100),
  'append-1000': (context, subject) => appendBatches(context, subject, 1_000),
  'writers-4': concurrentWriters,
  'read-stream': readStream,
  'read-all': readAll,
} satisfies Record<string, (...args: Parameters<typeof appendSequential>) => ReturnType<typeof appendSequential>>;

export type StoreWorkload = keyof typeof WORKLOADS;

/** One store workload for one subject, on the case's own fresh database. */
export const run: CaseRunner = async (context) => {
  const [workload, subjectName] = context.args as [StoreWorkload, StoreSubjectName];
  const subject = await connectSubject(subjectName, context.databaseUrl);
  try {
    const result = await WORKLOADS[workload](context, subject);
    return { ...result, unit: subjectName.startsWith('pg-') ? 'rows/s' : 'events/s', details: { ...result.details, eventShape: eventShape() } };
  } finally {
    await subject.close();
  }
};
