import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client, type PoolClient } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { siteId, streamName, type RecordedEvent, type SiteId } from '@alongside/platform/event-sourcing';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { ProjectionRunner, versionedTable, type Projection } from '@alongside/platform/projections';
import { SITE_WALL_POLICY, siteScope } from '@alongside/platform/security';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { ensureServiceRole, serviceRoleName, serviceRolePassword } from './service-role';
import { scopeConnectionsBySite } from './site-scoped-connections';

// The second wall between sites (DESIGN §7), proved as the outcomes service's own role: a
// projection writes every site's rows, then plain SQL with no site filter at all is run under
// each scope. Only the database's row-level security stands between the sites here.

@Entity(versionedTable('site_note', 1))
class SiteNoteV1 {
  @PrimaryColumn('text', { name: 'site_id' }) siteId!: string;
  @PrimaryColumn('uuid', { name: 'note_id' }) noteId!: string;
  @Column('text') body!: string;
}

const siteNotes: Projection = {
  name: 'site-notes',
  version: 1,
  entities: [SiteNoteV1],
  handles: ['NoteWritten'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      const { noteId, body } = event.data as { noteId: string; body: string };
      await tx.query(`insert into outcomes.site_note_v1 values ($1, $2, $3) on conflict do nothing`, [event.metadata.siteId, noteId, body]);
    }
  },
};

const CONTEXT = 'outcomes';
const ROLE = serviceRoleName(CONTEXT);
const NOTES: Record<string, number> = { north: 3, south: 2, east: 1 };
const quiet = { info: () => undefined, warn: () => undefined, error: console.error, debug: () => undefined };

describe('The site wall, as the service’s own role', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let serviceUrl: string;
  let dataSource: DataSource;
  let runner: ProjectionRunner;
  const clients: Client[] = [];

  const connectAsService = async (): Promise<Client> => {
    const client = new Client({ connectionString: serviceUrl });
    await client.connect();
    clients.push(client);
    return client;
  };
  const scoped = async (setting: string | null) => {
    const client = await connectAsService();
    if (setting !== null) await client.query(`select set_config('alongside.site_ids', $1, false)`, [setting]);
    return client;
  };
  const sitesOf = (rows: { site_id: string }[]) => [...new Set(rows.map((row) => row.site_id))].sort();

  beforeAll(async () => {
    database = await createTestDatabase('site-wall');
    // Made by the superuser before the role existed, as on a machine that ran an earlier version.
    const before = new Client({ connectionString: database.url });
    await before.connect();
    await before.query(`create schema outcomes; create table outcomes.site_note_v1 (site_id text, note_id uuid, body text not null, primary key (site_id, note_id))`);
    // An older version's wall that lets everything through: permissive policies are OR-ed, so the
    // table shows every site until it goes.
    await before.query(`alter table outcomes.site_note_v1 enable row level security; create policy site_wall_v2 on outcomes.site_note_v1 using (true)`);
    await before.end();
    serviceUrl = await ensureServiceRole(database.url, CONTEXT, serviceRolePassword(CONTEXT));
    store = await PostgresEventStore.connect({ connectionString: database.url, schema: CONTEXT });
    for (const [site, count] of Object.entries(NOTES)) {
      for (let n = 0; n < count; n++) {
        const noteId = randomUUID();
        await store.appendToStream(streamName(CONTEXT, 'note', siteId(site), noteId), [{
          id: randomUUID(),
          type: 'NoteWritten',
          data: { noteId, body: `${site} note ${n}` },
          metadata: { siteId: siteId(site), schemaVersion: 1, correlationId: randomUUID(), causationId: randomUUID(), actor: { sub: 'clinician-1', role: 'clinician' }, occurredAt: '2026-03-01T09:00:00.000Z' },
        }], { expectedVersion: 'no_stream' });
      }
    }
    dataSource = scopeConnectionsBySite(await new DataSource({ type: 'postgres', url: serviceUrl, schema: CONTEXT, entities: [SiteNoteV1], extra: { max: 2 } }).initialize());
    runner = new ProjectionRunner({
      dataSource,
      store,
      logHead: async () => BigInt((await dataSource.query(`select coalesce(max(global_position), 0)::text as head from outcomes.events`))[0].head),
      projections: [siteNotes],
      idleMs: 20,
      logger: quiet,
    });
    await runner.start();
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    clients.push(admin);
    // The rows exist (a superuser passes the wall): what the service cannot see below is hidden, not missing.
    await waitFor(async () => Number((await admin.query('select count(*)::int as n from outcomes.site_note_v1')).rows[0].n) === 6, { what: 'the projection to write every site' });
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  it('connects as a role that is neither superuser nor exempt from row-level security, and owns the table the superuser made', async () => {
    const client = await connectAsService();
    const { rows: [me] } = await client.query(
      `select current_user as name, r.rolsuper as super, r.rolbypassrls as bypass, t.tableowner as owner
         from pg_roles r, pg_tables t where r.rolname = current_user and t.schemaname = 'outcomes' and t.tablename = 'site_note_v1'`,
    );
    expect(me).toEqual({ name: ROLE, super: false, bypass: false, owner: ROLE });
    const { rows: [table] } = await client.query(`select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'outcomes.site_note_v1'::regclass`);
    expect(table).toEqual({ enabled: true, forced: true });
  });

  it("replaces an older version's wall with its own, and vacuums the rebuilt table through the scoped connections", async () => {
    const client = await connectAsService();
    const policies = await client.query(`select policyname from pg_policies where schemaname = 'outcomes' and tablename = 'site_note_v1'`);
    expect(policies.rows).toEqual([{ policyname: SITE_WALL_POLICY }]);
    const { rows: [upkeep] } = await client.query(
      `select last_vacuum is not null as vacuumed, last_analyze is not null as analysed from pg_stat_user_tables where schemaname = 'outcomes' and relname = 'site_note_v1'`,
    );
    expect(upkeep).toEqual({ vacuumed: true, analysed: true });
  });

  it('shows no row of any site to a query without the setting', async () => {
    const client = await scoped(null);
    expect((await client.query('select * from outcomes.site_note_v1')).rows).toEqual([]);
    const empty = await scoped('');
    expect((await empty.query('select * from outcomes.site_note_v1')).rows).toEqual([]);
  });

  it("shows site A's rows under A's setting and never B's, even with B asked for by name", async () => {
    const client = await scoped('north');
    const { rows } = await client.query<{ site_id: string }>('select site_id from outcomes.site_note_v1');
    expect(rows).toHaveLength(NOTES.north);
    expect(sitesOf(rows)).toEqual(['north']);
    expect((await client.query(`select * from outcomes.site_note_v1 where site_id = 'south'`)).rows).toEqual([]);
  });

  it("refuses to insert another site's rows, and to move or change them", async () => {
    const client = await scoped('north');
    await expect(client.query(`insert into outcomes.site_note_v1 values ('south', $1, 'planted')`, [randomUUID()])).rejects.toMatchObject({ code: '42501' });
    await expect(client.query(`update outcomes.site_note_v1 set site_id = 'south' where site_id = 'north'`)).rejects.toMatchObject({ code: '42501' });
    expect((await client.query(`update outcomes.site_note_v1 set body = 'changed' where site_id = 'south'`)).rowCount).toBe(0);
    expect((await client.query(`delete from outcomes.site_note_v1 where site_id = 'south'`)).rowCount).toBe(0);
    const own = await client.query(`insert into outcomes.site_note_v1 values ('north', $1, 'own') returning site_id`, [randomUUID()]);
    expect(own.rows).toEqual([{ site_id: 'north' }]);
    await client.query(`delete from outcomes.site_note_v1 where body = 'own'`);
  });

  it("gives the DataSource's connections the scope of the work that borrows them, and nothing outside one", async () => {
    const all = 'select site_id from outcomes.site_note_v1';
    expect(sitesOf(await siteScope.run(['south' as SiteId], () => dataSource.query(all)))).toEqual(['south']);
    // The same pooled connections, next borrowed outside any scope: the last borrower's sites are gone.
    expect(await dataSource.query(all)).toEqual([]);
    expect(await siteScope.openRequest(() => dataSource.query(all))).toEqual([]);
    expect(sitesOf(await siteScope.allSites(() => dataSource.query(all)))).toEqual(['east', 'north', 'south']);
    const inTransaction = await siteScope.run(['east' as SiteId], () => dataSource.transaction((tx) => tx.query(all)));
    expect(sitesOf(inTransaction)).toEqual(['east']);
  });

  it('keeps the scope through a nested transaction rolled back to its savepoint', async () => {
    const all = 'select site_id from outcomes.site_note_v1';
    const after = await siteScope.run(['east' as SiteId], () =>
      dataSource.transaction(async (tx) => {
        await tx.transaction(async (nested) => {
          await nested.query(all);
          throw new Error('undone');
        }).catch(() => undefined);
        return tx.query(all);
      }),
    );
    expect(sitesOf(after)).toEqual(['east']);
  });

  it('leaves no setting on the connection once the transaction that carried it ends (PgBouncer hands it on)', async () => {
    const pool = (dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
    const client = await siteScope.run(['north' as SiteId], () => pool.connect());
    const setting = "select current_setting('alongside.site_ids', true) as s";
    try {
      expect((await client.query(setting)).rows).toEqual([{ s: 'north' }]);
      await client.query('commit');
      // A callback goes straight to the session, as the next borrower's first statement would.
      const after = await new Promise<{ rows: { s: string | null }[] }>((resolve, reject) =>
        client.query(setting, (error, result) => (error ? reject(error) : resolve(result))));
      expect(after.rows[0]!.s ?? '').toBe('');
    } finally {
      client.release();
    }
  });

  it('shows exactly the rows of the sites in scope, for any set of sites', async () => {
    const sites = ['north', 'south', 'east', 'west'] as SiteId[];
    await fc.assert(
      fc.asyncProperty(fc.subarray(sites), async (scope) => {
        const rows: { site_id: string }[] = await siteScope.run(scope, () => dataSource.query('select site_id from outcomes.site_note_v1'));
        const expected = scope.reduce((sum, site) => sum + (NOTES[site] ?? 0), 0);
        expect(rows).toHaveLength(expected);
        expect(rows.every((row) => scope.includes(row.site_id as SiteId))).toBe(true);
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});
