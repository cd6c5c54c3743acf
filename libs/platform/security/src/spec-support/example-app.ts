import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@alongside/platform/event-store';
import { EVENT_STORE } from '@alongside/platform/event-store';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { mintDevToken, SecurityModule, type DevTokenClaims, type DevTokenOptions } from '../index';
import { EXAMPLE_CONTEXT, ExampleRegistryModule } from './example-registry.module';

export const EXAMPLE_SECRET = 'example-service-spec-secret-0123456789abc';

export const mintExampleToken = (claims: DevTokenClaims, options: DevTokenOptions = {}) =>
  mintDevToken(claims, { secret: EXAMPLE_SECRET, ...options });

export type ExampleApp = Readonly<{ app: INestApplication; store: EventStore; close: () => Promise<void> }>;

/** The example service on a test database, wired as the service runtime wires a real one. */
export const startExampleApp = async (databaseUrl: string): Promise<ExampleApp> => {
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema: EXAMPLE_CONTEXT });

  // As the service runtime does: the store is global, every module of the service may inject it.
  @Global()
  @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
  class StoreModule {}

  @Module({
    imports: [
      StoreModule,
      SecurityModule.forRoot({
        context: EXAMPLE_CONTEXT,
        jwt: { kind: 'secret', secret: new TextEncoder().encode(EXAMPLE_SECRET), issuer: 'alongside', audience: 'alongside', clockToleranceSeconds: 0 },
        throttle: false,
        pii: { connectionString: databaseUrl, schema: EXAMPLE_CONTEXT },
      }),
      ExampleRegistryModule,
    ],
  })
  class ExampleServiceApp {}

  const app = await NestFactory.create(ExampleServiceApp, { logger: ['error'], abortOnError: false });
  await app.init();
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
};
