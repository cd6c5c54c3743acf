// Where the test servers are. tools/jest/global-setup.ts starts (or finds) them once per jest run and
// hands their addresses to every worker through these two environment variables.

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Run tests through jest (its global setup starts Postgres and Kafka), ` +
        'or set it to a running server.',
    );
  }
  return value;
};

/** A Postgres URL allowed to CREATE DATABASE; fixtures create one database per test file from it. */
export const testDatabaseAdminUrl = (): string => required('ALONGSIDE_TEST_DATABASE_URL');

export const testBrokers = (): string[] =>
  required('KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
