import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

export type RunningProjections = Readonly<{
  runner: ProjectionRunner;
  /** Stops as SIGTERM would: each in-flight batch commits or rolls back whole. */
  stop: () => Promise<void>;
  stopped: Promise<void>;
}>;

/**
 * Runs projections from a plain script (`ROLE=projections`, or a rebuild job). Killing it, even
 * with SIGKILL, loses nothing: the next run resumes from the last committed batch.
 */
export const runProjections = async (
  options: ProjectionRunnerOptions,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): Promise<RunningProjections> => {
  const runner = new ProjectionRunner(options);
  let stopping: Promise<void> | undefined;
  let settle!: () => void;
  const stopped = new Promise<void>((resolve) => (settle = resolve));
  const stop = (): Promise<void> => {
    stopping ??= runner.stop().finally(() => {
      signals.forEach((signal) => process.off(signal, onSignal));
      settle();
    });
    return stopping;
  };
  const onSignal = () => void stop();
  signals.forEach((signal) => process.once(signal, onSignal));
  await runner.start();
  return { runner, stop, stopped };
};
