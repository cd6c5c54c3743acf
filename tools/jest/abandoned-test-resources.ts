// Test files drop their databases, but a run that is killed (Ctrl-C, a crash) cannot, and nothing
// deletes test topics. Each run clears what older runs left on the local servers, so .data/ does not
// grow forever and the broker does not slow down under thousands of dead topics. Only old things go:
// a parallel jest run's fresh databases and topics are left alone.
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createdAt, dropTestDatabase, testPrefix } from '../../libs/platform/testing/src/index';

const isAbandoned = (name: string, olderThan: Date): boolean => {
  const created = createdAt(name);
  return created !== undefined && created < olderThan;
};

export const dropAbandonedTestDatabases = async (adminUrl: string, olderThan: Date): Promise<number> => {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${testPrefix}\\_%`],
    );
    names = rows.map((row) => row.datname).filter((name) => isAbandoned(name, olderThan));
  } finally {
    await client.end();
  }
  for (const name of names) await dropTestDatabase(name, adminUrl);
  return names.length;
};

export const deleteAbandonedTestTopics = async (brokers: string[], olderThan: Date): Promise<number> => {
  const admin = new Kafka({ clientId: 'alongside-test-sweep', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(`${testPrefix}.`) && isAbandoned(topic, olderThan),
    );
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    return topics.length;
  } finally {
    await admin.disconnect();
  }
};
