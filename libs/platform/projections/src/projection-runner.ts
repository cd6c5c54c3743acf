import type { EventStore } from '@alongside/platform/event-store';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { LogHead } from './log-head';
import { defaultLogger, type Logger } from './logger';
import type { Projection } from './projection';
import { ProjectionBookkeeping } from './projection-bookkeeping';
import { ProjectionFollower, type ProjectionProgress } from './projection-follower';
import { ProjectionMetrics } from './projection-metrics';

export type ProjectionRunnerOptions = Readonly<{
  /** Initialised, on the service's schema, with the projections' entities among its own. */
  dataSource: DataSource;
  /** The service's own store: projections follow its log, not Kafka. */
  store: EventStore;
  logHead: LogHead;
  /** Several versions of one projection may run side by side: that is how a new one rebuilds. */
  projections: readonly Projection[];
  /** Events per read and per transaction. Bigger batches mean fewer commits on a rebuild. */
  batchSize?: number;
  /**
   * Batches read at once while one is applied (see ReadAhead): a rebuild reads the log on several
   * connections instead of waiting for each read in turn.
   */
  readAhead?: number;
  idleMs?: number;
  /** A live projection further behind than this makes the service not ready. */
  maxReadyLag?: bigint;
  metrics?: Registry;
  logger?: Logger;
}>;

export type ProjectionsReadiness = Readonly<{ up: boolean; details: Record<string, unknown> }>;

/** Runs every projection of a service, each version on its own checkpoint. */
export class ProjectionRunner {
  private readonly stopping = new AbortController();
  private readonly followers: ProjectionFollower[];
  private readonly bookkeeping: ProjectionBookkeeping;
  private readonly maxReadyLag: bigint;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const keys = options.projections.map((p) => `${p.name}@${p.version}`);
    const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (twice.length > 0) throw new Error(`Projection versions registered twice: ${twice.join(', ')}`);
    const schema = (options.dataSource.options as { schema?: string }).schema ?? 'public';
    this.bookkeeping = new ProjectionBookkeeping(schema);
    this.maxReadyLag = options.maxReadyLag ?? 10_000n;
    const settings = {
      dataSource: options.dataSource,
      store: options.store,
      logHead: options.logHead,
      bookkeeping: this.bookkeeping,
      metrics: new ProjectionMetrics(options.metrics ?? new Registry()),
      logger: options.logger ?? defaultLogger('projections'),
      batchSize: options.batchSize ?? 5_000,
      readAhead: options.readAhead ?? 2,
      idleMs: options.idleMs ?? 100,
      signal: this.stopping.signal,
    };
    this.followers = options.projections.map((projection) => new ProjectionFollower(projection, settings));
  }

  /**
   * Creates the bookkeeping tables and each version's tables, then follows the log in the
   * background. Rejects if a projection is misdeclared (an entity not registered, a table name
   * without its version).
   */
  async start(): Promise<void> {
    if (this.running) return;
    await this.bookkeeping.ensureTables(this.options.dataSource);
    for (const follower of this.followers) await follower.prepare();
    this.running = Promise.all(this.followers.map((follower) => follower.run()));
  }

  /** Lets each projection finish its in-flight batch (it commits or rolls back whole), then returns. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** Resolves when every projection has reached the log's head once (a rebuild is done). */
  async caughtUp(): Promise<void> {
    await Promise.all(this.followers.map((follower) => follower.reachesHead));
  }

  progress(): ProjectionProgress[] {
    return this.followers.map((follower) => follower.progress());
  }

  /**
   * Ready when every projection readers use is within `maxReadyLag` of the head. A version
   * rebuilding beside the live one does not hold readiness back: readers are not using it yet.
   */
  readiness(): ProjectionsReadiness {
    const progress = this.progress();
    const names = [...new Set(progress.map((p) => p.name))];
    const details: Record<string, unknown> = {};
    let up = true;
    for (const name of names) {
      const versions = progress.filter((p) => p.name === name);
      const active = versions.find((p) => p.active);
      const serving = active !== undefined && active.lag !== null && active.lag <= this.maxReadyLag;
      up &&= serving;
      details[name] = {
        activeVersion: active?.version ?? null,
        versions: versions.map((p) => ({
          version: p.version,
          state: p.state,
          position: p.position?.toString() ?? null,
          lag: p.lag?.toString() ?? null,
          ...(p.lastError ? { lastError: p.lastError } : {}),
        })),
      };
    }
    return { up, details };
  }
}
