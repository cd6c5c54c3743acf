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
 * Returns once every topic has a leader for each partition, so a consumer may subscribe at once.
 *
 * The relay and a service's consumers create the same topics as they start; the broker then
 * answers one of them "already exists" or, for a moment, "unknown topic", so those are retried.
 */
export const ensureTopics = async (admin: Admin, topics: readonly string[], layout: TopicLayout): Promise<void> => {
  const wanted = [...new Set(topics)];
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: layout.partitions,
            replicationFactor: layout.replicationFactor,
            configEntries: [{ name: 'max.message.bytes', value: String(layout.maxMessageBytes ?? TWO_MIB) }],
          })),
        });
      }
      await waitForLeaders(admin, wanted);
      return;
    } catch (error) {
      if (attempt >= 8 || !isCreationRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
};

const RACE_ERRORS = new Set(['TOPIC_ALREADY_EXISTS', 'UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NO_LEADER']);

const isCreationRace = (error: unknown): boolean => {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  if (Array.isArray(errors)) return errors.every((e) => RACE_ERRORS.has(e.type ?? ''));
  return RACE_ERRORS.has(type ?? '');
};

class NoLeaderYet extends Error {
  readonly type = 'NO_LEADER';
}

const waitForLeaders = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
  const leaderless = metadata.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
  if (leaderless.length > 0) throw new NoLeaderYet(`no leader yet for ${leaderless.map((t) => t.name).join(', ')}`);
};
