import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable, quoteIdentifier } from './sql-identifier';

export type ProjectionState = 'rebuilding' | 'live' | 'retired';

export type CheckpointRow = Readonly<{ position: bigint; status: ProjectionState }>;

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

  /** Locks this version's checkpoint for the batch's transaction: two runners never apply the same batch. */
  async lock(tx: EntityManager, key: string): Promise<CheckpointRow> {
    const rows: { position: string; status: ProjectionState }[] = await tx.query(
      `select position, status from ${this.checkpoints} where projection = $1 for update`,
      [key],
    );
    return { position: BigInt(rows[0].position), status: rows[0].status };
  }

  async advance(tx: EntityManager, key: string, position: bigint, status: ProjectionState): Promise<void> {
    await tx.query(
      `update ${this.checkpoints} set position = $2, status = $3, updated_at = now() where projection = $1`,
      [key, position.toString(), status],
    );
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
