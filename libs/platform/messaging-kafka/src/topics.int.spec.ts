import { testKafka, uniqueTopic } from '@alongside/platform/testing';
import { deadLetterTopic, ensureTopics } from './topics';

describe('Topics', () => {
  const kafka = testKafka('topics-test');

  it('are created once when a relay and consumers ask for them at the same moment', async () => {
    const topic = uniqueTopic('created-together');
    const wanted = [topic, deadLetterTopic(topic)];
    const admins = Array.from({ length: 4 }, () => kafka.admin());
    await Promise.all(admins.map((admin) => admin.connect()));
    try {
      await Promise.all(admins.map((admin) => ensureTopics(admin, wanted, { partitions: 3, replicationFactor: 1 })));
      const { topics } = await admins[0].fetchTopicMetadata({ topics: wanted });
      expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
      expect(topics.every((t) => t.partitions.every((p) => p.leader >= 0))).toBe(true);
    } finally {
      await Promise.all(admins.map((admin) => admin.disconnect()));
    }
  });

  it('leaves an existing topic as it is', async () => {
    const topic = uniqueTopic('already-there');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
      await ensureTopics(admin, [topic], { partitions: 6, replicationFactor: 1 });
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0].partitions).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
  });
});
