// The relay killed with SIGKILL, in a child process, against the real broker and Postgres.
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, testBrokers, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Pool } from 'pg';
import { EventConsumer } from '../consumer/event-consumer';
import { startChild, type Child } from '../fixtures/child-process';
import { eventsTableHead, seedParticipants } from '../fixtures/enrolment-log';
import { inStreamOrder, readTopics, streamPositionsByKey } from '../fixtures/topic-reader';
import { eventsTopic } from '../topics';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';

const RELAY = 'libs/platform/messaging-kafka/src/fixtures/relay.process.ts';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('Kafka relay under failure', () => {
  const kafka = testKafka('relay-faults');
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let head: () => Promise<bigint>;
  const children: Child[] = [];

  const relayProcess = (prefix: string, batchSize: number) => {
    const child = startChild(RELAY, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testBrokers().join(','),
      TOPIC_PREFIX: prefix,
      BATCH_SIZE: String(batchSize),
    });
    children.push(child);
    return child;
  };
  const checkpoint = async (): Promise<bigint> => {
    const { rows } = await pool.query(`select position from enrolment.relay_checkpoints where relay = 'enrolment'`).catch(() => ({ rows: [] }));
    return rows.length ? BigInt(rows[0].position) : 0n;
  };
  const resetCheckpoint = () => pool.query('delete from enrolment.relay_checkpoints');

  beforeAll(async () => {
    database = await createTestDatabase('relay_faults');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    pool = new Pool({ connectionString: database.url, max: 2 });
    head = eventsTableHead(pool, 'enrolment');
    await seedParticipants(store, { streams: 20, eventsPerStream: 150, perAppend: 50 });
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await pool?.end();
    await store?.close();
    await database?.drop();
  });

  it('loses nothing and keeps stream order when killed mid-batch, and a consumer still acts once per event', async () => {
    const prefix = uniqueTopic('relay-killed');
    const topic = eventsTopic('enrolment', prefix);
    const total = await head();
    let killedAt = 0n;
    let publishedAtKill = 0n;

    const admin = kafka.admin();
    await admin.connect();
    const published = async () => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + BigInt(p.high), 0n);
    try {
      const first = relayProcess(prefix, 50);
      // Kill it when Kafka holds events its checkpoint does not cover yet (acknowledged or in
      // flight), or at the latest once it is well under way.
      await waitFor(async () => {
        first.assertRunning();
        const covered = await checkpoint();
        return covered >= 1_500n || (covered >= 300n && (await published()) > covered);
      }, { what: 'the first relay to be mid-batch', intervalMs: 2, timeoutMs: 90_000 });
      first.process.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 300)); // a produce request already sent may still land
      killedAt = await checkpoint();
      publishedAtKill = await published();
    } finally {
      await admin.disconnect();
    }
    expect(killedAt).toBeLessThan(total);

    const second = relayProcess(prefix, 50);
    await waitFor(async () => (second.assertRunning(), (await checkpoint()) === total), { what: 'the second relay to finish', timeoutMs: 90_000 });
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // Everything after the checkpoint is published again: at least once, never less.
    const expected = Number(publishedAtKill + (total - killedAt));
    const messages = await readTopics(kafka, [topic], (m) => m.length >= expected, 60_000);
    expect(messages).toHaveLength(expected);
    expect(new Set(messages.map((m) => m.headers!['event-id']!.toString())).size).toBe(3_000);
    const byKey = streamPositionsByKey(messages);
    expect(byKey.size).toBe(20);
    for (const positions of byKey.values()) {
      expect(inStreamOrder(positions)).toBe(true);
      expect(new Set(positions).size).toBe(150);
    }

    await pool.query('create table enrolment.effects (event_id uuid not null)');
    const types = ['ParticipantRegistered', 'Enrolled', 'LevelOfCareChanged', 'Discharged', 'Readmitted'];
    const record = async (event: { id: string }, tx: { query: (sql: string, values: unknown[]) => Promise<unknown> }) => {
      await tx.query('insert into enrolment.effects (event_id) values ($1)', [event.id]);
    };
    const consumer = new EventConsumer({
      name: `${topic}.effects`,
      kafka,
      topics: [topic],
      handlers: Object.fromEntries(types.map((type) => [type, record])),
      schemas: Object.fromEntries(types.map((type) => [type, () => null])),
      upcasters: new UpcasterRegistry({}),
      connection: { connectionString: database.url },
      schema: 'enrolment',
      partitionsConsumedConcurrently: 3,
      logger: quiet,
    });
    await consumer.start();
    try {
      await waitFor(async () => (await pool.query('select count(*)::int as n from enrolment.inbox')).rows[0].n === 3_000, {
        what: 'the consumer to handle every event',
        timeoutMs: 90_000,
        intervalMs: 250,
      });
      await waitFor(() => consumer.status().running);
    } finally {
      await consumer.stop();
    }
    const { rows } = await pool.query('select count(*)::int as effects, count(distinct event_id)::int as events from enrolment.effects');
    expect(rows[0]).toEqual({ effects: 3_000, events: 3_000 });
  }, 240_000);

  it('keeps a second replica waiting while the first holds the lease, and hands over when it dies', async () => {
    const prefix = uniqueTopic('relay-lease');
    await resetCheckpoint();
    const total = await head();

    const leader = relayProcess(prefix, 500);
    await leader.waitForMessage('publishing from checkpoint');
    await waitFor(async () => (await checkpoint()) === total, { what: 'the leader to publish the log', timeoutMs: 60_000 });

    const standby = relayProcess(prefix, 500);
    await standby.waitForMessage('another replica holds the lease; waiting');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(standby.messages).not.toContain('publishing from checkpoint');

    leader.process.kill('SIGKILL');
    await leader.exited;
    await standby.waitForMessage('lease taken over', 30_000);
    await standby.waitForMessage('publishing from checkpoint');

    await seedParticipants(store, { streams: 1, eventsPerStream: 7 });
    const grown = await head();
    await waitFor(async () => (await checkpoint()) === grown, { what: 'the new leader to publish new events', timeoutMs: 60_000 });
    const messages = await readTopics(kafka, [eventsTopic('enrolment', prefix)], (m) => m.length >= 3_007, 60_000);
    expect(new Set(messages.map((m) => m.headers!['event-id']!.toString())).size).toBe(3_007);

    standby.process.kill('SIGTERM');
    expect(await standby.exited).toBe(0);
  }, 120_000);
});
