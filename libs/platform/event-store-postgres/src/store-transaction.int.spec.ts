import { newStream, sampleEvents } from '@alongside/platform/event-store';
import { VersionConflict } from '@alongside/platform/event-sourcing';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Pool } from 'pg';
import { appendHeldOpen } from './held-open-append';
import { PostgresEventStore } from './postgres-event-store';

// A caller's rows written in the store's transaction (the sealed details beside the event naming
// them): they commit with the events or, whatever fails, neither remains.

const SCHEMA = 'transactions';
let database: TestDatabase;
let store: PostgresEventStore;
/** The test's own connections, to look from outside the store's transactions. */
let pool: Pool;

beforeAll(async () => {
  database = await createTestDatabase('event-store-transaction');
  store = await PostgresEventStore.connect({ connectionString: database.url, schema: SCHEMA });
  pool = new Pool({ connectionString: database.url, max: 2 });
  await pool.query(`CREATE TABLE ${SCHEMA}.beside (stream text PRIMARY KEY)`);
});
afterAll(async () => {
  await pool?.end();
  await store?.close();
  await database?.drop();
});

const besideRows = async (stream: string): Promise<number> => (await pool.query(`SELECT 1 FROM ${SCHEMA}.beside WHERE stream = $1`, [stream])).rowCount ?? 0;

describe('A transaction of the Postgres event store', () => {
  it('commits the events with the rows written beside them', async () => {
    const stream = newStream();
    const appended = await store.transaction(async ({ appendToStream, connection }) => {
      const result = await appendToStream(stream, sampleEvents(2), { expectedVersion: 'no_stream' });
      await connection.query(`INSERT INTO ${SCHEMA}.beside (stream) VALUES ($1)`, [stream]);
      return result;
    });
    expect(appended).toEqual({ nextExpectedVersion: 1n, appended: true });
    expect((await store.readStream(stream)).events).toHaveLength(2);
    expect(await besideRows(stream)).toBe(1);
  });

  it('leaves neither the events nor the rows when the work fails after writing both', async () => {
    const stream = newStream();
    const failure = new Error('failed after both writes');
    await expect(
      store.transaction(async ({ appendToStream, connection }) => {
        await appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
        await connection.query(`INSERT INTO ${SCHEMA}.beside (stream) VALUES ($1)`, [stream]);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await store.streamExists(stream)).toBe(false);
    expect(await besideRows(stream)).toBe(0);
  });

  it('reads its own appends before they commit, and nobody else does', async () => {
    const stream = newStream();
    await store.transaction(async ({ appendToStream, readStream }) => {
      await appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
      expect((await readStream(stream)).version).toBe(0n);
      expect(await store.streamExists(stream)).toBe(false);
    });
    expect(await store.streamExists(stream)).toBe(true);
  });

  it('refuses an append after a row of its own (readers of the log could skip it), and keeps neither', async () => {
    const stream = newStream();
    await expect(
      store.transaction(async ({ appendToStream, connection }) => {
        await connection.query(`INSERT INTO ${SCHEMA}.beside (stream) VALUES ($1)`, [stream]);
        await appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
      }),
    ).rejects.toMatchObject({ code: 'AE001' });
    expect(await besideRows(stream)).toBe(0);
    expect(await store.streamExists(stream)).toBe(false);
  });

  it('answers a VersionConflict when another writer commits the stream first, and keeps none of its rows', async () => {
    const stream = newStream();
    const other = await appendHeldOpen(database.url, SCHEMA, stream, sampleEvents(1), { expectedVersion: 'no_stream' });
    const ours = store.transaction(async ({ appendToStream, connection }) => {
      await appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
      await connection.query(`INSERT INTO ${SCHEMA}.beside (stream) VALUES ($1)`, [stream]);
    });
    // Ours waits on the other's uncommitted position, then finds it taken: the conflict an aborted transaction reports.
    await waitFor(async () => ((await pool.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rowCount ?? 0) > 0, {
      what: 'our append waiting on the other',
    });
    await other.commit();
    await expect(ours).rejects.toBeInstanceOf(VersionConflict);
    expect(await besideRows(stream)).toBe(0);
    expect((await store.readStream(stream)).events).toHaveLength(1);
  });
});
