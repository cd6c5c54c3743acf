import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MentorRow } from '@alongside/mentoring/read-models';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import { mintDevToken, Roles, siteScope } from '@alongside/platform/security';
import { createServiceApp, serviceRoleName } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { MentoringAppModule } from '../app.module';

// The second wall between sites (DESIGN §7) in the running mentoring service: a route whose code
// forgets the site filter, reading the mentors' repository directly. Only Postgres' row-level
// security, under the service's own role, keeps the other site's rows out.

/** Test-only: what a careless route would look like. Never part of the service. */
@Controller('sites/:siteId/forgetful-mentors')
class ForgetfulMentors {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('site-manager')
  every(): Promise<MentorRow[]> {
    return this.dataSource.getRepository(MentorRow).find();
  }

  @Get(':mentorId')
  @Roles('site-manager')
  one(@Param('mentorId') mentorId: string): Promise<MentorRow[]> {
    return this.dataSource.getRepository(MentorRow).findBy({ mentorId });
  }
}

const north = siteId('north');
const south = siteId('south');
let database: TestDatabase;
let app: INestApplication;
let admin: Client;
const onboarded: Record<string, string[]> = { north: [], south: [] };
const http = () => request(app.getHttpServer());
const manager = async (site: SiteId) => `Bearer ${await mintDevToken({ roles: ['site-manager'], sites: [site], sub: `manager-${site}` })}`;

beforeAll(async () => {
  database = await createTestDatabase('mentoring-site-wall');
  @Module({
    imports: [MentoringAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => new Date('2025-03-10T14:00:00Z'), sweepIntervalMs: 0 })],
    controllers: [ForgetfulMentors],
  })
  class WallTestModule {}
  app = await createServiceApp(WallTestModule);
  await app.init();
  for (const [site, count] of [[north, 2], [south, 3]] as const) {
    for (let i = 0; i < count; i++) {
      const mentorId = randomUUID();
      await http().post(`/sites/${site}/mentors`).set('Authorization', await manager(site))
        .send({ mentorId, displayName: `Mentor ${i}`, livedExperience: ['opioid-use'], languages: ['en'], specialities: ['opioid-use'], maxCaseload: 2 })
        .expect(201);
      onboarded[site].push(mentorId);
    }
  }
  admin = new Client({ connectionString: database.url });
  await admin.connect();
  // A superuser passes the wall: every site's rows are there, so what the service misses is hidden, not missing.
  await waitFor(async () => (await admin.query('select 1 from mentoring.mentoring_mentor_v1')).rowCount === 5, { what: 'the projection of both sites', timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await app?.close();
  await database?.drop();
});

describe('The site wall in the mentoring service', () => {
  it("runs the service's queries as its own role, which is no superuser and not exempt from row-level security", async () => {
    const [me] = await siteScope.allSites(() =>
      app.get(DataSource).query('select current_user as name, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user'),
    );
    expect(me).toEqual({ name: serviceRoleName('mentoring'), super: false, bypass: false });
  });

  it("shows a route that forgets its site filter only the caller's own site", async () => {
    const rows: MentorRow[] = (await http().get('/sites/north/forgetful-mentors').set('Authorization', await manager(north)).expect(200)).body;
    expect(rows.map((row) => row.mentorId).sort()).toEqual([...onboarded.north].sort());
    expect(rows.every((row) => row.siteId === north)).toBe(true);
  });

  it("finds nothing when another site's mentor is asked for by id", async () => {
    const [theirs] = onboarded.south;
    expect((await http().get(`/sites/north/forgetful-mentors/${theirs}`).set('Authorization', await manager(north)).expect(200)).body).toEqual([]);
    const own = (await http().get(`/sites/south/forgetful-mentors/${theirs}`).set('Authorization', await manager(south)).expect(200)).body;
    expect(own).toEqual([expect.objectContaining({ siteId: south, mentorId: theirs })]);
  });

  it("refuses to write another site's row under a site's scope", async () => {
    const repository = app.get(DataSource).getRepository(MentorRow);
    const [row] = await siteScope.run([north], () => repository.findBy({ mentorId: onboarded.north[0] }));
    await expect(siteScope.run([north], () => repository.insert({ ...row, siteId: south, mentorId: randomUUID() }))).rejects.toMatchObject({ code: '42501' });
    expect((await admin.query('select 1 from mentoring.mentoring_mentor_v1 where site_id = $1 and mentor_id = $2', [south, onboarded.north[0]])).rowCount).toBe(0);
  });
});
