import { newStream, sampleEvents } from '@alongside/platform/event-store';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Client } from 'pg';
import { appendHeldOpen } from './held-open-append';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;
let store: PostgresEventStore;
const open: Client[] = [];
beforeAll(async () => {
  database = await createTestDatabase('event-store-read-horizon');
  store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
  await sql('create schema outcomes; create table outcomes.read_model (id int)');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.end()));
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

const sql = async (text: string): Promise<void> => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};

/** A transaction left running after `statements`: it holds an xid from then on. */
const runningTransaction = async (...statements: string[]): Promise<Client> => {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  open.push(client);
  await client.query('begin');
  for (const statement of statements) await client.query(statement);
  return client;
};

const head = async (): Promise<bigint> => (await store.readAll({ after: 0n, limit: 1_000_000 })).position;

/** The ids readAll hands out after `after` once it has `count` of them, or what it had at the deadline. */
const readUntil = async (after: bigint, count: number): Promise<string[]> => {
  let ids: string[] = [];
  await waitFor(
    async () => {
      ids = (await store.readAll({ after })).events.map((e) => e.id);
      return ids.length >= count;
    },
    { timeoutMs: 3_000, what: `${count} events in the log` },
  ).catch(() => undefined);
  return ids;
};

describe('Reading the global log while other transactions run', () => {
  it('is not held back by a transaction that writes elsewhere (another schema, as a projection batch does)', async () => {
    const from = await head();
    await runningTransaction('insert into outcomes.read_model values (1)');
    const events = sampleEvents(2);
    await store.appendToStream(newStream(), events, { expectedVersion: 'no_stream' });

    expect(await readUntil(from, 2)).toEqual(events.map((e) => e.id));
  });

  it('is not held back by a transaction that read the log and then wrote elsewhere', async () => {
    const from = await head();
    await runningTransaction('select count(*) from enrolment.events', 'insert into outcomes.read_model values (2)');
    const events = sampleEvents(1);
    await store.appendToStream(newStream(), events, { expectedVersion: 'no_stream' });

    expect(await readUntil(from, 1)).toEqual(events.map((e) => e.id));
  });

  it('still stops below an append that has not committed, whatever else runs, and reads on in order once it has', async () => {
    const from = await head();
    await runningTransaction('insert into outcomes.read_model values (3)');
    const late = sampleEvents(1);
    const held = await appendHeldOpen(database.url, store.schema, newStream(), late, { expectedVersion: 'no_stream' });
    const after = sampleEvents(1, 1);
    await store.appendToStream(newStream(), after, { expectedVersion: 'no_stream' });

    // Committed, but above a position the open append holds: reading it now would skip that one.
    expect((await store.readAll({ after: from })).events).toEqual([]);
    await held.commit();
    expect(await readUntil(from, 2)).toEqual([...late, ...after].map((e) => e.id));
  });
});
