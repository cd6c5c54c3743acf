import { Kafka, logLevel } from 'kafkajs';
import type { ServiceConfig } from '../config/service-config';

/** A Kafka client of this service, on its configured brokers; each relay or consumer names its own. */
export const serviceKafka = (config: ServiceConfig, clientId: string): Kafka =>
  new Kafka({ clientId, brokers: config.kafkaBrokers, logLevel: logLevel.WARN });

/**
 * A topic or consumer group under the topic prefix: its production name under `alongside`, a
 * test's own otherwise (kafkajs assigns a group's partitions as if every member subscribed to the
 * same topics, so a test's group must be its own too).
 */
export const underPrefix = (prefix: string, name: string, production = name): string =>
  prefix === 'alongside' ? production : `${prefix}.${name}`;
