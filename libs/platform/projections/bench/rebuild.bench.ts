// Projection rebuild throughput (DESIGN §9: ≥ 50,000 events/s on a simple projection), beside the
// pace of reading the same log alone through the store. Run:
//   DATABASE_URL=<admin url> node -r ./tools/register.cjs libs/platform/projections/bench/rebuild.bench.ts [events]
// Prints one JSON line.
import { randomBytes } from 'node:crypto';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { Client } from 'pg';
import { eventsTableHead, readModelDataSource, seedParticipantLog } from '../src/fixtures/participant-log';
import { participantsV1 } from '../src/fixtures/participants-projection';
import { ProjectionRunner } from '../src/projection-runner';

const events = Number(process.argv[2] ?? 200_000);
const batchSize = Number(process.env.BATCH_SIZE ?? 5_000);
const readAhead = Number(process.env.READ_AHEAD ?? 2);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/postgres';
const silent = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

const main = async () => {
  const name = `bench_rebuild_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const store = await PostgresEventStore.connect({ connectionString: url.toString(), schema: 'enrolment' });
    await seedParticipantLog(store, events / 1_000, 1_000);
    await admin.query(`vacuum analyze`); // as a long-lived log would be

    let started = process.hrtime.bigint();
    for (let after = 0n; ; ) {
      const read = await store.readAll({ after, limit: batchSize });
      if (read.events.length === 0) break;
      after = read.position;
    }
    const readPerSecond = events / (Number(process.hrtime.bigint() - started) / 1e9);

    const dataSource = await readModelDataSource(url.toString(), 'outcomes');
    const runner = new ProjectionRunner({
      dataSource,
      store,
      logHead: eventsTableHead(dataSource, 'enrolment'),
      projections: [participantsV1],
      batchSize,
      readAhead,
      logger: silent,
    });
    started = process.hrtime.bigint();
    const head = await eventsTableHead(dataSource, 'enrolment')();
    await runner.start();
    while ((runner.progress()[0].position ?? 0n) < head) await new Promise((resolve) => setTimeout(resolve, 2));
    const rebuildPerSecond = events / (Number(process.hrtime.bigint() - started) / 1e9);
    await runner.stop();
    await dataSource.destroy();
    await store.close();
    console.log(
      JSON.stringify({
        case: 'projection-rebuild',
        events,
        batchSize,
        readAhead,
        rebuildEventsPerSecond: Math.round(rebuildPerSecond),
        readAllEventsPerSecond: Math.round(readPerSecond),
      }),
    );
  } catch (error) {
    console.error(error);
    process.exit(1);
  } finally {
    // pg's pool.end() resolves before its sockets have closed: let them, or the drop's FORCE kills them first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
