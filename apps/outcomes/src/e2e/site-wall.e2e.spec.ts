import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EnrolmentListener } from '@alongside/outcomes/application';
import { EpisodeRow } from '@alongside/outcomes/read-models';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import { mintDevToken, Roles, siteScope } from '@alongside/platform/security';
import { createServiceApp, serviceRoleName } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { OutcomesAppModule } from '../app.module';
import { enrolled } from './heard-events';

// The second wall between sites (DESIGN §7) in the running outcomes service: a route whose code
// forgets the site filter, reading the episodes behind the dashboards straight from their
// repository. Only Postgres' row-level security, under the service's own role, keeps the other
// site's rows out.

/** Test-only: what a careless route would look like. Never part of the service. */
@Controller('sites/:siteId/forgetful-episodes')
class ForgetfulEpisodes {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('site-manager')
  every(): Promise<EpisodeRow[]> {
    return this.dataSource.getRepository(EpisodeRow).find();
  }

  @Get(':participantId')
  @Roles('site-manager')
  of(@Param('participantId') participantId: string): Promise<EpisodeRow[]> {
    return this.dataSource.getRepository(EpisodeRow).findBy({ participantId });
  }
}

const north = siteId('north');
const south = siteId('south');
let database: TestDatabase;
let app: INestApplication;
let admin: Client;
const admitted: Record<string, string[]> = { north: [], south: [] };
const http = () => request(app.getHttpServer());
const manager = async (site: SiteId) => `Bearer ${await mintDevToken({ roles: ['site-manager'], sites: [site], sub: `manager-${site}` })}`;

beforeAll(async () => {
  database = await createTestDatabase('outcomes-site-wall');
  @Module({
    imports: [OutcomesAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2026-05-01T15:00:00Z') })],
    controllers: [ForgetfulEpisodes],
  })
  class WallTestModule {}
  app = await createServiceApp(WallTestModule);
  await app.init();
  for (const [site, count] of [[north, 4], [south, 3]] as const) {
    for (let i = 0; i < count; i++) {
      const participantId = randomUUID();
      await app.get(EnrolmentListener).handlers.Enrolled(enrolled(site, participantId, `2026-02-0${i + 1}`), undefined as never);
      admitted[site].push(participantId);
    }
  }
  admin = new Client({ connectionString: database.url });
  await admin.connect();
  // A superuser passes the wall: every site's rows are there, so what the service misses is hidden, not missing.
  await waitFor(async () => (await admin.query('select 1 from outcomes.outcome_episode_v2')).rowCount === 7, { what: 'the projection of both sites', timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await app?.close();
  await database?.drop();
});

describe('The site wall in the outcomes service', () => {
  it("runs the service's queries as its own role, which is no superuser and not exempt from row-level security", async () => {
    const [me] = await siteScope.allSites(() =>
      app.get(DataSource).query('select current_user as name, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user'),
    );
    expect(me).toEqual({ name: serviceRoleName('outcomes'), super: false, bypass: false });
  });

  it("shows a route that forgets its site filter only the caller's own site", async () => {
    const rows: EpisodeRow[] = (await http().get('/sites/south/forgetful-episodes').set('Authorization', await manager(south)).expect(200)).body;
    expect(rows.map((row) => row.participantId).sort()).toEqual([...admitted.south].sort());
    expect(rows.every((row) => row.siteId === south)).toBe(true);
  });

  it("finds nothing when another site's participant is asked for by id", async () => {
    const [theirs] = admitted.north;
    expect((await http().get(`/sites/south/forgetful-episodes/${theirs}`).set('Authorization', await manager(south)).expect(200)).body).toEqual([]);
    const own = (await http().get(`/sites/north/forgetful-episodes/${theirs}`).set('Authorization', await manager(north)).expect(200)).body;
    expect(own).toEqual([expect.objectContaining({ siteId: north, participantId: theirs })]);
  });

  it("refuses to write another site's row under a site's scope", async () => {
    const repository = app.get(DataSource).getRepository(EpisodeRow);
    const [row] = await siteScope.run([north], () => repository.findBy({ participantId: admitted.north[0] }));
    await expect(siteScope.run([north], () => repository.insert({ ...row, siteId: south, episodeId: randomUUID() }))).rejects.toMatchObject({ code: '42501' });
    expect((await admin.query('select 1 from outcomes.outcome_episode_v2 where site_id = $1 and participant_id = $2', [south, admitted.north[0]])).rowCount).toBe(0);
  });
});
