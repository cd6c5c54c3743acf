import type { CaseResult, Scale } from './bench-case';

/** What the runner hands a case's child process (as JSON in argv). */
export type ChildOrder = Readonly<{
  id: string;
  module: string;
  args: readonly string[];
  scale: Scale;
  adminUrl: string;
  brokers: readonly string[];
  database: string;
}>;

/** What the child tells the runner over the IPC channel. */
export type ChildMessage =
  | { kind: 'ready' }
  | { kind: 'round' }
  | { kind: 'result'; result: CaseResult }
  | { kind: 'failed'; error: string };

/** What the runner tells the child: run your next round now. */
export type RunnerMessage = { kind: 'go' };
