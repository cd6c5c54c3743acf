import { eventStoreContract, newStream, sampleEvents } from '@alongside/platform/event-store';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Client, Pool, types } from 'pg';
import { appendInOneStatement } from './append-in-one-statement';
import { encodeEvents } from './encoded-events';
import { appendHeldOpen } from './held-open-append';
import { PostgresEventStore } from './postgres-event-store';
import { statementsFor } from './statements';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('event-store-postgres');
});
afterAll(() => database?.drop());

let schemas = 0;
eventStoreContract(
  'Postgres',
  async ({ upcasters }) => {
    const store = await PostgresEventStore.connect({ connectionString: database.url, schema: `contract_${++schemas}`, upcasters });
    return { store, cleanup: () => store.close() };
  },
  {
    appendHeldOpen: (store, stream, events, options) =>
      appendHeldOpen(database.url, (store as PostgresEventStore).schema, stream, events, options),
  },
);

describe('Postgres event store', () => {
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
  });
  afterAll(() => store?.close());

  it('hands over the global log as the JSON text it stores, the same events as readAll, not upcast', async () => {
    const upcasting = await PostgresEventStore.connect({
      connectionString: database.url,
      schema: 'stored_json',
      upcasters: new UpcasterRegistry({ AttendanceRecorded: 2 }, { 'AttendanceRecorded@1': (event) => ({ ...event, data: { ...(event.data as object), lifted: true } }) }),
    });
    try {
      const stream = newStream();
      await upcasting.appendToStream(stream, sampleEvents(3), { expectedVersion: 'no_stream' });
      // The log shows only what every transaction of the cluster older than it has let go of: wait until it shows them.
      await waitFor(async () => (await upcasting.readAll({ after: 0n })).events.length === 3, { what: 'the three events in the global log', timeoutMs: 60_000 });
      const parsed = await upcasting.readAll({ after: 0n, limit: 2 });
      const stored = await upcasting.readAllStored({ after: 0n, limit: 2 });
      expect(stored.position).toBe(parsed.position);
      expect(stored.events.map((e) => [e.id, e.type, e.streamId, e.streamPosition, e.globalPosition])).toEqual(
        parsed.events.map((e) => [e.id, e.type, e.streamId, e.streamPosition, e.globalPosition]),
      );
      stored.events.forEach((event, i) => {
        const { lifted: _, ...asStored } = parsed.events[i].data as Record<string, unknown>;
        expect(parsed.events[i].data).toMatchObject({ lifted: true });
        expect(JSON.parse(event.dataJson)).toEqual(asStored);
        expect(JSON.parse(event.metadataJson)).toEqual({ ...parsed.events[i].metadata, schemaVersion: 1 });
      });
      expect((await upcasting.readAllStored({ after: stored.position })).events.map((e) => e.streamPosition)).toEqual([2n]);
    } finally {
      await upcasting.close();
    }
    // A long transaction anywhere on a shared server holds the log back; the wait is for it, not a claim about speed.
  }, 90_000);

  it('reads positions and JSON exactly through a pool whose owner parses int8 as numbers and leaves jsonb as text', async () => {
    // What a pool shared with other code may do: the store's reads bring their own parsers.
    const INT8 = 20;
    const JSONB = 3802;
    const pool = new Pool({
      connectionString: database.url,
      max: 2,
      options: '-c plan_cache_mode=force_generic_plan',
      types: {
        getTypeParser: ((oid: number, format?: 'text') =>
          oid === INT8 ? Number : oid === JSONB ? (text: string) => text : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
      },
    });
    const shared = await PostgresEventStore.connect({ pool, schema: 'shared_pool' });
    try {
      const stream = newStream();
      const events = sampleEvents(3);
      await shared.appendToStream(stream, events, { expectedVersion: 'no_stream' });
      const read = await shared.readStream(stream, { from: 1n });
      expect(read.version).toBe(2n);
      expect(read.events.map((e) => [e.streamId, e.streamPosition, e.id, e.data, e.metadata])).toEqual(
        events.slice(1).map((e, i) => [stream, BigInt(i + 1), e.id, e.data, e.metadata]),
      );
      await waitFor(async () => (await shared.readAll({ after: 0n })).events.length === 3, { what: 'the three events in the global log', timeoutMs: 60_000 });
      const all = await shared.readAll({ after: 0n });
      expect(all.events.map((e) => [typeof e.globalPosition, e.streamPosition, e.data, e.metadata])).toEqual(
        events.map((e, i) => ['bigint', BigInt(i), e.data, e.metadata]),
      );
      expect(all.position).toBe(all.events[2].globalPosition);
      expect(all.events[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
      const stored = await shared.readAllStored({ after: 0n });
      expect(stored.events.map((e) => [e.globalPosition, JSON.parse(e.dataJson)])).toEqual(all.events.map((e) => [e.globalPosition, e.data]));
    } finally {
      await shared.close();
      await pool.end();
    }
    // A long transaction anywhere on a shared server holds the log back; the wait is for it, not a claim about speed.
  }, 90_000);

  it('refuses a schema name it would have to quote', async () => {
    await expect(PostgresEventStore.connect({ connectionString: database.url, schema: 'Enrolment"; drop' })).rejects.toThrow(TypeError);
  });

  it("keeps each service's log apart in its own schema", async () => {
    const other = await PostgresEventStore.connect({ connectionString: database.url, schema: 'mentoring' });
    try {
      const stream = newStream();
      await store.appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
      expect(await other.streamExists(stream)).toBe(false);
      await other.appendToStream(stream, sampleEvents(2), { expectedVersion: 'no_stream' });
      expect((await store.readStream(stream)).version).toBe(0n);
    } finally {
      await other.close();
    }
  });

  it('refuses to append inside a transaction that has already written, which could let readers skip it', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE earlier_write (n int)');
      const stream = newStream();
      await expect(
        appendInOneStatement(client, statementsFor('enrolment'), stream, encodeEvents(stream, sampleEvents(1)), 'no_stream'),
      ).rejects.toMatchObject({ code: 'AE001' });
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it('tells exactly one of several racing duplicates that it appended', async () => {
    const stream = newStream();
    const events = sampleEvents(3);
    const results = await Promise.all(Array.from({ length: 5 }, () => store.appendToStream(stream, events, { expectedVersion: 'no_stream' })));
    expect(results.filter((r) => r.appended)).toHaveLength(1);
  });

  it('treats a retried large append as a no-op too', async () => {
    const stream = newStream();
    const events = sampleEvents(1_500);
    await store.appendToStream(stream, events, { expectedVersion: 'no_stream' });
    expect(await store.appendToStream(stream, events, { expectedVersion: 'no_stream' })).toEqual({ nextExpectedVersion: 1_499n, appended: false });
    expect(await store.appendToStream(stream, events, { expectedVersion: 1_499n })).toEqual({ nextExpectedVersion: 1_499n, appended: false });
    expect((await store.readStream(stream)).events).toHaveLength(1_500);
  });

  it('lets a large append lose a race cleanly, as a VersionConflict', async () => {
    const stream = newStream();
    await store.appendToStream(stream, sampleEvents(1), { expectedVersion: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.appendToStream(stream, sampleEvents(1_200), { expectedVersion: 0n }),
      store.appendToStream(stream, sampleEvents(1_200), { expectedVersion: 0n }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await store.readStream(stream)).version).toBe(1_200n);
  });

  it('ends its subscriptions and its pool on close', async () => {
    const closing = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    const subscription = closing.subscribe({ after: 0n, idleMs: 10, signal: new AbortController().signal, onEvents: async () => undefined });
    await closing.close();
    await expect(subscription).resolves.toBeUndefined();
    await expect(closing.streamExists(newStream())).rejects.toThrow();
  });
});
