import { ensureTopics, eventsTopic } from '@alongside/platform/messaging-kafka';
import { Kafka, logLevel } from 'kafkajs';
import { PARTITIONS } from './relay-log';

export const benchKafka = (brokers: readonly string[]): Kafka =>
  new Kafka({ clientId: 'alongside-bench', brokers: [...brokers], logLevel: logLevel.NOTHING });

/**
 * Each round publishes to topics of its own, created before the clock starts: topic creation is a
 * one-off, not relay throughput. Answers the round's prefix.
 */
export const freshTopics = async (kafka: Kafka, runTag: string, round: number, contexts: readonly string[]): Promise<string> => {
  const prefix = `bench-${runTag}-${round}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = contexts.flatMap((context) => [eventsTopic(context, prefix), `${eventsTopic(context, prefix)}.dlq`]);
    await ensureTopics(admin, topics, { partitions: PARTITIONS, replicationFactor: 1 });
  } finally {
    await admin.disconnect();
  }
  return prefix;
};

/** Deletes the run's topics afterwards, so benches do not fill the shared broker. */
export const deleteTopics = async (kafka: Kafka, prefix: string): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
};
