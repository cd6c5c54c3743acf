import type { Latency } from './stats';

/** The families of DESIGN §9 that this harness measures; each writes `results/<suite>.json`. */
export type Suite = 'store' | 'relay' | 'projections' | 'system' | 'scale';

export const SUITES: readonly Suite[] = ['store', 'relay', 'projections', 'system', 'scale'];

export type Unit = 'events/s' | 'rows/s' | 'messages/s' | 'commands/s' | 'requests/s' | 'queries/s';

/** How much work a case does: the full run, or `--tiny` (npm test: the harness must not rot). */
export type Scale = 'full' | 'tiny';

/** What a case gets in its child process. */
export type CaseContext = Readonly<{
  scale: Scale;
  /** The definition's `argv` (which workload, which subject). */
  args: readonly string[];
  /** A database created for this case alone and dropped after it. */
  databaseUrl: string;
  brokers: readonly string[];
  /** Picks the full or the tiny figure. */
  size: <T>(full: T, tiny: T) => T;
  /**
   * Waits for this subject's turn to run a round: the runner interleaves the rounds of a case's
   * subjects (ours, then the peer, then the limit, again and again), so that a load swing on a
   * shared machine hits every subject alike instead of whichever ran at the time.
   */
  turn: () => Promise<void>;
  /** Told after every warm-up and measured round: the turn is over. */
  roundDone: () => void;
}>;

/** One measured subject of one case: a row of the results. */
export type CaseResult = Readonly<{
  unit: Unit;
  /** Median of the rounds' throughputs, and each round's, in `unit`. */
  throughput: number;
  rounds: readonly number[];
  /** Per operation (one append, one read, one produce request), pooled over the measured rounds. */
  latencyMs?: Latency;
  /** What one round did, in words (`30 appends of 100 events`). */
  work: string;
  /** Anything else worth keeping beside the figure (sizes, batch, settings). */
  details?: Record<string, unknown>;
}>;

/** A case module's single export: runs warm-up and rounds, answers its figures. */
export type CaseRunner = (context: CaseContext) => Promise<CaseResult>;

export type CaseDefinition = Readonly<{
  suite: Suite;
  /** The workload, e.g. `append-100`: the name `npm run bench -- append-100` selects. */
  name: string;
  /** Who does it: `ours`, `emmett`, `pg-unnest`, `kafkajs`... */
  subject: string;
  /** Module under bench/ exporting `run: CaseRunner`; extra `argv` lets one module serve several. */
  module: string;
  argv?: readonly string[];
}>;

export const caseId = (c: Pick<CaseDefinition, 'suite' | 'name' | 'subject'>): string => `${c.suite}/${c.name}/${c.subject}`;
