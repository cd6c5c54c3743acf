import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable, quoteIdentifier } from './sql-identifier';

export type ProjectionState = 'rebuilding' | 'live' | 'retired';

export type CheckpointRow = Readonly<{ position: bigint; status: ProjectionState }>;

/** A checkpoint locked for a batch, with the transaction that holds the lock. */
export type LockedCheckpoint = CheckpointRow & Readonly<{ transaction: string }>;

/** What must be true of the transaction that moves a checkpoint, or it does not move. */
export type AdvanceGuard = Readonly<{
  /** The transaction that locked the checkpoint: rows and position commit together or not at all. */
  transaction: string;
  /** A setting that must hold this value (the site scope `'*'`), else the rows may not all be written. */
  setting?: Readonly<{ name: string; value: string }>;
}>;

/** A batch's transaction was not what the checkpoint needs: rolled back, nothing moves. */
export class CheckpointRefused extends Error {}

/**
 * The two tables that say where each projection version stands: `projection_checkpoints` (one row
 * per version: how far it has applied the log, and whether it is rebuilding, live or retired) and
 * `active_projections` (one row per projection: the version readers use). Both live in the
 * service's schema, beside the read models, so a checkpoint commits with the rows it describes.
 */
export class ProjectionBookkeeping {
  readonly checkpoints: string;
  readonly active: string;

  constructor(readonly schema: string) {
    this.checkpoints = qualifiedTable(schema, 'projection_checkpoints');
    this.active = qualifiedTable(schema, 'active_projections');
  }

  /**
   * Replicas start together: `if not exists` alone still races in Postgres (both create the
   * table's row type), so the DDL runs in one transaction under a lock per schema.
   */
  async ensureTables(dataSource: DataSource): Promise<void> {
    await dataSource.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`alongside.projections.${this.schema}`]);
      // Asked first: CREATE SCHEMA checks the right to create schemas even when this one exists,
      // and a service's own role owns its schema without holding that right on the database.
      const [{ present }] = await tx.query(`select to_regnamespace($1) is not null as present`, [quoteIdentifier(this.schema)]);
      if (!present) await tx.query(`create schema if not exists ${quoteIdentifier(this.schema)}`);
      await tx.query(
        `create table if not exists ${this.checkpoints} (
           projection text primary key,
           position bigint not null,
           status text not null check (status in ('rebuilding', 'live', 'retired')),
           updated_at timestamptz not null default now()
         )`,
      );
      await tx.query(
        `create table if not exists ${this.active} (
           name text primary key,
           version integer not null,
           switched_at timestamptz not null default now()
         )`,
      );
    });
  }

  /** A version seen for the first time starts rebuilding from the beginning of the log. */
  async register(dataSource: DataSource, key: string): Promise<CheckpointRow> {
    await dataSource.query(
      `insert into ${this.checkpoints} (projection, position, status) values ($1, 0, 'rebuilding')
       on conflict (projection) do nothing`,
      [key],
    );
    const rows: { position: string; status: ProjectionState }[] = await dataSource.query(
      `select position, status from ${this.checkpoints} where projection = $1`,
      [key],
    );
    return { position: BigInt(rows[0].position), status: rows[0].status };
  }

  /**
   * Locks this version's checkpoint for the batch's transaction: two runners never apply the same
   * batch. The lock gives the transaction its id (FOR UPDATE writes it on the row), which `advance`
   * checks.
   */
  async lock(tx: EntityManager, key: string): Promise<LockedCheckpoint> {
    const rows: { position: string; status: ProjectionState; transaction: string }[] = await tx.query(
      `select position, status, pg_current_xact_id()::text as transaction from ${this.checkpoints} where projection = $1 for update`,
      [key],
    );
    return { position: BigInt(rows[0].position), status: rows[0].status, transaction: rows[0].transaction };
  }

  /**
   * Moves the checkpoint, but only in the transaction that locked it and, when asked, with the
   * setting still as the batch set it: the conditions are in the UPDATE itself, so a statement
   * that ended up outside that transaction (it committed early, or the connection's transaction
   * was not the batch's) moves nothing either. Otherwise the position could pass events whose
   * rows were never written: under the site wall, an UPDATE without the `'*'` scope touches 0 rows
   * and says nothing.
   */
  async advance(tx: EntityManager, key: string, position: bigint, status: ProjectionState, guard: AdvanceGuard): Promise<void> {
    const setting = guard.setting ?? null;
    const [{ moved }]: { moved: number }[] = await tx.query(
      `with moved as (
         update ${this.checkpoints} set position = $2, status = $3, updated_at = now()
          where projection = $1 and pg_current_xact_id() = $4::xid8
            and ($5::text is null or current_setting($5::text, true) is not distinct from $6::text)
         returning 1
       )
       select count(*)::int as moved from moved`,
      [key, position.toString(), status, guard.transaction, setting?.name ?? null, setting?.value ?? null],
    );
    if (moved === 1) return;
    const [now]: { transaction: string; value: string | null }[] = await tx.query(
      `select pg_current_xact_id()::text as transaction, current_setting($1::text, true) as value`,
      [setting?.name ?? 'alongside.none'],
    );
    if (now.transaction !== guard.transaction) {
      throw new CheckpointRefused(`${key}: the batch's transaction ended before its checkpoint moved (locked in ${guard.transaction}, now in ${now.transaction}); nothing moved`);
    }
    if (setting && now.value !== setting.value) {
      throw new CheckpointRefused(`${key}: ${setting.name} is ${JSON.stringify(now.value ?? '')} at the end of the batch, not ${JSON.stringify(setting.value)}; its rows may not all be written, so the checkpoint stays`);
    }
    throw new CheckpointRefused(`${key}: the checkpoint row is missing; nothing moved`);
  }

  /**
   * Makes `version` the one readers use, unless a newer version already is (a newer deploy won the
   * race, or an operator moved forward). Returns the version active afterwards.
   */
  async takeOver(tx: EntityManager, name: string, version: number): Promise<number> {
    const rows: { version: number }[] = await tx.query(
      `insert into ${this.active} as a (name, version) values ($1, $2)
       on conflict (name) do update set version = excluded.version, switched_at = now()
         where a.version < excluded.version
       returning version`,
      [name, version],
    );
    return rows.length > 0 ? rows[0].version : ((await this.activeVersion(tx, name)) ?? version);
  }

  async activeVersion(executor: DataSource | EntityManager, name: string): Promise<number | null> {
    const rows: { version: number }[] = await executor.query(`select version from ${this.active} where name = $1`, [name]);
    return rows.length > 0 ? rows[0].version : null;
  }

  async retire(dataSource: DataSource, key: string): Promise<void> {
    await dataSource.query(`update ${this.checkpoints} set status = 'retired', updated_at = now() where projection = $1`, [key]);
  }
}
