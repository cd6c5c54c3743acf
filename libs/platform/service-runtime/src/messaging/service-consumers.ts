import type { DynamicModule, InjectionToken, ModuleMetadata } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import {
  EventConsumersModule,
  jsonSchemaChecks,
  type EventConsumerOptions,
  type EventHandler,
} from '@alongside/platform/messaging-kafka';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { METRICS_REGISTRY } from '../metrics/metrics.registry';
import { serviceKafka, underPrefix } from './service-kafka';

/** What a service hears from another: whose events, which of them, and what it does with each. */
export type HeardEvents = Readonly<{
  /** `<hearer>.<source>`: the consumer group and the inbox's consumer column. */
  name: string;
  clientId: string;
  /** The publishing service, whose `<source>.events` topic is read. */
  source: string;
  productionTopic: string;
  handlers: Readonly<Record<string, EventHandler>>;
  /** The event types heard, checked against the publisher's JSON schemas. */
  heard: readonly string[];
  schemas: Readonly<Record<string, object>>;
  upcasters: UpcasterRegistry;
}>;

export type ServiceConsumersOptions = Readonly<{
  /** `alongside` in production; a test's own otherwise. */
  topicPrefix: string;
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** Receives the `inject` tokens' values, in order. */
  hears: (...dependencies: never[]) => readonly HeardEvents[];
}>;

const consumerOf = (
  config: ServiceConfig,
  metrics: Registry,
  prefix: string,
  heard: HeardEvents,
): EventConsumerOptions => ({
  name: underPrefix(prefix, heard.name),
  kafka: serviceKafka(config, heard.clientId),
  topics: [underPrefix(prefix, `${heard.source}.events`, heard.productionTopic)],
  handlers: heard.handlers,
  schemas: jsonSchemaChecks(Object.fromEntries(heard.heard.map((type) => [type, heard.schemas[type]]))),
  upcasters: heard.upcasters,
  connection: { connectionString: config.databaseUrl },
  schema: config.context,
  metrics,
});

/**
 * A service's consumers of other services' events, with their inbox in its own schema and their
 * metrics on its /metrics.
 */
export const serviceConsumers = ({
  topicPrefix,
  imports,
  inject = [],
  hears,
}: ServiceConsumersOptions): DynamicModule =>
  EventConsumersModule.forRootAsync({
    imports,
    inject: [SERVICE_CONFIG, METRICS_REGISTRY, ...inject],
    useFactory: (config: ServiceConfig, metrics: Registry, ...dependencies: never[]) =>
      hears(...dependencies).map((heard) => consumerOf(config, metrics, topicPrefix, heard)),
  });
