import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import type { Message, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { toEventMessage } from '../event-message';
import { enrolled, enrolmentEvent, enrolmentSchemas, enrolmentUpcasters, recordAdmission } from '../fixtures/heard-events';
import { readTopics } from '../fixtures/topic-reader';
import { deadLetterTopic, ensureTopics } from '../topics';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import { jsonSchemaChecks } from './event-schemas';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('Event consumer', () => {
  const kafka = testKafka('consumer-test');
  const topic = uniqueTopic('enrolment-events');
  const metrics = new Registry();
  let database: TestDatabase;
  let outcomes: PostgresEventStore;
  let pool: Pool;
  let producer: Producer;
  let consumer: EventConsumer;
  const failOnceAfterAppend = new Set<string>();
  /** Events whose handler waits for the promise first: a slow effect, holding its partition. */
  const heldUntil = new Map<string, Promise<void>>();
  const started = new Set<string>();
  const seen: string[] = [];

  const publish = async (...messages: Message[]) => {
    await producer.send({ topic, acks: -1, messages });
  };
  const admissionsOf = async (participantId: string) =>
    (await pool.query('select event_id from outcomes.admissions_heard where participant_id = $1', [participantId])).rows;
  const admittedEventsOf = async (participantId: string) =>
    (await outcomes.readStream(`outcomes.participant-north-${participantId}`)).events;
  const deadLetters = (count: number) =>
    readTopics(kafka, [deadLetterTopic(topic)], (m) => m.length >= count);

  beforeAll(async () => {
    database = await createTestDatabase('consumer');
    outcomes = await PostgresEventStore.connect({ connectionString: database.url, schema: 'outcomes' });
    pool = new Pool({ connectionString: database.url, max: 2 });
    await pool.query('create table outcomes.admissions_heard (event_id uuid not null, participant_id uuid not null)');
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic], { partitions: 2, replicationFactor: 1 });
    await admin.disconnect();

    const admit = recordAdmission(outcomes);
    const options: EventConsumerOptions = {
      name: 'outcomes.admissions',
      kafka,
      topics: [topic],
      handlers: {
        Enrolled: async (event, tx) => {
          started.add(event.id);
          await heldUntil.get(event.id);
          seen.push(event.id);
          await admit(event, tx);
          if (failOnceAfterAppend.delete(event.id)) throw new Error('the database went away after the append');
        },
        Discharged: async () => {
          throw new Error('discharges cannot be recorded today');
        },
      },
      schemas: jsonSchemaChecks(enrolmentSchemas),
      upcasters: enrolmentUpcasters,
      connection: { connectionString: database.url },
      schema: 'outcomes',
      retry: { attempts: 3, firstDelayMs: 20, maxDelayMs: 100 },
      sessionTimeoutMs: 10_000,
      metrics,
      logger: quiet,
    };
    consumer = new EventConsumer(options);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await pool?.end();
    await outcomes?.close();
    await database?.drop();
  });

  describe('when enrolment says a participant enrolled', () => {
    it('records the admission once, however often the message is delivered', async () => {
      const event = enrolled();
      const participantId = (event.data as { participantId: string }).participantId;
      await publish(toEventMessage(event), toEventMessage(event), toEventMessage(event));

      await waitFor(async () => (await admissionsOf(participantId)).length === 1, { what: 'the admission' });
      // The later deliveries found the inbox row and did nothing.
      await waitFor(async () => {
        const messages = await metrics.getSingleMetric('alongside_consumer_messages_total')!.get();
        return messages.values.find((v) => v.labels.outcome === 'duplicate')?.value === 2;
      }, { what: 'the two redeliveries' });
      expect(seen.filter((id) => id === event.id)).toHaveLength(1);
      expect(await admissionsOf(participantId)).toHaveLength(1);
      const recorded = await admittedEventsOf(participantId);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({ type: 'ParticipantAdmitted', data: { participantId, levelOfCare: '2.1' } });
      expect(recorded[0].metadata.causationId).toBe(event.id);
    });

    it('appends nothing twice when a retry follows an append whose inbox row never committed', async () => {
      const event = enrolled();
      const participantId = (event.data as { participantId: string }).participantId;
      failOnceAfterAppend.add(event.id);
      await publish(toEventMessage(event));

      await waitFor(async () => (await admissionsOf(participantId)).length === 1, { what: 'the retried admission' });
      expect(seen.filter((id) => id === event.id)).toHaveLength(2);
      expect(await admittedEventsOf(participantId)).toHaveLength(1);
    });

    it('lifts an older schema version to the latest before the handler sees it', async () => {
      const event = enrolled(randomUUID(), 1);
      const participantId = (event.data as { participantId: string }).participantId;
      await publish(toEventMessage(event));

      await waitFor(async () => (await admittedEventsOf(participantId)).length === 1, { what: 'the upcast admission' });
      expect((await admittedEventsOf(participantId))[0].data).toEqual({ participantId, levelOfCare: 'unknown' });
    });
  });

  describe('when a delivery spans several partitions', () => {
    it("handles one partition's message while another partition's handler is still busy", async () => {
      let release!: () => void;
      const slow = enrolled();
      heldUntil.set(slow.id, new Promise<void>((resolve) => (release = resolve)));
      const next = enrolled();
      const participantOf = (event: typeof slow) => (event.data as { participantId: string }).participantId;
      try {
        // One produce request: the broker appends both before the consumer's fetch sees either, as after a pause upstream.
        await publish({ ...toEventMessage(slow), partition: 0 }, { ...toEventMessage(next), partition: 1 });

        // One partition after another, the second admission would wait for the first handler.
        await waitFor(async () => (await admissionsOf(participantOf(next))).length === 1, { timeoutMs: 5_000, what: "the other partition's admission" });
        expect(started.has(slow.id)).toBe(true);
        expect(await admissionsOf(participantOf(slow))).toHaveLength(0);
      } finally {
        release();
      }
      await waitFor(async () => (await admissionsOf(participantOf(slow))).length === 1, { what: 'the slow admission once released' });
    });
  });

  describe('when a message cannot be handled', () => {
    it('parks unreadable and wrong-schema messages at once, with why, and handles the next good one', async () => {
      const wrongShape = enrolmentEvent('Enrolled', { participantId: randomUUID(), siteId: 'north' });
      const fromTheFuture = enrolmentEvent('Enrolled', { participantId: randomUUID() }, { schemaVersion: 3 });
      const good = enrolled();
      await publish(
        { key: 'poison', value: 'this is not an event {', headers: { 'event-type': 'Enrolled' } },
        toEventMessage(wrongShape),
        toEventMessage(fromTheFuture),
        toEventMessage(good),
      );

      await waitFor(async () => (await admissionsOf((good.data as { participantId: string }).participantId)).length === 1, {
        what: 'the good message after the poison ones',
      });
      const letters = await deadLetters(3);
      const header = (i: number, name: string) => letters[i].headers![name]!.toString();
      const byReason = letters.slice(0, 3).map((_, i) => header(i, 'dlq-reason'));
      expect(byReason.sort()).toEqual(['schema-invalid', 'schema-invalid', 'unreadable']);

      const poison = letters.find((m) => m.key?.toString() === 'poison')!;
      expect(poison.value!.toString()).toBe('this is not an event {');
      expect(poison.headers!['event-type']!.toString()).toBe('Enrolled');
      expect(poison.headers!['dlq-error']!.toString()).toBe('the value is not JSON');
      expect(poison.headers!['dlq-attempts']!.toString()).toBe('0');
      expect(poison.headers!['dlq-original-topic']!.toString()).toBe(topic);
      expect(poison.headers!['dlq-original-offset']!.toString()).toMatch(/^\d+$/);

      const invalid = letters.find((m) => m.key?.toString() === wrongShape.streamId)!;
      expect(invalid.headers!['dlq-error']!.toString()).toContain("must have required property 'programme'");
      expect(JSON.parse(invalid.value!.toString()).id).toBe(wrongShape.id);
    });

    it('parks a message whose handler keeps failing after bounded retries, and goes on', async () => {
      const discharged = enrolmentEvent('Discharged', { participantId: randomUUID() }, { schemaVersion: 1 });
      const after = enrolled();
      await publish(toEventMessage(discharged), toEventMessage(after));

      await waitFor(async () => (await admissionsOf((after.data as { participantId: string }).participantId)).length === 1, {
        what: 'the message after the failing one',
      });
      const letters = await deadLetters(4);
      const failed = letters.find((m) => m.headers!['dlq-reason']!.toString() === 'handler-failed')!;
      expect(JSON.parse(failed.value!.toString()).id).toBe(discharged.id);
      expect(failed.headers!['dlq-attempts']!.toString()).toBe('3');
      expect(failed.headers!['dlq-error']!.toString()).toBe('Error: discharges cannot be recorded today');
      expect(failed.headers!['event-id']!.toString()).toBe(discharged.id);
    });

    it('counts dead letters by reason and shows no lag once caught up', async () => {
      const dlq = await metrics.getSingleMetric('alongside_consumer_dlq_total')!.get();
      const count = (reason: string) => dlq.values.find((v) => v.labels.reason === reason)?.value;
      expect([count('unreadable'), count('schema-invalid'), count('handler-failed')]).toEqual([1, 2, 1]);
      const lag = await metrics.getSingleMetric('alongside_consumer_lag_messages')!.get();
      expect(lag.values.every((v) => v.value === 0)).toBe(true);
    });
  });

  describe('when stopped', () => {
    it('finishes the in-flight batch and commits it, so the group resumes after it', async () => {
      const slowTopic = uniqueTopic('slow-handling');
      const handled: string[] = [];
      const options: EventConsumerOptions = {
        name: `${slowTopic}.group`,
        kafka,
        topics: [slowTopic],
        handlers: {
          Enrolled: async (event) => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            handled.push(event.id);
          },
        },
        schemas: jsonSchemaChecks(enrolmentSchemas),
        upcasters: enrolmentUpcasters,
        connection: { connectionString: database.url },
        schema: 'outcomes',
        topicLayout: { partitions: 1, replicationFactor: 1 },
        logger: quiet,
      };
      const slow = new EventConsumer(options);
      await slow.start();
      const events = Array.from({ length: 6 }, () => enrolled());
      await producer.send({ topic: slowTopic, acks: -1, messages: events.map(toEventMessage) });
      await waitFor(() => handled.length > 0, { what: 'the first slow message' });
      await slow.stop();
      expect(handled).toEqual(events.map((e) => e.id));

      const admin = kafka.admin();
      await admin.connect();
      const [committed] = await admin.fetchOffsets({ groupId: options.name, topics: [slowTopic] });
      await admin.disconnect();
      expect(committed.partitions[0].offset).toBe('6');
    });
  });
});
