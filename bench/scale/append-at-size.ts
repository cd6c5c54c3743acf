import type { CaseContext } from '../harness/bench-case';
import { LatencyRecorder } from '../harness/rounds';
import { latencyOf, type Latency } from '../harness/stats';
import { benchEvents, benchStream } from '../store/event-shape';
import { ours } from '../store/subjects/ours';

export type AppendAtSize = Readonly<{ perSecond: number; latencyMs: Latency }>;

/**
 * 1-event appends into a log of this size, timed now: does an append cost more as the log grows
 * (deeper indexes, a bigger table)? The same workload and store subject as the store suite's append-1 (streams
 * taken round-robin, each append with its expected version), into outcomes' own events table. The events
 * are of a type outcomes' projections do not handle, so the kept network's views stay as they were.
 * The first pass over the streams creates them and is not timed.
 */
export const appendAtSize = async (context: CaseContext, databaseUrl: string): Promise<AppendAtSize> => {
  const store = await ours(databaseUrl, 'outcomes');
  try {
    const streams = Array.from({ length: context.size(50, 3) }, () => ({ name: benchStream(), held: 0 }));
    const appendOne = async (stream: (typeof streams)[number]) => {
      await store.append(stream.name, benchEvents(1), stream.held);
      stream.held += 1;
    };
    for (const stream of streams) await appendOne(stream);
    const latency = new LatencyRecorder();
    const appends = context.size(3_000, 6);
    const started = process.hrtime.bigint();
    for (let i = 0; i < appends; i++) await latency.time(() => appendOne(streams[i % streams.length]));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { perSecond: appends / seconds, latencyMs: latencyOf(latency.samplesMs) };
  } finally {
    await store.close();
  }
};
