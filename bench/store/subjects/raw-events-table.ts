import type { Pool } from 'pg';

/**
 * The limit's table: the columns, keys and defaults of our `events` table (global position
 * identity, unique event id, unique stream position, xid8 and time defaults), and nothing of the
 * store's logic (no expected version, no position lock). What raw pg can do with these rows is the
 * ceiling the store is held against.
 */
export const createRawEventsTable = async (pool: Pool): Promise<void> => {
  await pool.query(`
    CREATE TABLE raw_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stream_id text NOT NULL,
      stream_position bigint NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, stream_position)
    )`);
};
