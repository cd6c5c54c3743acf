import { DEFAULT_PORTS, type ServiceContext } from './service-context';

/** Everything a service reads from its environment, read once, in one place (README lists each). */
export type ServiceConfig = Readonly<{
  context: ServiceContext;
  host: string;
  port: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  eventStore: 'postgres' | 'esdb';
  eventStoreUrl: string | undefined;
  logLevel: string;
}>;

export const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/alongside';
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:19092';

export const readServiceConfig = (
  context: ServiceContext,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig => {
  const eventStore = env.EVENT_STORE ?? 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'esdb') {
    throw new Error(`EVENT_STORE must be "postgres" or "esdb", not "${eventStore}"`);
  }
  if (eventStore === 'esdb' && !env.EVENTSTORE_URL) {
    throw new Error('EVENT_STORE=esdb needs EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false)');
  }
  return {
    context,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? DEFAULT_PORTS[context]),
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    kafkaBrokers: (env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS).split(',').map((b) => b.trim()),
    eventStore,
    eventStoreUrl: env.EVENTSTORE_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
};

/** Nest injection token for the service's configuration. */
export const SERVICE_CONFIG = Symbol.for('alongside.ServiceConfig');
