import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ActiveProjections } from './active-projections';
import { eventsTableHead, readModelDataSource, seedParticipantLog } from './fixtures/participant-log';
import { participantsV1, participantsV2 } from './fixtures/participants-projection';
import { Entity, PrimaryColumn } from 'typeorm';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

const quiet = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

describe('Projection runner', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let head: () => Promise<bigint>;
  let base: Omit<ProjectionRunnerOptions, 'projections'>;
  const metrics = new Registry();
  const running: ProjectionRunner[] = [];

  const run = async (options: Partial<ProjectionRunnerOptions> & Pick<ProjectionRunnerOptions, 'projections'>) => {
    const runner = new ProjectionRunner({ ...base, ...options });
    running.push(runner);
    await runner.start();
    return runner;
  };
  const checkpoint = async (key: string) => {
    const rows = await dataSource.query(`select position, status from outcomes.projection_checkpoints where projection = $1`, [key]);
    return { position: BigInt(rows[0].position), status: rows[0].status as string };
  };

  beforeAll(async () => {
    database = await createTestDatabase('projections');
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: 'enrolment' });
    dataSource = await readModelDataSource(database.url, 'outcomes');
    head = eventsTableHead(dataSource, 'enrolment');
    base = { dataSource, store, logHead: head, batchSize: 250, idleMs: 20, metrics, logger: quiet };
    await seedParticipantLog(store, 30, 37);
  });

  afterAll(async () => {
    await Promise.all(running.map((runner) => runner.stop()));
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  describe('a first version', () => {
    let v1: ProjectionRunner;

    beforeAll(async () => {
      v1 = await run({ projections: [participantsV1] });
      await v1.caughtUp();
    });

    it('rebuilds from the whole log, then becomes the version readers use', async () => {
      // "Caught up" is as far as the log can be read: a transaction open elsewhere in the cluster
      // (another test's) holds back what readAll returns for a moment.
      const target = await head();
      await waitFor(async () => (await checkpoint('participants@1')).position === target, { what: 'the whole log' });
      expect(await checkpoint('participants@1')).toEqual({ position: target, status: 'live' });
      const rows = await dataSource.query('select site_id, status, events from outcomes.participant_status_v1');
      expect(rows).toHaveLength(30);
      // 37 events per participant: the 37th (n = 36) is the second step of the five-step cycle, Enrolled.
      expect(rows.every((r: { events: number; status: string }) => r.events === 37 && r.status === 'Enrolled')).toBe(true);
      const admissions = await dataSource.query('select sum(admissions)::int as total from outcomes.admissions_by_site_v1');
      expect(admissions[0].total).toBe(30 * 15); // Enrolled and Readmitted: 8 + 7 of each participant's 37

      // Planned and read like any table from the start: analysed and vacuumed before it went live.
      const prepared = await dataSource.query(
        "select relname, last_vacuum is not null vacuumed, last_analyze is not null analysed from pg_stat_user_tables where schemaname = 'outcomes' and relname like '%\\_v1' order by 1",
      );
      expect(prepared).toEqual(['admissions_by_site_v1', 'participant_status_v1'].map((relname) => ({ relname, vacuumed: true, analysed: true })));

      const readers = new ActiveProjections(dataSource);
      expect(await readers.version('participants')).toBe(1);
      expect(await readers.table('participants', 'participant_status')).toBe('"outcomes"."participant_status_v1"');
    });

    it('keeps up as the log grows, moving rows and checkpoint together', async () => {
      await seedParticipantLog(store, 2, 5);
      const target = await head();
      await waitFor(async () => (await checkpoint('participants@1')).position === target, { what: 'the new events' });
      const rows = await dataSource.query('select count(*)::int as n from outcomes.participant_status_v1');
      expect(rows[0].n).toBe(32);
    });

    it('says it is ready and how far behind it is', async () => {
      await waitFor(() => v1.progress()[0].lag === 0n, { what: 'lag 0' });
      expect(v1.readiness()).toEqual({
        up: true,
        details: {
          participants: {
            activeVersion: 1,
            versions: [{ version: 1, state: 'live', position: (await head()).toString(), lag: '0' }],
          },
        },
      });
      const position = await metrics.getSingleMetric('alongside_projection_position')!.get();
      expect(position.values).toContainEqual(expect.objectContaining({ labels: { projection: 'participants@1' }, value: Number(await head()) }));
    });
  });

  describe('a new version', () => {
    it('rebuilds beside the live one, takes over when caught up, and the old one retires', async () => {
      const readers = new ActiveProjections(dataSource);
      const v2 = await run({ projections: [participantsV2], batchSize: 50 });
      let sawRebuildingBesideLive = false;
      await waitFor(async () => {
        const [progress] = v2.progress();
        if (progress.state === 'rebuilding' && progress.position !== null && progress.position > 0n) {
          sawRebuildingBesideLive ||= (await new ActiveProjections(dataSource).version('participants')) === 1;
        }
        return progress.state === 'live';
      }, { what: 'v2 to take over', intervalMs: 5 });
      expect(sawRebuildingBesideLive).toBe(true);

      await new Promise((resolve) => setTimeout(resolve, 1_100)); // readers remember the active version for a second
      expect(await readers.table('participants', 'participant_status')).toBe('"outcomes"."participant_status_v2"');
      const discharged = await dataSource.query('select count(*)::int as n from outcomes.participant_status_v2 where discharged');
      expect(discharged[0].n).toBe(0);
      await waitFor(async () => (await checkpoint('participants@1')).status === 'retired', { what: 'v1 to retire' });
      expect(running[0].progress()[0]).toMatchObject({ state: 'retired', active: false });
    });

    it('never goes back to an older version once a newer one is active', async () => {
      const again = await run({ projections: [participantsV1] });
      await again.caughtUp();
      expect(again.progress()[0]).toMatchObject({ state: 'retired' });
      expect(await new ActiveProjections(dataSource).version('participants')).toBe(2);
    });
  });

  describe('a misdeclared projection', () => {
    it('refuses to start when a table does not carry its version', async () => {
      const runner = new ProjectionRunner({ ...base, projections: [{ ...participantsV2, version: 3 }] });
      await expect(runner.start()).rejects.toThrow('participants@3: table participant_status_v2 must end in _v3');
    });

    it('refuses to start when its entities are not registered with the DataSource', async () => {
      @Entity('participant_notes_v1')
      class ParticipantNotesV1 {
        @PrimaryColumn('uuid') id!: string;
      }
      const runner = new ProjectionRunner({ ...base, projections: [{ ...participantsV1, name: 'notes', entities: [ParticipantNotesV1] }] });
      await expect(runner.start()).rejects.toThrow("notes@1: ParticipantNotesV1 is not one of the DataSource's entities");
    });
  });
});
