import type { FactoryProvider } from '@nestjs/common';
import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { EsdbEventStore } from '@alongside/platform/event-store-esdb';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { ensureDatabaseAndSchema } from './ensure-schema';
import { eventStoreSettingsOf } from './event-store-settings';

/** The configured event store: Postgres by default, EventStoreDB with EVENT_STORE=esdb. */
export const eventStoreProvider = (upcasters?: UpcasterRegistry): FactoryProvider<EventStore> => ({
  provide: EVENT_STORE,
  inject: [SERVICE_CONFIG],
  useFactory: async (config: ServiceConfig): Promise<EventStore> => {
    const settings = eventStoreSettingsOf(config, upcasters);
    if (settings.adapter === 'esdb') return EsdbEventStore.connect(settings.options);
    await ensureDatabaseAndSchema(config.databaseUrl, config.context);
    return PostgresEventStore.connect(settings.options);
  },
});
