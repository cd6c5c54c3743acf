// A kafkajs client for the test broker.
import { Kafka, logLevel } from 'kafkajs';
import { testBrokers } from './test-servers';

// kafkajs logs retried, harmless errors (a rebalance in progress, a coordinator still loading) at
// ERROR; tests assert on outcomes instead. ALONGSIDE_TEST_KAFKA_LOG=warn|info|debug to see them.
const level = (): logLevel => {
  switch (process.env.ALONGSIDE_TEST_KAFKA_LOG) {
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'info':
      return logLevel.INFO;
    case 'debug':
      return logLevel.DEBUG;
    default:
      return logLevel.NOTHING;
  }
};

export const testKafka = (clientId: string): Kafka =>
  new Kafka({ clientId, brokers: testBrokers(), logLevel: level() });
