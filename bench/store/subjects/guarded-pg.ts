import { PostgresEventStore, statementsFor } from '@alongside/platform/event-store-postgres';
import { Pool } from 'pg';
import type { StoreSubject } from './store-subject';

const SCHEMA = 'sessions';
const ONE_EVENT_APPENDS_ONLY = 'pg-guarded measures 1-event appends only';

/**
 * What the store's guarantees cost by themselves: raw `pg` sending the store's own 1-event statement
 * (the expected-version check and the ordered global position, one round trip) on a connection set
 * as the store sets its own, with none of the store's JavaScript around it. Beside `pg-insert` it is
 * the price of the two guarantees; beside `ours`, what the store's code adds to them. Appends only.
 */
export const guardedPg = async (databaseUrl: string): Promise<StoreSubject> => {
  // The store creates its schema, table and position allocator; its own pool is not needed after.
  await (await PostgresEventStore.connect({ connectionString: databaseUrl, schema: SCHEMA })).close();
  const pool = new Pool({ connectionString: databaseUrl, max: 10, options: '-c plan_cache_mode=force_generic_plan' });
  const { appendOne } = statementsFor(SCHEMA);
  const appendsOnly = () => Promise.reject(new Error(ONE_EVENT_APPENDS_ONLY));
  return {
    append: async (stream, events, held) => {
      if (events.length !== 1) throw new Error(ONE_EVENT_APPENDS_ONLY);
      const [event] = events;
      const { rows } = await pool.query({
        ...appendOne,
        values: [stream, held === 0 ? 'no_stream' : 'version', held === 0 ? null : String(held - 1), event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)],
      });
      if (rows.length !== 1) throw new Error(`the append to ${stream} was refused: not at version ${held - 1}`);
    },
    readStream: appendsOnly,
    readAll: appendsOnly,
    close: () => pool.end(),
  };
};
