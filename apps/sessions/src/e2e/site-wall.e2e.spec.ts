import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { mintDevToken, Roles, siteScope } from '@alongside/platform/security';
import { createServiceApp, serviceRoleName } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { HeardFacts } from '@alongside/sessions/application';
import { GroupRow } from '@alongside/sessions/read-models';
import { SessionsAppModule } from '../app.module';

// The second wall between sites (DESIGN §7) in the running sessions service: a route whose code
// forgets the site filter, reading the groups' repository directly. Only Postgres' row-level
// security, under the service's own role, keeps the other site's rows out.

/** Test-only: what a careless route would look like. Never part of the service. */
@Controller('sites/:siteId/forgetful-groups')
class ForgetfulGroups {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('site-manager')
  every(): Promise<GroupRow[]> {
    return this.dataSource.getRepository(GroupRow).find();
  }

  @Get(':groupId')
  @Roles('site-manager')
  one(@Param('groupId') groupId: string): Promise<GroupRow[]> {
    return this.dataSource.getRepository(GroupRow).findBy({ groupId });
  }
}

const north = siteId('north');
const south = siteId('south');
let database: TestDatabase;
let app: INestApplication;
let admin: Client;
const created: Record<string, string[]> = { north: [], south: [] };
const http = () => request(app.getHttpServer());
const manager = async (site: SiteId) => `Bearer ${await mintDevToken({ roles: ['site-manager'], sites: [site], sub: `manager-${site}` })}`;

/** Enrolment's SiteConfigured as the consumer hands it over: a group needs its site's time zone. */
const siteConfigured = (site: SiteId): ConsumedEvent =>
  ({
    id: randomUUID(),
    type: 'SiteConfigured',
    data: { ...enrolmentEventExamples.SiteConfigured.data, siteId: site, timeZone: 'Europe/London', payerRulesRef: 'standard@1' },
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'admin', role: 'platform-admin' }, occurredAt: '2025-01-06T15:00:00Z' },
    streamId: `enrolment.site-${site}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  }) as ConsumedEvent;

const groupBody = (i: number) => ({
  name: `Group ${i}`,
  kind: 'group-therapy',
  facilitator: { kind: 'clinician', id: randomUUID() },
  capacity: 8,
  location: 'Room 2, Riverside centre',
  schedule: { slots: [{ weekday: 2, startTime: '18:00', durationMinutes: 90 }], startsOn: '2025-03-01', endsOn: null, exceptions: [] },
});

beforeAll(async () => {
  database = await createTestDatabase('sessions-site-wall');
  @Module({
    imports: [SessionsAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2025-03-20T10:00:00Z') })],
    controllers: [ForgetfulGroups],
  })
  class WallTestModule {}
  app = await createServiceApp(WallTestModule);
  await app.init();
  for (const [site, count] of [[north, 2], [south, 3]] as const) {
    await app.get(HeardFacts).fromEnrolment.SiteConfigured(siteConfigured(site), undefined as never);
    for (let i = 0; i < count; i++) {
      const response = await http().post(`/sites/${site}/groups`).set('Authorization', await manager(site)).send(groupBody(i)).expect(201);
      created[site].push(response.body.groupId);
    }
  }
  admin = new Client({ connectionString: database.url });
  await admin.connect();
  // A superuser passes the wall: every site's rows are there, so what the service misses is hidden, not missing.
  await waitFor(async () => (await admin.query('select 1 from sessions.sessions_group_v1')).rowCount === 5, { what: 'the projection of both sites', timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await app?.close();
  await database?.drop();
});

describe('The site wall in the sessions service', () => {
  it("runs the service's queries as its own role, which is no superuser and not exempt from row-level security", async () => {
    const [me] = await siteScope.allSites(() =>
      app.get(DataSource).query('select current_user as name, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user'),
    );
    expect(me).toEqual({ name: serviceRoleName('sessions'), super: false, bypass: false });
  });

  it('polices every site-scoped read model of sessions', async () => {
    const { rows } = await admin.query<{ name: string; forced: boolean }>(
      `select c.relname as name, c.relforcerowsecurity as forced from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_policy p on p.polrelid = c.oid where n.nspname = 'sessions' and p.polname = 'site_wall'`,
    );
    expect(rows.map((row) => row.name).sort()).toEqual(['sessions_attendance_v1', 'sessions_group_v1', 'sessions_member_v1', 'sessions_session_v1']);
    expect(rows.every((row) => row.forced)).toBe(true);
  });

  it("shows a route that forgets its site filter only the caller's own site", async () => {
    const rows: GroupRow[] = (await http().get('/sites/north/forgetful-groups').set('Authorization', await manager(north)).expect(200)).body;
    expect(rows.map((row) => row.groupId).sort()).toEqual([...created.north].sort());
    expect(rows.every((row) => row.siteId === north)).toBe(true);
  });

  it("finds nothing when another site's group is asked for by id, by a route or by a read in the site's scope", async () => {
    const [theirs] = created.south;
    expect((await http().get(`/sites/north/forgetful-groups/${theirs}`).set('Authorization', await manager(north)).expect(200)).body).toEqual([]);
    const repository = app.get(DataSource).getRepository(GroupRow);
    expect(await siteScope.run([north], () => repository.findBy({ groupId: theirs }))).toEqual([]);
    const own = (await http().get(`/sites/south/forgetful-groups/${theirs}`).set('Authorization', await manager(south)).expect(200)).body;
    expect(own).toEqual([expect.objectContaining({ siteId: south, groupId: theirs })]);
  });

  it("refuses to write another site's row under a site's scope, and changes none of its rows", async () => {
    const repository = app.get(DataSource).getRepository(GroupRow);
    const [row] = await siteScope.run([north], () => repository.findBy({ groupId: created.north[0] }));
    await expect(siteScope.run([north], () => repository.insert({ ...row, siteId: south, groupId: randomUUID(), venue: { ...(row.venue as object) }, schedule: { ...(row.schedule as object) } }))).rejects.toMatchObject({ code: '42501' });
    const renamed = await siteScope.run([north], () => repository.update({ groupId: created.south[0] }, { name: 'Taken over' }));
    expect(renamed.affected).toBe(0);
    const { rows } = await admin.query('select name from sessions.sessions_group_v1 where site_id = $1', [south]);
    expect(rows.map((r) => r.name).sort()).toEqual(['Group 0', 'Group 1', 'Group 2']);
  });
});
