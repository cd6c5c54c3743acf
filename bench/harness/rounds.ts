import type { CaseContext } from './bench-case';
import { latencyOf, median, type Latency } from './stats';

/** Times single operations inside a round (appends, reads, produce requests). */
export class LatencyRecorder {
  readonly samplesMs: number[] = [];

  async time<T>(operation: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const result = await operation();
    this.samplesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    return result;
  }
}

export type RoundsPlan = Readonly<{ warmups: number; rounds: number }>;

export type RoundsOutcome = Readonly<{ throughput: number; rounds: number[]; latencyMs: Latency }>;

/** Every case's warm-up + rounds count, so the progress bar knows the steps before a case starts. */
export const roundsPlan = (scale: 'full' | 'tiny'): RoundsPlan => (scale === 'full' ? { warmups: 1, rounds: 5 } : { warmups: 1, rounds: 1 });

/**
 * Runs `round` a few times unmeasured (JIT, plan caches, pools, the broker's first requests), then
 * measured. `round` answers how many units it moved; its wall time makes the throughput. Only the
 * measured rounds' operation latencies count. Setup that must not be timed belongs in `prepare`,
 * which runs in the subject's turn too (its CPU would otherwise slow another subject's round).
 */
export const measureRounds = async <P>(
  context: CaseContext,
  plan: RoundsPlan,
  prepare: (round: number) => Promise<P>,
  round: (prepared: P, latency: LatencyRecorder) => Promise<number>,
): Promise<RoundsOutcome> => {
  const throughputs: number[] = [];
  const measured = new LatencyRecorder();
  for (let i = 0; i < plan.warmups + plan.rounds; i++) {
    await context.turn();
    const prepared = await prepare(i);
    const warmup = i < plan.warmups;
    const recorder = warmup ? new LatencyRecorder() : measured;
    const started = process.hrtime.bigint();
    const units = await round(prepared, recorder);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!warmup) throughputs.push(units / seconds);
    context.roundDone();
  }
  return { throughput: median(throughputs), rounds: throughputs, latencyMs: latencyOf(measured.samplesMs) };
};
