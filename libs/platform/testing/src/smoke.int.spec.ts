// Proves the real infrastructure works end to end, with nothing faked: a NestJS + TypeORM module on
// a fresh Postgres database, and kafkajs producing and consuming through a consumer group on the
// real broker. If this fails, every other integration test would fail for the same reason.
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Admin, Consumer, KafkaMessage, Producer } from 'kafkajs';
import { Column, Entity, PrimaryColumn, type Repository } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testKafka } from './test-kafka';
import { uniqueTopic } from './unique-topic';
import { waitFor } from './wait-for';

@Entity({ name: 'smoke_note' })
class SmokeNote {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz')
  writtenAt!: Date;
}

@Injectable()
class SmokeNotes {
  constructor(@InjectRepository(SmokeNote) private readonly notes: Repository<SmokeNote>) {}

  write = (note: SmokeNote): Promise<SmokeNote> => this.notes.save(note);

  read = (id: string): Promise<SmokeNote | null> => this.notes.findOneBy({ id });
}

describe('Postgres, through NestJS and TypeORM', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase('smoke');

    @Module({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.url,
          entities: [SmokeNote],
          synchronize: true,
          retryAttempts: 0,
        }),
        TypeOrmModule.forFeature([SmokeNote]),
      ],
      providers: [SmokeNotes],
    })
    class SmokeModule {}

    app = await NestFactory.createApplicationContext(SmokeModule, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('writes a row through a repository and reads it back', async () => {
    const notes = app.get(SmokeNotes);
    const writtenAt = new Date('2026-01-02T03:04:05.678Z');

    await notes.write(
      Object.assign(new SmokeNote(), {
        id: '6f1f5f7e-8a4b-4c1e-9a57-2d0c8a1b9e10',
        body: 'hello',
        writtenAt,
      }),
    );

    expect(await notes.read('6f1f5f7e-8a4b-4c1e-9a57-2d0c8a1b9e10')).toEqual({
      id: '6f1f5f7e-8a4b-4c1e-9a57-2d0c8a1b9e10',
      body: 'hello',
      writtenAt,
    });
  });

  it('uses a database of its own', () => {
    expect(new URL(database.url).pathname).toBe(`/${database.name}`);
    expect(database.name).toMatch(/^test_smoke_/);
  });
});

describe('Kafka, through kafkajs', () => {
  const topic = uniqueTopic('smoke');
  const groupId = `${topic}.group`;
  const kafka = testKafka('smoke-test');
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer;
  const received: KafkaMessage[] = [];

  beforeAll(async () => {
    admin = kafka.admin();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    consumer = kafka.consumer({ groupId });
    await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.disconnect();
  });

  it('delivers a keyed message with headers to a consumer group, which commits its offset', async () => {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: from, partition, message }) => {
        received.push(message);
        await consumer.commitOffsets([
          { topic: from, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
      },
    });

    const [sent] = await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: 'participant-42',
          value: JSON.stringify({ type: 'SmokeTested', data: { ok: true } }),
          headers: { 'event-type': 'SmokeTested', 'correlation-id': Buffer.from('c-1') },
        },
      ],
    });
    expect(sent.errorCode).toBe(0);

    const message = await waitFor(() => received[0], { timeoutMs: 30_000, what: 'the smoke message' });
    expect(message.key?.toString()).toBe('participant-42');
    expect(JSON.parse(message.value?.toString() ?? '')).toEqual({ type: 'SmokeTested', data: { ok: true } });
    expect(message.headers?.['event-type']?.toString()).toBe('SmokeTested');
    expect(message.headers?.['correlation-id']?.toString()).toBe('c-1');

    const committed = await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return offsets.partitions.find(
          (partition) => partition.partition === sent.partition && partition.offset === '1',
        );
      },
      { timeoutMs: 10_000, what: 'the committed offset' },
    );
    expect(committed.offset).toBe('1');
  });
});
