// Fixtures for integration tests against the real Postgres and Kafka the jest global setup starts.
export { createTestDatabase, dropTestDatabase, type TestDatabase } from './test-database';
export { createdAt, testDatabaseName, testPrefix, testTopicName } from './test-names';
export { testBrokers, testDatabaseAdminUrl } from './test-servers';
export { testKafka } from './test-kafka';
export { uniqueTopic } from './unique-topic';
export { waitFor, type WaitForOptions } from './wait-for';
export { ensureDebianPackage } from './debian-package';
