import { IdleWait, pause, type EventStore, type ReadAllResult } from '@alongside/platform/event-store';
import { ALL_SITES, SITE_SCOPE_SETTING } from '@alongside/platform/security';
import { ReadAhead } from './read-ahead';
import type { DataSource } from 'typeorm';
import type { LogHead } from './log-head';
import type { Logger } from './logger';
import { projectionKey, type Projection } from './projection';
import { ProjectionBookkeeping, type ProjectionState } from './projection-bookkeeping';
import type { ProjectionMetrics } from './projection-metrics';
import { ensureProjectionTables } from './projection-tables';
import { tableOf } from './table-of';

export type ProjectionProgress = Readonly<{
  /** `name@version` */
  projection: string;
  name: string;
  version: number;
  state: ProjectionState | 'starting';
  /** Global position applied up to (rows and checkpoint committed together). */
  position: bigint | null;
  /** Events behind the log's head, as of the last idle poll or batch (at most a second old). */
  lag: bigint | null;
  /** True when this version is the one readers use. */
  active: boolean;
  /** True once this version has reached the head at least once since it started. */
  caughtUp: boolean;
  lastError: string | null;
}>;

export type FollowerSettings = Readonly<{
  dataSource: DataSource;
  store: EventStore;
  logHead: LogHead;
  bookkeeping: ProjectionBookkeeping;
  metrics: ProjectionMetrics;
  logger: Logger;
  batchSize: number;
  readAhead: number;
  idleMs: number;
  signal: AbortSignal;
}>;

/** Someone else (another replica) applied batches meanwhile: start again from the stored checkpoint. */
class CheckpointMoved extends Error {}

const CHECK_EVERY_MS = 1_000;

const ALL_SITES_SCOPE = { name: SITE_SCOPE_SETTING, value: ALL_SITES } as const;

/**
 * One version of one projection following the service's own log: reads a batch, applies it and
 * moves the checkpoint in one transaction, reads the next batch while applying. Rebuilding from 0
 * when new; takes over as the active version once caught up; retires when a newer version does.
 */
export class ProjectionFollower {
  private readonly key: string;
  private readonly handles: ReadonlySet<string>;
  private state: ProjectionState | 'starting' = 'starting';
  private position: bigint | null = null;
  private lag: bigint | null = null;
  private active = false;
  private caughtUp = false;
  private lastError: string | null = null;
  private activeCheckedAt = 0;
  private lagMeasuredAt = 0;
  private reachedHead!: () => void;
  /** Resolves the first time the projection reaches the log's head (or retires). */
  readonly reachesHead = new Promise<void>((resolve) => (this.reachedHead = resolve));

  constructor(
    private readonly projection: Projection,
    private readonly settings: FollowerSettings,
  ) {
    this.key = projectionKey(projection);
    this.handles = new Set(projection.handles);
  }

  progress(): ProjectionProgress {
    const { name, version } = this.projection;
    return { projection: this.key, name, version, state: this.state, position: this.position, lag: this.lag, active: this.active, caughtUp: this.caughtUp, lastError: this.lastError };
  }

  /** Creates this version's tables; a projection that cannot have them fails the start, loudly. */
  async prepare(): Promise<void> {
    await ensureProjectionTables(this.settings.dataSource, this.projection);
  }

  /** Follows the log until the signal aborts or the version retires; failures are retried, never thrown. */
  async run(): Promise<void> {
    const { dataSource, bookkeeping, signal, logger } = this.settings;
    const idle = new IdleWait(this.settings.store);
    let failures = 0;
    while (!signal.aborted && this.state !== 'retired') {
      try {
        const row = await bookkeeping.register(dataSource, this.key);
        this.state = row.status;
        this.position = row.position;
        this.active = (await bookkeeping.activeVersion(dataSource, this.projection.name)) === this.projection.version;
        logger.info({ projection: this.key, state: this.state, position: row.position.toString() }, 'projection following the log');
        let position = row.position;
        while (!signal.aborted && this.state !== 'retired') {
          idle.reading();
          position = await this.drain(position);
          failures = 0;
          await this.atHead(position);
          await idle.idle(this.settings.idleMs, signal);
        }
      } catch (error) {
        if (error instanceof CheckpointMoved) {
          logger.warn({ projection: this.key }, 'checkpoint moved under us (another runner?); reloading it');
          continue;
        }
        failures++;
        this.lastError = (error as Error).message;
        logger.error({ err: error, projection: this.key }, 'projection failed; resuming from its checkpoint');
        await pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)), signal);
      }
    }
    idle.close();
    this.reachedHead();
  }

  private async drain(from: bigint): Promise<bigint> {
    const { store, batchSize, readAhead, signal } = this.settings;
    // Until a read comes back empty: a store may return fewer than asked before the head.
    const reader = new ReadAhead(store, from, batchSize, readAhead);
    let position = from;
    try {
      // A stop lets the batch in flight commit; the batches read ahead are dropped.
      while (!signal.aborted) {
        const batch = await reader.next();
        if (batch.events.length === 0) break;
        await this.apply(batch, position);
        position = batch.position;
      }
    } finally {
      await reader.close();
    }
    return position;
  }

  private async apply(batch: ReadAllResult, expected: bigint): Promise<void> {
    const { dataSource, bookkeeping, metrics } = this.settings;
    const relevant = batch.events.filter((event) => this.handles.has(event.type));
    await dataSource.transaction(async (tx) => {
      // A projection writes every site's rows: it passes the site wall by saying so, for this transaction only.
      await tx.query('select set_config($1, $2, true)', [SITE_SCOPE_SETTING, ALL_SITES]);
      const row = await bookkeeping.lock(tx, this.key);
      if (row.position !== expected) throw new CheckpointMoved();
      if (relevant.length > 0) await this.projection.apply(relevant, tx);
      // Only if the rows were written as the batch meant: in this transaction, seeing every site.
      await bookkeeping.advance(tx, this.key, batch.position, row.status, { transaction: row.transaction, setting: ALL_SITES_SCOPE });
    });
    this.position = batch.position;
    this.lastError = null;
    metrics.advanced(this.key, batch.position, batch.events.length);
    await this.measureLag();
  }

  /**
   * A rebuilt version's tables have no planner statistics and no visibility map yet (autovacuum
   * comes to them later): the first dashboards read from them were planned on nothing and fell back
   * to heap fetches (the wellbeing view took 3.7 s at 1M events for a few minutes after a rebuild,
   * 90 ms after). Vacuumed and analysed before readers are sent to them.
   */
  private async prepareTablesForReaders(): Promise<void> {
    const { dataSource, logger } = this.settings;
    const tables = this.projection.entities.map((entity) => tableOf(dataSource.manager, entity)).join(', ');
    try {
      await dataSource.query(`VACUUM (ANALYZE) ${tables}`);
    } catch (error) {
      // VACUUM may not run in a transaction (a DataSource that wraps every statement in one, or a
      // role that does not own the tables): the statistics alone then. Neither is worth keeping a
      // caught-up version from going live.
      logger.warn({ err: error, projection: this.key }, 'cannot vacuum the rebuilt tables; analysing them only');
      await dataSource.query(`ANALYZE ${tables}`).catch((analyse: Error) => logger.warn({ err: analyse, projection: this.key }, 'cannot analyse the rebuilt tables either'));
    }
  }

  /** Caught up: a rebuilding version takes over; a live one checks that no newer version has. */
  private async atHead(position: bigint): Promise<void> {
    const { dataSource, bookkeeping, logger, metrics } = this.settings;
    if (this.state === 'rebuilding') {
      await this.prepareTablesForReaders();
      const active = await dataSource.transaction(async (tx) => {
        const row = await bookkeeping.lock(tx, this.key);
        if (row.position !== position) throw new CheckpointMoved();
        const now = await bookkeeping.takeOver(tx, this.projection.name, this.projection.version);
        await bookkeeping.advance(tx, this.key, position, now === this.projection.version ? 'live' : 'retired', { transaction: row.transaction });
        return now;
      });
      this.active = active === this.projection.version;
      this.state = this.active ? 'live' : 'retired';
      logger.info({ projection: this.key, position: position.toString(), active }, this.active ? 'caught up; now the active version' : 'caught up, but a newer version is active; retired');
    } else if (Date.now() - this.activeCheckedAt >= CHECK_EVERY_MS) {
      this.activeCheckedAt = Date.now();
      const active = await bookkeeping.activeVersion(dataSource, this.projection.name);
      this.active = active === this.projection.version;
      if (active !== null && active > this.projection.version) {
        await bookkeeping.retire(dataSource, this.key);
        this.state = 'retired';
        logger.info({ projection: this.key, active }, 'a newer version took over; retired');
      }
    }
    metrics.activeVersion(this.key, this.active);
    this.caughtUp = true;
    this.reachedHead();
    await this.measureLag();
  }

  /** The head is asked at most once a second: lag is for readiness and alerts, not flow control. */
  private async measureLag(): Promise<void> {
    const now = Date.now();
    if (this.lag !== null && now - this.lagMeasuredAt < CHECK_EVERY_MS) return;
    this.lagMeasuredAt = now;
    try {
      const head = await this.settings.logHead();
      const position = this.position ?? 0n;
      this.lag = head > position ? head - position : 0n;
      this.settings.metrics.behind(this.key, this.lag);
    } catch (error) {
      this.settings.logger.warn({ err: error, projection: this.key }, 'cannot read the log head for the lag metric');
    }
  }
}
