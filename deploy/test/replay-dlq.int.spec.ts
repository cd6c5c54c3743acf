// deploy/tools/replay-dlq against the real broker that jest's global setup starts.
import type { IHeaders, Kafka } from 'kafkajs';
import { testKafka, uniqueTopic, waitFor } from '@alongside/platform/testing';
import { replayDeadLetters, type DeadLetterSummary } from '../tools/replay-dlq';

const header = (headers: IHeaders | undefined, name: string) => headers?.[name]?.toString();

describe('replay-dlq', () => {
  let kafka: Kafka;
  let topic: string;
  let dlq: string;

  const letter = (eventId: string, consumer: string, reason: string) => ({
    key: `enrolment.participant-north-${eventId}`,
    value: JSON.stringify({ eventId }),
    headers: {
      'event-id': eventId,
      'event-type': 'Enrolled',
      'site-id': 'north',
      'dlq-consumer': consumer,
      'dlq-reason': reason,
      'dlq-error': 'boom, with a comma',
      'dlq-attempts': '5',
      'dlq-original-topic': topic,
    },
  });

  const readAll = async (from: string, expected: number) => {
    const seen: { key: string; value: string; headers: IHeaders }[] = [];
    const consumer = kafka.consumer({ groupId: `${from}.reader.${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: from, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ key: String(message.key), value: String(message.value), headers: message.headers ?? {} });
      },
    });
    await waitFor(() => seen.length >= expected, { timeoutMs: 30_000 });
    // A little longer, to see anything beyond what was expected.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await consumer.disconnect();
    return seen;
  };

  beforeAll(async () => {
    kafka = testKafka('replay-dlq-test');
    topic = uniqueTopic('replay-dlq');
    dlq = `${topic}.dlq`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: 2 },
        { topic: dlq, numPartitions: 2 },
      ],
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        letter('e1', 'outcomes.north', 'handler-failed'),
        letter('e2', 'mentoring.north', 'schema-invalid'),
        letter('e3', 'outcomes.north', 'handler-failed'),
      ],
    });
    await producer.disconnect();
  }, 60_000);

  it('lists on a dry run what it would replay, and replays nothing', async () => {
    const listed: DeadLetterSummary[] = [];
    const result = await replayDeadLetters({
      kafka,
      dlqTopic: dlq,
      consumer: 'outcomes.north',
      dryRun: true,
      onLetter: (l) => listed.push(l),
    });
    expect(result).toEqual({ matched: 2, replayed: 0, skipped: 1 });
    expect(listed.map((l) => l.eventId).sort()).toEqual(['e1', 'e3']);
    expect(listed[0]).toMatchObject({ reason: 'handler-failed', siteId: 'north', eventType: 'Enrolled' });
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets.every((o) => o.high === o.low)).toBe(true);
  }, 60_000);

  it("puts back one consumer's letters as they first came, without the dlq headers, and only once", async () => {
    const first = await replayDeadLetters({ kafka, dlqTopic: dlq, consumer: 'outcomes.north' });
    expect(first).toEqual({ matched: 2, replayed: 2, skipped: 1 });

    const replayed = await readAll(topic, 2);
    expect(replayed.map((m) => header(m.headers, 'event-id')).sort()).toEqual(['e1', 'e3']);
    for (const message of replayed) {
      const id = header(message.headers, 'event-id');
      expect(message.key).toBe(`enrolment.participant-north-${id}`);
      expect(JSON.parse(message.value)).toEqual({ eventId: id });
      expect(header(message.headers, 'site-id')).toBe('north');
      expect(Object.keys(message.headers).filter((h) => h.startsWith('dlq-'))).toEqual(['dlq-replayed-from']);
      expect(header(message.headers, 'dlq-replayed-from')).toMatch(
        new RegExp(`^${dlq.replace(/\./g, '\\.')}/\\d+/\\d+$`),
      );
    }

    const second = await replayDeadLetters({ kafka, dlqTopic: dlq, consumer: 'outcomes.north' });
    expect(second).toEqual({ matched: 0, replayed: 0, skipped: 0 });
    expect(await readAll(topic, 2)).toHaveLength(2);
  }, 120_000);

  it('refuses a topic that is not a dead-letter topic', async () => {
    await expect(replayDeadLetters({ kafka, dlqTopic: topic })).rejects.toThrow(/not a dead-letter topic/);
  });
});
