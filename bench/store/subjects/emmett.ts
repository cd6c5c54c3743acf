import type { StoreSubject } from './store-subject';

// Emmett ships ES modules; a dynamic import keeps them out of swc's CommonJS rewriting.
type EmmettPostgres = typeof import('@event-driven-io/emmett-postgresql');
type Dumbo = typeof import('@event-driven-io/dumbo');

/**
 * The peer (DESIGN §9): `@event-driven-io/emmett-postgresql` with its defaults. Its stream version
 * counts events (0 = none yet), so `held` is its expected version as it is. Its global log is read
 * the way its own processors read it, `readMessagesBatch`.
 */
export const emmett = async (databaseUrl: string): Promise<StoreSubject> => {
  const { getPostgreSQLEventStore, readMessagesBatch }: EmmettPostgres = await import('@event-driven-io/emmett-postgresql');
  const { dumbo }: Dumbo = await import('@event-driven-io/dumbo');
  const store = getPostgreSQLEventStore(databaseUrl);
  // Migrate now, not inside the first timed append.
  await store.schema.migrate();
  const reader = dumbo({ connectionString: databaseUrl });
  return {
    append: async (stream, events, held) => {
      await store.appendToStream(
        stream,
        events.map(({ type, data, metadata }) => ({ type, data: data as Record<string, unknown>, metadata })),
        { expectedStreamVersion: BigInt(held) },
      );
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    readAll: async (after, limit) => {
      const batch = await readMessagesBatch(reader.execute, { after, batchSize: limit });
      return { count: batch.messages.length, position: batch.currentGlobalPosition };
    },
    close: async () => {
      await reader.close();
      await store.close();
    },
  };
};
