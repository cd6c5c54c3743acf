// node -r ./tools/register.cjs tools/infra/cli.ts start | stop | status
//   start   starts Postgres and Kafka in the background (or finds them running) and returns;
//           they keep running for later test runs and `npm start` until `stop`.
//   stop    stops this checkout's servers (pid files and data under .data/), whoever started them.
//   status  says what is running.
import { startInfra } from './index';
import { kafkaStatus, stopKafka } from './kafka';
import { otherUsers, releaseKeptLease, takeHandedOver } from './lease';
import { postgresStatus, stopPostgres } from './postgres';

const log = (line: string) => console.log(line);

const commands: Record<string, () => Promise<void>> = {
  start: async () => {
    const infra = await startInfra({ log });
    infra.keepRunning();
    log(`DATABASE_URL=${infra.databaseUrl}`);
    log(`KAFKA_BROKERS=${infra.brokers.join(',')}`);
  },
  stop: async () => {
    releaseKeptLease();
    takeHandedOver();
    const users = otherUsers();
    if (users.length > 0) log(`note: still in use by ${users.join(', ')}; stopping anyway`);
    const startedAt = Date.now();
    await Promise.all([stopPostgres(), stopKafka()]);
    log(`stopped, ${Date.now() - startedAt} ms`);
  },
  status: async () => {
    const [postgres, kafka] = await Promise.all([postgresStatus(), kafkaStatus()]);
    log(`postgres: ${postgres}`);
    log(`kafka: ${kafka}`);
    const users = otherUsers();
    if (users.length > 0) log(`in use by ${users.join(', ')}`);
  },
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: node -r ./tools/register.cjs tools/infra/cli.ts start | stop | status');
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
