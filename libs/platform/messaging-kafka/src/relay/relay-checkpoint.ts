import type { Pool } from 'pg';
import { qualifiedTable, quoteIdentifier } from '../sql-identifier';

/**
 * How far the relay has published, in the service's own schema. It only ever moves after the
 * broker acknowledged everything up to it, so a restart resumes without losing an event; it may
 * publish a batch twice (acked, not yet checkpointed), which consumers absorb with their inbox.
 */
export class RelayCheckpoint {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly relay: string,
  ) {
    this.table = qualifiedTable(schema, 'relay_checkpoints');
  }

  /**
   * Run under the lease; relays of other names (or a consumer's inbox) may still be creating
   * tables in the same schema, and `if not exists` alone races, so under a lock per schema too.
   */
  async ensureTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`alongside.relay.${this.schema}`]);
      await client.query(`create schema if not exists ${quoteIdentifier(this.schema)}`);
      await client.query(
        `create table if not exists ${this.table} (
           relay text primary key,
           position bigint not null,
           updated_at timestamptz not null default now()
         )`,
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async read(): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string }>(
      `select position from ${this.table} where relay = $1`,
      [this.relay],
    );
    return rows.length === 0 ? 0n : BigInt(rows[0].position);
  }

  /**
   * `greatest` keeps the checkpoint monotonic even if a relay that lost its lease mid-batch
   * writes late: a stale writer can never move it backwards.
   */
  async advance(to: bigint): Promise<void> {
    await this.pool.query(
      `insert into ${this.table} as c (relay, position) values ($1, $2)
       on conflict (relay) do update
         set position = greatest(c.position, excluded.position), updated_at = now()`,
      [this.relay, to.toString()],
    );
  }
}
