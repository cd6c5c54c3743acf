import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import type { EsdbEventStoreOptions } from '@alongside/platform/event-store-esdb';
import type { PostgresEventStoreOptions } from '@alongside/platform/event-store-postgres';
import type { ServiceConfig } from '../config/service-config';

/** Which adapter a service connects to, and with what: decided from its configuration alone. */
export type EventStoreSettings =
  | Readonly<{ adapter: 'esdb'; options: EsdbEventStoreOptions }>
  | Readonly<{ adapter: 'postgres'; options: PostgresEventStoreOptions }>;

/**
 * Both adapters are scoped to the service's context: Postgres by its schema, EventStoreDB by the
 * stream prefix. Without the context an EventStoreDB-backed relay or projection would follow every
 * service's streams in the cluster, not just its own.
 */
export const eventStoreSettingsOf = (config: ServiceConfig, upcasters?: UpcasterRegistry): EventStoreSettings =>
  config.eventStore === 'esdb'
    ? { adapter: 'esdb', options: { connectionString: config.eventStoreUrl!, upcasters, context: config.context } }
    : { adapter: 'postgres', options: { connectionString: config.databaseUrl, schema: config.context, upcasters } };
