import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UpcasterRegistry } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { SecurityModule, SiteScopeMiddleware, throttleFromEnv } from '@alongside/platform/security';
import { readServiceConfig, SERVICE_CONFIG } from './config/service-config';
import type { ServiceContext } from './config/service-context';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness-checks';
import { serviceLoggerModule } from './logging/logger.module';
import { MetricsController } from './metrics/metrics.controller';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics/metrics.registry';
import { RequestDurationMiddleware } from './metrics/request-duration.middleware';
import { ensureDatabaseAndSchema } from './storage/ensure-schema';
import { eventStoreProvider } from './storage/event-store.provider';
import { ensureServiceRole, serviceRolePassword } from './storage/service-role';
import { scopeConnectionsBySite } from './storage/site-scoped-connections';

export type ServiceRuntimeOptions = Readonly<{
  context: ServiceContext;
  /** The context's schema versions and upcasters, applied on every read of its log. */
  upcasters?: UpcasterRegistry;
  /** Overrides of the environment, for tests that start several apps in one process. */
  env?: NodeJS.ProcessEnv;
  /**
   * Runs TypeORM (the read models and everything the routes query) as the service's own
   * non-superuser role, with each connection scoped to the sites of the work using it, so the
   * row-level site walls of the read models bind the service (DESIGN §7). Off by default until a
   * service's background readers are known to declare `siteScope.allSites`.
   */
  ownDatabaseRole?: boolean;
}>;

/**
 * What every Alongside service has, whatever its domain: configuration, JSON logs, health,
 * metrics, the event store, TypeORM on the service's own schema, the CQRS bus and the security
 * edge (JWT, roles, site scoping, validation, problem+json, rate limits).
 */
@Global()
@Module({})
export class ServiceRuntimeModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    const config = readServiceConfig(options.context, options.env ?? process.env);
    return {
      module: ServiceRuntimeModule,
      imports: [
        serviceLoggerModule(config),
        TerminusModule,
        CqrsModule.forRoot(),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabaseAndSchema(config.databaseUrl, config.context);
            const url = options.ownDatabaseRole
              ? await ensureServiceRole(config.databaseUrl, config.context, serviceRolePassword(config.context, options.env ?? process.env))
              : config.databaseUrl;
            return {
              type: 'postgres' as const,
              url,
              schema: config.context,
              autoLoadEntities: true,
              synchronize: (options.env ?? process.env).TYPEORM_SYNCHRONIZE !== 'false',
              extra: { max: 10 },
            };
          },
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM gave no options to build the DataSource from');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            return options.ownDatabaseRole ? scopeConnectionsBySite(dataSource) : dataSource;
          },
        }),
        // The service's own environment, not the process's: several services in one process each have theirs.
        SecurityModule.forRoot({ context: config.context, throttle: throttleFromEnv(options.env ?? process.env) }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(config.context) },
        ReadinessChecks,
        eventStoreProvider(options.upcasters, options),
      ],
      exports: [SERVICE_CONFIG, METRICS_REGISTRY, ReadinessChecks, EVENT_STORE, TerminusModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SiteScopeMiddleware, RequestDurationMiddleware).forRoutes('*path');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
