import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('event-store-migrations');
});
afterAll(() => database?.drop());

describe('Event store migrations', () => {
  it('create the schema once when several processes start together', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.connect({ connectionString: database.url, schema: 'outcomes', maxConnections: 2 })),
    );
    await Promise.all(stores.map((store) => store.close()));

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT id FROM outcomes.event_store_migrations ORDER BY id');
      expect(rows.map((row) => row.id)).toEqual([1, 2]);
    } finally {
      await client.end();
    }
  });

  it('leave an up-to-date schema alone on the next start', async () => {
    const store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'outcomes' });
    expect(await store.streamExists('outcomes.anything')).toBe(false);
    await store.close();
  });
});
