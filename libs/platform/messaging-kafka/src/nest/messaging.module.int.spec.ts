import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Pool } from 'pg';
import { eventsTableHead, seedParticipants } from '../fixtures/enrolment-log';
import { KafkaRelay } from '../relay/kafka-relay';
import { eventsTopic } from '../topics';
import { EventConsumersHealthIndicator } from './event-consumers.health';
import { EventConsumersModule } from './event-consumers.module';
import { KafkaRelayHealthIndicator } from './kafka-relay.health';
import { KafkaRelayModule } from './kafka-relay.module';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const STORE = Symbol('store');

describe('Relay and consumers in a Nest app', () => {
  const kafka = testKafka('messaging-nest');
  const prefix = uniqueTopic('nest');
  const topic = eventsTopic('enrolment', prefix);
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: Pool;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase('messaging_nest');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    pool = new Pool({ connectionString: database.url, max: 2 });
    await seedParticipants(store, { streams: 3, eventsPerStream: 4 });

    @Module({ providers: [{ provide: STORE, useValue: store }], exports: [STORE] })
    class StoreModule {}

    @Module({
      imports: [
        KafkaRelayModule.forRootAsync({
          imports: [StoreModule],
          inject: [STORE],
          useFactory: (eventStore: PostgresEventStore) => ({
            name: 'enrolment',
            store: eventStore,
            logHead: eventsTableHead(pool, 'enrolment'),
            connection: { connectionString: database.url },
            schema: 'enrolment',
            kafka,
            contexts: ['enrolment'],
            topicPrefix: prefix,
            topicLayout: { partitions: 2, replicationFactor: 1 },
            logger: quiet,
          }),
        }),
        EventConsumersModule.forRootAsync({
          useFactory: () => [
            {
              name: `${topic}.heard`,
              kafka,
              topics: [topic],
              handlers: { Enrolled: async () => undefined },
              schemas: { Enrolled: () => null },
              upcasters: new UpcasterRegistry({}),
              connection: { connectionString: database.url },
              schema: 'outcomes',
              logger: quiet,
            },
          ],
        }),
      ],
    })
    class MessagingApp {}

    app = await NestFactory.createApplicationContext(MessagingApp, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await store?.close();
    await database?.drop();
  });

  it('publishes the log and consumes it once the app is up, and says so on the health check', async () => {
    const head = await eventsTableHead(pool, 'enrolment')();
    await waitFor(() => app.get(KafkaRelay).status().position === head, { what: 'the relay to publish', timeoutMs: 30_000 });
    // Three participants, each enrolled once (the second event of each stream).
    await waitFor(async () => (await pool.query('select count(*)::int as n from outcomes.inbox')).rows[0].n === 3, {
      what: 'the consumer to hear the enrolments',
      timeoutMs: 30_000,
    });

    expect(await app.get(KafkaRelayHealthIndicator).isHealthy()).toEqual({
      relay: { status: 'up', leader: true, position: head.toString(), lag: '0' },
    });
    expect(await app.get(EventConsumersHealthIndicator).isHealthy()).toEqual({
      consumers: { status: 'up', [`${topic}.heard`]: { running: true, lastError: null } },
    });
  });

  it('stops the relay and the consumers when the app closes', async () => {
    const relay = app.get(KafkaRelay);
    const health = app.get(EventConsumersHealthIndicator);
    await app.close();
    expect(relay.status().leader).toBe(false);
    expect(await health.isHealthy()).toMatchObject({ consumers: { status: 'down' } });
    app = undefined as unknown as INestApplicationContext;
  });
});
