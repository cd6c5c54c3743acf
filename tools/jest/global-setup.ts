// Once per jest run: start the real Postgres and Kafka (or reuse running ones, or take DATABASE_URL
// / KAFKA_BROKERS), and tell every worker where they are. Workers are forked after this returns, so
// they inherit the environment set here.
import { type Infra, startInfra } from '../infra/index';
import { deleteAbandonedTestTopics, dropAbandonedTestDatabases } from './abandoned-test-resources';
import { runningInfra } from './running-infra';

// Longer than any test run, so a parallel run's live databases and topics are never touched.
const abandonedAfterMs = 6 * 60 * 60 * 1000;

const log = (line: string) => process.stdout.write(`[infra] ${line}\n`);

export default async function globalSetup(): Promise<void> {
  const infra = await startInfra({ log });
  runningInfra.set(infra);

  process.env.ALONGSIDE_TEST_DATABASE_URL = infra.databaseUrl;
  process.env.KAFKA_BROKERS = infra.brokers.join(',');
  // kafkajs 2 warns about its partitioner change in every process that creates a producer.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

  await clearAbandonedResources(infra);
}

/** Only on our own servers: a server from the environment may be shared with other machines. */
const clearAbandonedResources = async (infra: Infra): Promise<void> => {
  const olderThan = new Date(Date.now() - abandonedAfterMs);
  try {
    const [databases, topics] = await Promise.all([
      infra.postgres.origin === 'env' ? 0 : dropAbandonedTestDatabases(infra.databaseUrl, olderThan),
      infra.kafka.origin === 'env' ? 0 : deleteAbandonedTestTopics(infra.brokers, olderThan),
    ]);
    if (databases + topics > 0)
      log(`cleared ${databases} databases and ${topics} topics left by earlier runs`);
  } catch (error) {
    // Housekeeping must not fail the run.
    log(`could not clear earlier runs' leftovers: ${error instanceof Error ? error.message : String(error)}`);
  }
};
