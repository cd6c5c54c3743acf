import { contextOf } from '@alongside/platform/event-sourcing';
import { eventsTopic, toEventMessage } from '@alongside/platform/messaging-kafka';
import { Partitioners, type Message } from 'kafkajs';
import type { CaseRunner } from '../harness/bench-case';
import { measureRounds, roundsPlan } from '../harness/rounds';
import { benchKafka, deleteTopics, freshTopics } from './bench-kafka';
import { RELAY_BATCH, seedRelayLog } from './relay-log';

/**
 * The relay's limit: kafkajs alone producing the very messages the relay would (same keys,
 * values, headers), built beforehand, in batches of the relay's size, one request in flight,
 * idempotent, acks -1: the producer settings the relay uses.
 */
export const run: CaseRunner = async (context) => {
  const log = await seedRelayLog(context.databaseUrl, context.size(150, 5), context.size(200, 40));
  const kafka = benchKafka(context.brokers);
  const tag = `kafkajs-${process.pid}`;
  const batches: Message[][] = [];
  for (let after = 0n; ; ) {
    const { events, position } = await log.store.readAll({ after, limit: RELAY_BATCH });
    if (events.length === 0) break;
    batches.push(events.map(toEventMessage));
    after = position;
  }
  const service = contextOf((await log.store.readAll({ limit: 1 })).events[0].streamId);
  try {
    const outcome = await measureRounds(
      context,
      roundsPlan(context.scale),
      async (round) => {
        const topic = eventsTopic(service, await freshTopics(kafka, tag, round, [service]));
        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
        await producer.connect();
        return { topic, producer };
      },
      async ({ topic, producer }, latency) => {
        for (const messages of batches) await latency.time(() => producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] }));
        await producer.disconnect();
        return log.events;
      },
    );
    return { unit: 'messages/s', ...outcome, work: `${log.events} prebuilt messages`, details: { batchSize: RELAY_BATCH, acks: -1 } };
  } finally {
    await deleteTopics(kafka, `bench-${tag}`).catch(() => undefined);
    await log.close();
  }
};
