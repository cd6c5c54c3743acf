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

  async ensureTable(client: PoolClient): Promise<void> {
    await client.query(`create schema if not exists ${quoteIdentifier(this.schema)}`);
    await client.query(
      `create table if not exists ${this.table} (
         event_id uuid not null,
         consumer text not null,
         handled_at timestamptz not null default now(),
         primary key (event_id, consumer)
       )`,
    );
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
