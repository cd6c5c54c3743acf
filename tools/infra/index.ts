// Starts the project's real infrastructure (Postgres and Kafka) side by side, or finds it already
// running, or takes it from the environment. Used by `npm start`, the jest global setup and the CLI.
import { startKafka, stopKafka, type KafkaServer } from './kafka';
import { handOver, keepRunning, otherUsers, releaseLease, takeHandedOver, takeLease } from './lease';
import { startPostgres, stopPostgres, type PostgresServer } from './postgres';
import { type Log, type ServerOrigin, silent } from './server';

export { kafkaVersion, startKafka, stopKafka, type KafkaServer } from './kafka';
export { startPostgres, stopPostgres, type PostgresServer } from './postgres';
export type { Log, ServerOrigin } from './server';

export type Infra = {
  /** Admin URL of the Postgres server (database `postgres`). */
  databaseUrl: string;
  brokers: string[];
  postgres: PostgresServer;
  kafka: KafkaServer;
  /** Stops what this process started, or what was handed over to it, unless others still use it (lease.ts). */
  stop(): Promise<void>;
  /** Leaves everything running for later runs until CLI `stop` (what CLI `start` does). */
  keepRunning(): void;
};

const summary = (origin: ServerOrigin, where: string, variable: string, ms: number): string =>
  origin === 'env' ? `from ${variable}` : `${origin} on ${where}, ${ms} ms`;

const timed = async <T>(start: () => Promise<T>): Promise<{ server: T; ms: number }> => {
  const startedAt = Date.now();
  const server = await start();
  return { server, ms: Date.now() - startedAt };
};

const stoppers: Record<string, () => Promise<void>> = { postgres: stopPostgres, kafka: stopKafka };

export const startInfra = async ({ log = silent }: { log?: Log } = {}): Promise<Infra> => {
  // Before starting: a run that leaves meanwhile must see that we are about to use its servers.
  takeLease();
  const [pg, kafka] = await Promise.allSettled([
    timed(() => startPostgres({ log })),
    timed(() => startKafka({ log })),
  ]);
  if (pg.status === 'rejected' || kafka.status === 'rejected') {
    // Do not leave half the infrastructure running behind a failed start.
    await Promise.all(
      [pg, kafka].map((result) => (result.status === 'fulfilled' ? result.value.server.stop() : undefined)),
    );
    releaseLease();
    throw pg.status === 'rejected' ? pg.reason : (kafka as PromiseRejectedResult).reason;
  }
  const postgres = pg.value.server;
  const broker = kafka.value.server;
  log(`postgres: ${summary(postgres.origin, new URL(postgres.url).host, 'DATABASE_URL', pg.value.ms)}`);
  log(`kafka: ${summary(broker.origin, broker.brokers.join(','), 'KAFKA_BROKERS', kafka.value.ms)}`);

  return {
    databaseUrl: postgres.url,
    brokers: broker.brokers,
    postgres,
    kafka: broker,
    stop: async () => {
      releaseLease();
      const started = [postgres.external ? [] : ['postgres'], broker.external ? [] : ['kafka']].flat();
      const others = otherUsers();
      if (others.length > 0) {
        if (started.length > 0) {
          handOver(started);
          log(`infra: left ${started.join(' and ')} running for ${others.join(', ')}`);
        }
        return;
      }
      const toStop = [...new Set([...started, ...takeHandedOver()])];
      if (toStop.length === 0) return;
      const startedAt = Date.now();
      await Promise.all(toStop.map((name) => stoppers[name]()));
      log(`infra: stopped ${toStop.join(' and ')}, ${Date.now() - startedAt} ms`);
    },
    keepRunning,
  };
};
