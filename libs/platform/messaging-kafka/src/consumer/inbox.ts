import type { PoolClient } from 'pg';
import { qualifiedTable, quoteIdentifier } from '../sql-identifier';

/**
 * The events a consumer has handled, in the service's own schema. A row is written in the same
 * transaction as the handler's effect, so an event's effect happens once however often Kafka
 * delivers it. Keyed by event and consumer (not by event alone): two consumers of one service may
 * hear the same event, and each must handle it once.
 */
export class Inbox {
  private readonly table: string;

  constructor(
    private readonly schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, 'inbox');
  }

  /**
   * Several consumers of one service start together and share this table; `if not exists` alone
   * still races in Postgres (both create the row type), so the DDL runs under a lock per schema.
   */
  async ensureTable(client: PoolClient): Promise<void> {
    await client.query('begin');
    try {
      await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`alongside.inbox.${this.schema}`]);
      await client.query(`create schema if not exists ${quoteIdentifier(this.schema)}`);
      await client.query(
        `create table if not exists ${this.table} (
           event_id uuid not null,
           consumer text not null,
           handled_at timestamptz not null default now(),
           primary key (event_id, consumer)
         )`,
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  }

  /**
   * Claims the event inside the caller's transaction. False means it was handled before. The row
   * lock also makes a second member of the group that got the same message (after a rebalance)
   * wait for the first to commit, then find it handled.
   */
  async claim(client: PoolClient, eventId: string): Promise<boolean> {
    const { rowCount } = await client.query(
      `insert into ${this.table} (event_id, consumer) values ($1, $2) on conflict do nothing`,
      [eventId, this.consumer],
    );
    return rowCount === 1;
  }
}
