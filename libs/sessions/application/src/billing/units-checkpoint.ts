import type { DataSource } from 'typeorm';

/**
 * How far the billable-units reactor has billed the sessions log, in the service's own schema. It
 * moves only after the batch's units are appended, so a crash re-bills a batch rather than skipping
 * one; re-billing writes nothing, the units' ids deriving from the attendances'.
 */
export class UnitsCheckpoint {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly reactor = 'billable-units',
  ) {
    this.table = `"${schema.replace(/"/g, '""')}".reactor_checkpoints`;
  }

  async ensureTable(): Promise<void> {
    await this.dataSource.query(
      `create table if not exists ${this.table} (reactor text primary key, position bigint not null, updated_at timestamptz not null default now())`,
    );
  }

  async read(): Promise<bigint> {
    const rows: { position: string }[] = await this.dataSource.query(`select position::text from ${this.table} where reactor = $1`, [this.reactor]);
    return rows.length === 0 ? 0n : BigInt(rows[0].position);
  }

  /** Monotonic: a second replica finishing an older batch late never moves it back. */
  async advance(to: bigint): Promise<void> {
    await this.dataSource.query(
      `insert into ${this.table} as c (reactor, position) values ($1, $2)
       on conflict (reactor) do update set position = greatest(c.position, excluded.position), updated_at = now()`,
      [this.reactor, to.toString()],
    );
  }
}
