// The store a service runs on announces its committed appends to the relay and the projections of
// its process. Both here poll a quiet log once every ten minutes: only the announcement can make
// them read an append within the test's time.
import { randomUUID } from 'node:crypto';
import { siteId, streamName } from '@alongside/platform/event-sourcing';
import { readsStoredJson } from '@alongside/platform/event-store';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { KafkaRelay } from '@alongside/platform/messaging-kafka';
import { ProjectionRunner } from '@alongside/platform/projections';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { testEvent } from '@alongside/platform/testing/events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { announcedAppends } from './announced-appends';
import { episodesProjection, ProbeEpisodeV1, ProbeSiteTotalV1 } from './fixtures/episodes-projection';

const QUIET_POLL_MS = 600_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('A store that announces its appends', () => {
  let database: TestDatabase;
  let postgres: PostgresEventStore;
  let store: PostgresEventStore;
  let admin: Client;

  const head = async () => BigInt((await admin.query(`select coalesce(max(global_position), 0)::text as head from outcomes.events`)).rows[0].head);
  const admit = (site: string, episodeId = randomUUID()) =>
    store.appendToStream(streamName('outcomes', 'episode', siteId(site), episodeId), [testEvent('Admitted', site, { episodeId })], { expectedVersion: 'no_stream' });

  beforeAll(async () => {
    database = await createTestDatabase('announced-appends');
    postgres = await PostgresEventStore.connect({ connectionString: database.url, schema: 'outcomes', maxConnections: 4 });
    store = announcedAppends(postgres);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await postgres?.close();
    await database?.drop();
  });

  it('is still the adapter it wraps, with the log read as stored JSON', () => {
    expect(store).toBeInstanceOf(PostgresEventStore);
    expect(readsStoredJson(store)).toBe(true);
  });

  it('tells a listener once an append has committed, when the log shows it, and not for a retried append', async () => {
    const seen: bigint[] = [];
    const stop = (store as unknown as { onAppend(listener: () => void): () => void }).onAppend(() => void head().then((h) => seen.push(h)));
    const episodeId = randomUUID();
    const stream = streamName('outcomes', 'episode', siteId('north'), episodeId);
    const event = testEvent('Admitted', 'north', { episodeId });
    await store.appendToStream(stream, [event], { expectedVersion: 'no_stream' });
    const appendedAt = await head();
    await store.appendToStream(stream, [event], { expectedVersion: 'no_stream' });
    stop();
    await admit('north');
    await waitFor(async () => seen.length > 0, { what: 'the listener to be told', timeoutMs: 5_000 });
    expect(seen).toEqual([appendedAt]);
    expect((await store.readAll({ after: appendedAt - 1n })).events.map((e) => e.id)).toContain(event.id);
  });

  it("tells a listener once a transaction of the store's own has committed", async () => {
    let told = 0;
    const stop = (store as unknown as { onAppend(listener: () => void): () => void }).onAppend(() => told++);
    try {
      await store.transaction(async (transaction) => {
        const episodeId = randomUUID();
        await transaction.appendToStream(streamName('outcomes', 'episode', siteId('west'), episodeId), [testEvent('Admitted', 'west', { episodeId })], { expectedVersion: 'no_stream' });
        expect(told).toBe(0);
      });
      expect(told).toBe(1);
    } finally {
      stop();
    }
  });

  it('wakes a projection that polls a quiet log rarely', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: database.url, schema: 'outcomes', entities: [ProbeEpisodeV1, ProbeSiteTotalV1], extra: { max: 3 } }).initialize();
    const runner = new ProjectionRunner({ dataSource, store, logHead: head, projections: [episodesProjection], idleMs: QUIET_POLL_MS, logger: quiet });
    try {
      await runner.start();
      await runner.caughtUp();
      await admit('south');
      const position = await head();
      await waitFor(async () => runner.progress()[0].position === position, { what: 'the projection to apply the append', timeoutMs: 20_000 });
      const { rows } = await admin.query(`select admitted from outcomes.probe_site_total_v1 where site_id = 'south'`);
      expect(rows).toEqual([{ admitted: 1 }]);
    } finally {
      await runner.stop();
      await dataSource.destroy();
    }
  });

  it('wakes a relay that polls a quiet log rarely', async () => {
    const relay = new KafkaRelay({
      name: 'outcomes',
      store,
      logHead: head,
      connection: { connectionString: database.url },
      schema: 'outcomes',
      kafka: testKafka('announced-appends'),
      contexts: ['outcomes'],
      topicPrefix: uniqueTopic('announced'),
      topicLayout: { partitions: 1, replicationFactor: 1 },
      idleMs: QUIET_POLL_MS,
      logger: quiet,
    });
    try {
      relay.start();
      const published = await head();
      await waitFor(async () => relay.status().position === published, { what: 'the relay to publish the log', timeoutMs: 30_000 });
      await admit('east');
      const position = await head();
      await waitFor(async () => relay.status().position === position, { what: 'the relay to publish the append', timeoutMs: 20_000 });
    } finally {
      await relay.stop();
    }
  });
});
