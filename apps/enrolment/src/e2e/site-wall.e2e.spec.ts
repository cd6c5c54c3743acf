import { Controller, Get, Module, Param, type INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ParticipantRow } from '@alongside/enrolment/read-models';
import { siteId } from '@alongside/platform/event-sourcing';
import { Roles, siteScope } from '@alongside/platform/security';
import { createServiceApp, serviceRoleName } from '@alongside/platform/service-runtime';
import { createTestDatabase, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { EnrolmentAppModule } from '../app.module';
import { personBody, siteBody } from './enrolment-fixtures';
import { bearer } from './enrolment-test-app';

// The second wall between sites (DESIGN §7) in the running enrolment service: a route whose code
// forgets the site filter altogether, reading the participants' repository directly. Only
// Postgres' row-level security, under the service's own role, keeps the other site's rows out.

/** Test-only: what a careless route would look like. Never part of the service. */
@Controller('sites/:siteId/forgetful-participants')
class ForgetfulParticipants {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('clinician')
  every(): Promise<ParticipantRow[]> {
    return this.dataSource.getRepository(ParticipantRow).find();
  }

  @Get(':participantId')
  @Roles('clinician')
  one(@Param('participantId') participantId: string): Promise<ParticipantRow[]> {
    return this.dataSource.getRepository(ParticipantRow).findBy({ participantId });
  }
}

const north = siteId('north');
const south = siteId('south');
let database: TestDatabase;
let app: INestApplication;
let admin: Client;
const registered: Record<string, string[]> = { north: [], south: [] };
const http = () => request(app.getHttpServer());
const clinician = (site: string) => bearer({ roles: ['clinician'], sites: [site] }, site);

beforeAll(async () => {
  database = await createTestDatabase('enrolment-site-wall');
  @Module({
    imports: [
      EnrolmentAppModule.forRoot({
        env: { ...process.env, DATABASE_URL: database.url, KAFKA_TOPIC_PREFIX: uniqueTopic('enrolment-wall'), ROLE: 'projections', THROTTLE_LIMIT: '100000' },
        clock: () => new Date('2025-03-20T15:00:00Z'),
      }),
    ],
    controllers: [ForgetfulParticipants],
  })
  class WallTestModule {}
  app = await createServiceApp(WallTestModule);
  await app.init();
  const platformAdmin = await bearer({ roles: ['platform-admin'], sites: [north, south] });
  await http().put('/sites/north/configuration').set('Authorization', platformAdmin).send(siteBody('North Recovery Centre', 'America/Chicago', ['residential', 'outpatient'])).expect(200);
  await http().put('/sites/south/configuration').set('Authorization', platformAdmin).send(siteBody('South Recovery Centre', 'America/New_York', ['outpatient'])).expect(200);
  for (const [site, names] of [[north, ['Ana', 'Bea']], [south, ['Cal', 'Dee', 'Eve']]] as const) {
    for (const name of names) {
      const response = await http().post(`/sites/${site}/participants`).set('Authorization', await clinician(site)).set('Idempotency-Key', `wall-${site}-${name}`).send(personBody({ givenName: name })).expect(201);
      registered[site].push(response.body.participantId);
    }
  }
  admin = new Client({ connectionString: database.url });
  await admin.connect();
  // A superuser passes the wall: every site's rows are there, so what the service misses is hidden, not missing.
  await waitFor(async () => (await admin.query('select site_id from enrolment.enrolment_participant_v1')).rowCount === 5, { what: 'the projection of both sites', timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await app?.close();
  await database?.drop();
});

describe('The site wall in the enrolment service', () => {
  it("runs the service's queries as its own role, which is no superuser and not exempt from row-level security", async () => {
    const [me] = await siteScope.allSites(() =>
      app.get(DataSource).query('select current_user as name, rolsuper as super, rolbypassrls as bypass from pg_roles where rolname = current_user'),
    );
    expect(me).toEqual({ name: serviceRoleName('enrolment'), super: false, bypass: false });
  });

  it("shows a route that forgets its site filter only the caller's own site", async () => {
    const rows: ParticipantRow[] = (await http().get('/sites/north/forgetful-participants').set('Authorization', await clinician(north)).expect(200)).body;
    expect(rows.map((row) => row.participantId).sort()).toEqual([...registered.north].sort());
    expect(rows.every((row) => row.siteId === north)).toBe(true);
  });

  it("finds nothing when another site's participant is asked for by id", async () => {
    const [theirs] = registered.south;
    expect((await http().get(`/sites/north/forgetful-participants/${theirs}`).set('Authorization', await clinician(north)).expect(200)).body).toEqual([]);
    const own = (await http().get(`/sites/south/forgetful-participants/${theirs}`).set('Authorization', await clinician(south)).expect(200)).body;
    expect(own).toEqual([expect.objectContaining({ siteId: south, participantId: theirs })]);
  });

  it("refuses to write another site's row under a site's scope", async () => {
    const repository = app.get(DataSource).getRepository(ParticipantRow);
    const planted = { siteId: south, participantId: registered.north[0], status: 'registered' };
    await expect(siteScope.run([north], () => repository.insert(planted))).rejects.toMatchObject({ code: '42501' });
    await expect(siteScope.run([north], () => repository.update({ participantId: registered.north[0] }, { siteId: south }))).rejects.toMatchObject({ code: '42501' });
    expect((await admin.query('select 1 from enrolment.enrolment_participant_v1 where site_id = $1 and participant_id = $2', [south, registered.north[0]])).rowCount).toBe(0);
  });
});
