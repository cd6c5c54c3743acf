import { newStream, sampleEvents } from '@alongside/platform/event-store';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;
let store: PostgresEventStore;
beforeAll(async () => {
  database = await createTestDatabase('event-store-positions');
  store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'sessions' });
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

const sql = async <Row>(text: string): Promise<Row[]> => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Row[];
  } finally {
    await client.end();
  }
};

describe('Global positions', () => {
  it('are handed out in the order of transaction ids, however appends interleave', async () => {
    let appended = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        const stream = newStream();
        let version: bigint | 'no_stream' = 'no_stream';
        for (let i = 0; i < 25; i++) {
          const events = sampleEvents(1 + ((writer + i) % 4));
          version = (await store.appendToStream(stream, events, { expectedVersion: version })).nextExpectedVersion;
          appended += events.length;
        }
      }),
    );

    const [disorder] = await sql<{ pairs: string }>(`
      SELECT count(*) AS pairs FROM sessions.events a JOIN sessions.events b
        ON a.global_position < b.global_position AND a.transaction_id > b.transaction_id`);
    const [{ events }] = await sql<{ events: string }>('SELECT count(*) AS events FROM sessions.events');
    expect(events).toBe(String(appended));
    expect(disorder.pairs).toBe('0');
  });

  it('are read back exactly beyond 2^53, where a JS number would round them', async () => {
    await sql(`SELECT setval('sessions.events_global_position_seq', 9007199254740993)`);
    const stream = newStream();
    await store.appendToStream(stream, sampleEvents(2), { expectedVersion: 'no_stream' });

    const { events } = await store.readStream(stream);
    expect(events.map((e) => e.globalPosition)).toEqual([9007199254740994n, 9007199254740995n]);
    // Visible in the log once no older transaction in the cluster is running (other test files').
    const log = await waitFor(async () => {
      const page = await store.readAll({ after: 9007199254740993n });
      return page.events.length === 2 ? page : null;
    }, { what: 'the two events in the global log' });
    expect(log.events.map((e) => e.globalPosition)).toEqual([9007199254740994n, 9007199254740995n]);
    expect(log.position).toBe(9007199254740995n);
  });
});
