// Where a service's log ends, read from the real Postgres store's table: what the relay's and the
// projections' lag is measured against.
import { DataSource } from 'typeorm';
import type { NewEvent } from '@alongside/platform/event-sourcing';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { eventLogHead } from './event-log-head';
import { testEvent } from '@alongside/platform/testing/events';

const noted = (site: string): NewEvent => testEvent('ProbeNoted', site, {});

describe('The event log head', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('event-log-head');
    store = await PostgresEventStore.connect({
      connectionString: database.url,
      schema: 'probe',
      maxConnections: 2,
    });
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      extra: { max: 1 },
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  it("is 0 for an empty log, then the newest event's global position across streams", async () => {
    const head = eventLogHead(dataSource, 'probe');
    expect(await head()).toBe(0n);
    await store.appendToStream('probe.a-north-1', [noted('north'), noted('north')], {
      expectedVersion: 'no_stream',
    });
    await store.appendToStream('probe.b-south-1', [noted('south')], { expectedVersion: 'no_stream' });
    await store.appendToStream('probe.a-north-1', [noted('north')], { expectedVersion: 1n });
    const { events } = await store.readAll();
    expect(events).toHaveLength(4);
    expect(await head()).toBe(events[events.length - 1].globalPosition);
  });
});
