// A projection rebuild killed with SIGKILL, in a child process, against the real Postgres.
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import type { DataSource } from 'typeorm';
import { startChild, type Child } from './fixtures/child-process';
import { eventsTableHead, readModelDataSource, seedParticipantLog } from './fixtures/participant-log';
import { participantsV1 } from './fixtures/participants-projection';
import { ProjectionRunner } from './projection-runner';

const REBUILD = 'libs/platform/projections/src/fixtures/rebuild.process.ts';
const quiet = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

describe('Projection rebuild under failure', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let killed: DataSource;
  let reference: DataSource;
  const children: Child[] = [];

  const rebuildProcess = () => {
    const child = startChild(REBUILD, { DATABASE_URL: database.url, READ_SCHEMA: 'killed', BATCH_SIZE: '300' });
    children.push(child);
    return child;
  };
  const position = async (): Promise<bigint> => {
    const rows = await killed
      .query(`select position from killed.projection_checkpoints where projection = 'participants@1'`)
      .catch(() => []);
    return rows.length ? BigInt(rows[0].position) : 0n;
  };
  const contents = async (dataSource: DataSource, schema: string) => ({
    participants: await dataSource.query(`select * from "${schema}".participant_status_v1 order by participant_id`),
    admissions: await dataSource.query(`select * from "${schema}".admissions_by_site_v1 order by site_id`),
    checkpoint: await dataSource.query(`select position, status from "${schema}".projection_checkpoints`),
    active: await dataSource.query(`select name, version from "${schema}".active_projections`),
  });

  beforeAll(async () => {
    database = await createTestDatabase('rebuild_faults');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    await seedParticipantLog(store, 30, 400);
    killed = await readModelDataSource(database.url, 'killed');
    reference = await readModelDataSource(database.url, 'reference');
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    await killed?.destroy();
    await reference?.destroy();
    await store?.close();
    await database?.drop();
  });

  it('resumes from its checkpoint after SIGKILL and ends with the tables of an uninterrupted rebuild', async () => {
    const head = await eventsTableHead(killed, 'enrolment')();

    let killedAt = 0n;
    for (let kill = 1; kill <= 2; kill++) {
      const child = rebuildProcess();
      await waitFor(
        async () => {
          child.assertRunning();
          return (await position()) >= killedAt + 1_500n;
        },
        { what: `rebuild ${kill} to get going`, timeoutMs: 90_000, intervalMs: 5 },
      );
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      const now = await position();
      expect(now).toBeGreaterThan(killedAt);
      expect(now).toBeLessThan(head);
      killedAt = now;
    }
    const last = rebuildProcess();
    expect(await last.exited).toBe(0);

    const uninterrupted = new ProjectionRunner({
      dataSource: reference,
      store,
      logHead: eventsTableHead(reference, 'enrolment'),
      projections: [participantsV1],
      batchSize: 300,
      logger: quiet,
    });
    await uninterrupted.start();
    await waitFor(() => uninterrupted.progress()[0].position === head, { what: 'the uninterrupted rebuild', timeoutMs: 60_000 });
    await uninterrupted.stop();

    const resumed = await contents(killed, 'killed');
    expect(resumed.checkpoint).toEqual([{ position: head.toString(), status: 'live' }]);
    expect(resumed.participants).toHaveLength(30);
    expect(resumed).toEqual(await contents(reference, 'reference'));
  }, 240_000);
});
