import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import type { StoreSubject } from './store-subject';

/** Our store, as a service uses it: its own schema, the default pool. */
export const ours = async (databaseUrl: string, schema = 'sessions'): Promise<StoreSubject> => {
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema });
  return {
    append: async (stream, events, held) => {
      await store.appendToStream(stream, events, { expectedVersion: held === 0 ? 'no_stream' : BigInt(held - 1) });
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    readAll: async (after, limit) => {
      const { events, position } = await store.readAll({ after, limit });
      return { count: events.length, position };
    },
    close: () => store.close(),
  };
};
