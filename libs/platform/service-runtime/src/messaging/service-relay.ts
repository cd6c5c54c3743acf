import type { DynamicModule } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { KafkaRelayModule } from '@alongside/platform/messaging-kafka';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { METRICS_REGISTRY } from '../metrics/metrics.registry';
import { eventLogHead } from '../storage/event-log-head';
import { serviceKafka } from './service-kafka';

export type ServiceRelayOptions = Readonly<{
  /** The Kafka client id, `<service>-relay`. */
  clientId: string;
  /** `alongside` in production; a test's own otherwise. */
  topicPrefix: string;
  /** How long to wait when the log is quiet before reading again (the relay's default otherwise). */
  idleMs?: number;
}>;

/**
 * The relay of a service's own log to `<prefix>.<service>.events`: its schema, its events, lag
 * measured against its log's head, and its metrics on the service's /metrics.
 */
export const serviceRelay = ({ clientId, topicPrefix, idleMs }: ServiceRelayOptions): DynamicModule =>
  KafkaRelayModule.forRootAsync({
    inject: [SERVICE_CONFIG, EVENT_STORE, DataSource, METRICS_REGISTRY],
    useFactory: (config: ServiceConfig, store: EventStore, dataSource: DataSource, metrics: Registry) => ({
      name: config.context,
      store,
      logHead: eventLogHead(dataSource, config.context),
      connection: { connectionString: config.databaseUrl },
      schema: config.context,
      kafka: serviceKafka(config, clientId),
      contexts: [config.context],
      topicPrefix,
      ...(idleMs === undefined ? {} : { idleMs }),
      metrics,
    }),
  });
