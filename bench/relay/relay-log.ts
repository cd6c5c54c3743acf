import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { Pool } from 'pg';
import { benchEvents, benchStream } from '../store/event-shape';
import { waitForVisibleLog } from '../store/workloads/visible-log';

export const LOG_SCHEMA = 'sessions';
/** The relay's default batch (events read, published and checkpointed at a time); the raw producer sends the same. */
export const RELAY_BATCH = 2_000;
/** Partitions of the bench topics: the relay's default topic layout. */
export const PARTITIONS = 6;

/**
 * The log both relay cases publish: `streams` participants' streams of `perStream` events of the
 * store cases' shape, written through our store (untimed).
 */
export const seedRelayLog = async (databaseUrl: string, streams: number, perStream: number) => {
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema: LOG_SCHEMA });
  for (let s = 0; s < streams; s++) {
    await store.appendToStream(benchStream(), benchEvents(perStream), { expectedVersion: 'no_stream' });
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const head = async (): Promise<bigint> => {
    const { rows } = await pool.query<{ head: string }>(`SELECT coalesce(max(global_position), 0)::text AS head FROM ${LOG_SCHEMA}.events`);
    return BigInt(rows[0].head);
  };
  const events = streams * perStream;
  // The relay and the runner would otherwise start timing a log they cannot see yet.
  const last = await head();
  await waitForVisibleLog(async () => (await store.readAll({ after: last - 1n, limit: 1 })).events.length, 1);
  return {
    store,
    head,
    events,
    close: async () => {
      await pool.end();
      await store.close();
    },
  };
};
