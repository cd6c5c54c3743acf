// Relay throughput, log -> real Kafka broker, against raw kafkajs producing the same messages
// (DESIGN §9). Run: DATABASE_URL=<admin url> KAFKA_BROKERS=<brokers> node -r ./tools/register.cjs \
//   libs/platform/messaging-kafka/bench/relay.bench.ts [events]
// Prints one JSON line. Each case in a fresh database and fresh topics.
import { randomBytes } from 'node:crypto';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import { Client, Pool } from 'pg';
import { toEventMessage } from '../src/event-message';
import { eventsTableHead, seedParticipants } from '../src/fixtures/enrolment-log';
import { KafkaRelay } from '../src/relay/kafka-relay';
import { ensureTopics, eventsTopic } from '../src/topics';

const events = Number(process.argv[2] ?? 50_000);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const batchSize = Number(process.env.BATCH_SIZE ?? 2_000);
const layout = { partitions: 6, replicationFactor: 1 };
const silent = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

const withDatabase = async <T>(run: (url: string) => Promise<T>): Promise<T> => {
  const name = `bench_relay_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await run(url.toString());
  } catch (error) {
    console.error(error);
    throw error;
  } finally {
    // pg's pool.end() resolves before its sockets have closed: let them, or the drop's FORCE kills them first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
};

const seeded = async (url: string) => {
  const store = await PostgresEventStore.connect({ connectionString: url, schema: 'enrolment' });
  await seedParticipants(store, { streams: events / 1_000, eventsPerStream: 1_000 });
  return store;
};

const kafka = new Kafka({ clientId: 'relay-bench', brokers, logLevel: logLevel.NOTHING });

/** The limit: the same messages, already in memory, sent with the same producer settings. */
const rawKafkajs = () =>
  withDatabase(async (url) => {
    const store = await seeded(url);
    const all: RecordedEvent[] = [];
    for (let after = 0n; ; ) {
      const { events: batch, position } = await store.readAll({ after, limit: 10_000 });
      if (batch.length === 0) break;
      all.push(...batch);
      after = position;
    }
    const topic = eventsTopic('enrolment', `bench.raw.${randomBytes(4).toString('hex')}`);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic], layout);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages: Message[] = all.map(toEventMessage);
    // The same produce requests the relay makes: under 900 KiB each, the broker's limit being 1 MiB.
    const requests: Message[][] = [[]];
    let bytes = 0;
    for (const message of messages) {
      const size = 64 + (message.key as string).length + (message.value as string).length + 400;
      if (bytes + size > 900 * 1024) {
        requests.push([]);
        bytes = 0;
      }
      requests[requests.length - 1].push(message);
      bytes += size;
    }
    const started = process.hrtime.bigint();
    for (const request of requests) await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: request }] });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await store.close();
    return all.length / seconds;
  });

/** The relay: read from the log, publish, checkpoint, until the checkpoint reaches the head. */
const relay = () =>
  withDatabase(async (url) => {
    const store = await seeded(url);
    const pool = new Pool({ connectionString: url, max: 1 });
    const head = await eventsTableHead(pool, 'enrolment')();
    const prefix = `bench.relay.${randomBytes(4).toString('hex')}`;
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [eventsTopic('enrolment', prefix)], layout);
    const relay = new KafkaRelay({
      name: 'enrolment',
      store,
      logHead: eventsTableHead(pool, 'enrolment'),
      connection: { connectionString: url },
      schema: 'enrolment',
      kafka,
      topicPrefix: prefix,
      topicLayout: layout,
      batchSize,
      maxRequestBytes: Number(process.env.MAX_REQUEST_BYTES ?? 900 * 1024),
      idleMs: 5,
      logger: silent,
    });
    const started = process.hrtime.bigint();
    relay.start();
    while (relay.status().position !== head) await new Promise((resolve) => setTimeout(resolve, 2));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await relay.stop();
    await admin.deleteTopics({ topics: [eventsTopic('enrolment', prefix)] }).catch(() => undefined);
    await admin.disconnect();
    await pool.end();
    await store.close();
    return Number(head) / seconds;
  });

const main = async () => {
  const which = process.env.CASE;
  const result: Record<string, number> = {};
  if (!which || which === 'raw') result.rawKafkajsMessagesPerSecond = Math.round(await rawKafkajs());
  if (!which || which === 'relay') result.relayMessagesPerSecond = Math.round(await relay());
  if (result.rawKafkajsMessagesPerSecond && result.relayMessagesPerSecond) {
    result.ratio = Number((result.relayMessagesPerSecond / result.rawKafkajsMessagesPerSecond).toFixed(2));
  }
  console.log(JSON.stringify({ case: 'relay', events, batchSize, ...result }));
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
