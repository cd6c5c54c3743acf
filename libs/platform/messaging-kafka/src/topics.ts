import type { Admin } from 'kafkajs';

/**
 * Each context publishes on one topic, `alongside.<context>.events` (DESIGN §3.4). Tests give
 * their own prefix so that every test file has topics of its own on the shared broker.
 */
export const eventsTopic = (context: string, prefix = 'alongside'): string => `${prefix}.${context}.events`;

/** A message that cannot be handled is parked beside its topic, never dropped. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

export type TopicLayout = Readonly<{
  partitions: number;
  replicationFactor: number;
  /**
   * The largest message the topic takes. The store allows 1 MiB of JSON per event and the
   * envelope adds a little, so the broker's 1 MiB default would refuse the biggest events.
   */
  maxMessageBytes?: number;
}>;

const TWO_MIB = 2 * 1024 * 1024;

export const defaultTopicLayout: TopicLayout = { partitions: 6, replicationFactor: 1 };

/**
 * Creates the topics that are missing; existing topics are left as they are (partition counts are
 * never changed behind the operators' back: adding partitions would move keys and break ordering).
 */
export const ensureTopics = async (admin: Admin, topics: readonly string[], layout: TopicLayout): Promise<void> => {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: layout.partitions,
        replicationFactor: layout.replicationFactor,
        configEntries: [{ name: 'max.message.bytes', value: String(layout.maxMessageBytes ?? TWO_MIB) }],
      })),
    });
  } catch (error) {
    // Another replica may have created them between listTopics and createTopics.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
};
