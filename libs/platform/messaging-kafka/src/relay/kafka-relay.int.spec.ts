import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { eventsTableHead, seedParticipants } from '../fixtures/enrolment-log';
import { inStreamOrder, readTopics, streamPositionsByKey } from '../fixtures/topic-reader';
import { deadLetterTopic, eventsTopic } from '../topics';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay';

describe('Kafka relay', () => {
  const kafka = testKafka('relay-test');
  const prefix = uniqueTopic('relay');
  const topic = eventsTopic('enrolment', prefix);
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let admin: Admin;
  let options: KafkaRelayOptions;

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    pool = new Pool({ connectionString: database.url, max: 2 });
    admin = kafka.admin();
    await admin.connect();
    options = {
      name: 'enrolment',
      store,
      logHead: eventsTableHead(pool, 'enrolment'),
      connection: { connectionString: database.url },
      schema: 'enrolment',
      kafka,
      contexts: ['enrolment'],
      topicPrefix: prefix,
      topicLayout: { partitions: 3, replicationFactor: 1 },
      batchSize: 40,
      idleMs: 50,
      logger: { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined },
    };
  });

  afterAll(async () => {
    await admin?.disconnect();
    await pool?.end();
    await store?.close();
    await database?.drop();
  });

  const checkpoint = async (): Promise<bigint> => {
    const { rows } = await pool.query(`select position from enrolment.relay_checkpoints where relay = 'enrolment'`);
    return rows.length ? BigInt(rows[0].position) : 0n;
  };

  describe('when the log holds events of several participants', () => {
    const metrics = new Registry();
    let streams: Awaited<ReturnType<typeof seedParticipants>>;
    let head: bigint;

    beforeAll(async () => {
      streams = await seedParticipants(store, { streams: 12, eventsPerStream: 15, perAppend: 5 });
      head = await options.logHead();
      const relay = new KafkaRelay({ ...options, metrics });
      relay.start();
      await waitFor(async () => (await checkpoint()) === head, { timeoutMs: 30_000, what: 'the relay to publish the log' });
      await relay.stop();
    });

    it('creates the events topic and its dead-letter topic with the configured partitions', async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopic(topic)] });
      expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
    });

    it('publishes every event once, keyed by stream, in stream order per key', async () => {
      const messages = await readTopics(kafka, [topic], (m) => m.length >= 180);
      expect(messages).toHaveLength(180);
      const byKey = streamPositionsByKey(messages);
      expect([...byKey.keys()].sort()).toEqual(streams.map((s) => s.stream).sort());
      for (const positions of byKey.values()) expect(positions).toEqual([...Array(15).keys()]);
    });

    it('carries the envelope as JSON and the routing facts as headers', async () => {
      const [message] = await readTopics(kafka, [topic], (m) => m.length > 0);
      const value = JSON.parse(message.value!.toString());
      const [recorded] = (await store.readAll({ after: BigInt(value.globalPosition) - 1n, limit: 1 })).events;
      expect(value).toEqual({
        id: recorded.id,
        type: recorded.type,
        data: recorded.data,
        metadata: recorded.metadata,
        streamId: recorded.streamId,
        streamPosition: recorded.streamPosition.toString(),
        globalPosition: recorded.globalPosition.toString(),
      });
      const headers = Object.fromEntries(Object.entries(message.headers!).map(([k, v]) => [k, v!.toString()]));
      expect(headers).toEqual({
        'event-id': recorded.id,
        'event-type': recorded.type,
        'schema-version': '1',
        'site-id': recorded.metadata.siteId,
        position: recorded.globalPosition.toString(),
        'correlation-id': recorded.metadata.correlationId,
        'causation-id': recorded.metadata.causationId,
      });
      expect(message.key!.toString()).toBe(recorded.streamId);
    });

    it('reports what it published and that it is not behind', async () => {
      const published = await metrics.getSingleMetric('alongside_relay_published_total')!.get();
      expect(published.values).toEqual([expect.objectContaining({ labels: { relay: 'enrolment', topic }, value: 180 })]);
      const lag = await metrics.getSingleMetric('alongside_relay_lag_events')!.get();
      expect(lag.values[0].value).toBe(0);
    });

    it('resumes from its checkpoint after a graceful stop, publishing only what is new', async () => {
      const more = await seedParticipants(store, { streams: 2, eventsPerStream: 5 });
      const relay = new KafkaRelay(options);
      relay.start();
      const newHead = await options.logHead();
      await waitFor(async () => (await checkpoint()) === newHead, { timeoutMs: 30_000, what: 'the relay to publish the new events' });
      expect(relay.status()).toMatchObject({ leader: true, position: newHead, lag: 0n, lastError: null });
      await relay.stop();

      const messages = await readTopics(kafka, [topic], (m) => m.length >= 190);
      await new Promise((resolve) => setTimeout(resolve, 500)); // anything duplicated would have arrived by now
      const again = await readTopics(kafka, [topic], (m) => m.length >= 190);
      expect(again).toHaveLength(190);
      const byKey = streamPositionsByKey(messages);
      for (const { stream } of more) expect(byKey.get(stream)).toEqual([0, 1, 2, 3, 4]);
      for (const positions of byKey.values()) expect(inStreamOrder(positions)).toBe(true);
      expect(relay.status().leader).toBe(false);
    });
  });

  describe('when the broker cannot be reached', () => {
    it('reports itself not ready, moves no checkpoint, and still stops promptly', async () => {
      const before = await checkpoint();
      await seedParticipants(store, { streams: 1, eventsPerStream: 3 });
      const nowhere = new Kafka({ clientId: 'relay-test', brokers: ['127.0.0.1:1'], retry: { retries: 1, initialRetryTime: 50 }, logLevel: logLevel.NOTHING });
      const relay = new KafkaRelay({ ...options, kafka: nowhere, logger: { ...options.logger!, error: () => undefined } });
      relay.start();
      await waitFor(() => !relay.readiness().up, { what: 'the relay to report the broker unreachable' });
      expect(relay.readiness().details).toMatchObject({ leader: true, lastError: expect.stringMatching(/connect/i) });
      const stopping = Date.now();
      await relay.stop();
      expect(Date.now() - stopping).toBeLessThan(15_000); // not hung on kafkajs retries (minutes), whatever the load
      expect(await checkpoint()).toBe(before);
    });
  });

  describe("when the store's reads upcast", () => {
    it('publishes the data as stored, with the version it was written with: consumers upcast', async () => {
      // Its own log and checkpoint: reads here lift Enrolled v1 to v2, and the relay must not publish the lifted shape as stored.
      const lifting = await PostgresEventStore.connect({
        connectionString: database.url,
        schema: 'lifting',
        upcasters: new UpcasterRegistry({ Enrolled: 2 }, { 'Enrolled@1': (event) => ({ ...event, data: { ...(event.data as object), lifted: true } }) }),
      });
      const liftedPrefix = uniqueTopic('relay-stored');
      try {
        await seedParticipants(lifting, { streams: 1, eventsPerStream: 2 });
        const logHead = eventsTableHead(pool, 'lifting');
        const relay = new KafkaRelay({ ...options, name: 'lifting', store: lifting, schema: 'lifting', logHead, topicPrefix: liftedPrefix });
        relay.start();
        const head = await logHead();
        await waitFor(async () => (relay.status().position ?? 0n) >= head, { timeoutMs: 60_000, what: 'the relay to publish the upcasting log' });
        await relay.stop();
        const enrolledIn = (messages: readonly { headers?: Record<string, unknown> }[]) => messages.find((m) => String(m.headers?.['event-type']) === 'Enrolled');
        const enrolled = enrolledIn(await readTopics(kafka, [eventsTopic('enrolment', liftedPrefix)], (m) => enrolledIn(m) !== undefined))!;
        const value = JSON.parse((enrolled as { value: Buffer }).value.toString());
        expect(value.data.lifted).toBeUndefined();
        expect(value.metadata.schemaVersion).toBe(1);
        expect(String(enrolled.headers?.['schema-version'])).toBe('1');
        const [read] = (await lifting.readAll({ after: BigInt(value.globalPosition) - 1n, limit: 1 })).events;
        expect(read.data).toEqual({ ...value.data, lifted: true });
      } finally {
        await lifting.close();
      }
    }, 90_000);
  });

  describe('when a batch of one busy stream is more than a partition takes in one record batch', () => {
    it('sends it as several produce requests, each of which the broker accepts, in stream order', async () => {
      const busy = await PostgresEventStore.connect({ connectionString: database.url, schema: 'busy' });
      const busyPrefix = uniqueTopic('relay-busy');
      const requests: number[] = [];
      // The real broker; each produce request's message count is noted.
      const counting = new Proxy(kafka, {
        get: (target, property) => {
          if (property !== 'producer') return Reflect.get(target, property);
          return (...args: Parameters<Kafka['producer']>) => {
            const producer = target.producer(...args);
            const sendBatch = producer.sendBatch.bind(producer);
            producer.sendBatch = async (batch) => {
              requests.push(batch.topicMessages!.reduce((sum, t) => sum + t.messages.length, 0));
              return sendBatch(batch);
            };
            return producer;
          };
        },
      });
      const logHead = eventsTableHead(pool, 'busy');
      // ≈ 130 kB on one partition, read in one batch; the topic refuses a record batch over 40 kB.
      const relay = new KafkaRelay({
        ...options,
        name: 'busy',
        store: busy,
        schema: 'busy',
        logHead,
        kafka: counting,
        topicPrefix: busyPrefix,
        topicLayout: { partitions: 3, replicationFactor: 1, maxMessageBytes: 40_000 },
        batchSize: 500,
        maxRequestBytes: 30_000,
      });
      try {
        await seedParticipants(busy, { streams: 1, eventsPerStream: 120 });
        relay.start();
        const head = await logHead();
        await waitFor(async () => (relay.status().position ?? 0n) >= head, { timeoutMs: 30_000, what: 'the relay to publish the busy stream' });
        expect(requests.length).toBeGreaterThan(1);
        expect(requests.reduce((sum, n) => sum + n, 0)).toBe(120);
        const messages = await readTopics(kafka, [eventsTopic('enrolment', busyPrefix)], (m) => m.length >= 120);
        expect([...streamPositionsByKey(messages).values()]).toEqual([[...Array(120).keys()]]);
      } finally {
        await relay.stop();
        await busy.close();
      }
    }, 60_000);
  });

  describe('when events commit while a batch is being sent', () => {
    it('publishes them as soon as the send is acknowledged, not after an idle poll', async () => {
      const sending = await PostgresEventStore.connect({ connectionString: database.url, schema: 'sending' });
      const sendingPrefix = uniqueTopic('relay-sending');
      let sends = 0;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // The real broker; only the first produce request is held until the second event is in the log.
      const holdingFirstSend = new Proxy(kafka, {
        get: (target, property) => {
          if (property !== 'producer') return Reflect.get(target, property);
          return (...args: Parameters<Kafka['producer']>) => {
            const producer = target.producer(...args);
            const sendBatch = producer.sendBatch.bind(producer);
            producer.sendBatch = async (batch) => {
              if (sends++ === 0) await released;
              return sendBatch(batch);
            };
            return producer;
          };
        },
      });
      const logHead = eventsTableHead(pool, 'sending');
      // An idle poll longer than the test's patience: only reading again after the send can pass.
      const relay = new KafkaRelay({ ...options, name: 'sending', store: sending, schema: 'sending', logHead, topicPrefix: sendingPrefix, kafka: holdingFirstSend, idleMs: 60_000 });
      try {
        await seedParticipants(sending, { streams: 1, eventsPerStream: 1 });
        relay.start();
        await waitFor(() => sends === 1, { timeoutMs: 30_000, what: 'the first batch to be sent' });
        // Long enough for the read made ahead during the send to have come back empty.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await seedParticipants(sending, { streams: 1, eventsPerStream: 1 });
        const head = await logHead();
        release();

        await waitFor(async () => (relay.status().position ?? 0n) >= head, { timeoutMs: 10_000, what: 'the event committed during the send to be published' });
        expect(await readTopics(kafka, [eventsTopic('enrolment', sendingPrefix)], (m) => m.length >= 2)).toHaveLength(2);
      } finally {
        release();
        await relay.stop();
        await sending.close();
      }
    }, 60_000);
  });
});
