import type { FactoryProvider } from '@nestjs/common';
import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { EsdbEventStore } from '@alongside/platform/event-store-esdb';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { announcedAppends } from './announced-appends';
import { ensureDatabaseAndSchema } from './ensure-schema';
import { ensureServiceRole, serviceRolePassword } from './service-role';
import { eventStoreSettingsOf } from './event-store-settings';

/**
 * The configured event store: Postgres by default, EventStoreDB with EVENT_STORE=esdb. It announces
 * its appends to the relay and the projections of this process.
 */
export const eventStoreProvider = (
  upcasters?: UpcasterRegistry,
  options: Readonly<{ ownDatabaseRole?: boolean; env?: NodeJS.ProcessEnv }> = {},
): FactoryProvider<EventStore> => ({
  provide: EVENT_STORE,
  inject: [SERVICE_CONFIG],
  useFactory: async (config: ServiceConfig): Promise<EventStore> => {
    const settings = eventStoreSettingsOf(config, upcasters);
    if (settings.adapter === 'esdb') return announcedAppends(await EsdbEventStore.connect(settings.options));
    await ensureDatabaseAndSchema(config.databaseUrl, config.context);
    // Before the log's tables exist: the service role's default privileges then cover them.
    if (options.ownDatabaseRole) await ensureServiceRole(config.databaseUrl, config.context, serviceRolePassword(config.context, options.env ?? process.env));
    return announcedAppends(await PostgresEventStore.connect(settings.options));
  },
});
