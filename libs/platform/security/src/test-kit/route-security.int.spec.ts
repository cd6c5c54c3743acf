import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { PostgresEventStore } from '@alongside/platform/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { mintDevToken, SecurityModule, type DevTokenClaims, type DevTokenOptions } from '../index';
import { EXAMPLE_CONTEXT, ExampleRegistryModule } from '../spec-support/example-registry.module';
import { describeRouteSecurity } from './describe-route-security';

const SECRET = 'route-security-int-spec-secret-0123456789';
const north = 'north' as SiteId;
const south = 'south' as SiteId;
const mint = (claims: DevTokenClaims, options: DevTokenOptions = {}) => mintDevToken(claims, { secret: SECRET, ...options });
const bearer = async (claims: DevTokenClaims) => `Bearer ${await mint(claims)}`;

let database: TestDatabase;
let store: EventStore;
let app: INestApplication;
let southParticipant: string;
let northParticipant: string;

const eventCount = async () => (await store.readAll({ limit: 1_000_000 })).events.length;

beforeAll(async () => {
  database = await createTestDatabase('security-route-kit');
  store = await PostgresEventStore.connect({ connectionString: database.url, schema: EXAMPLE_CONTEXT });

  // As the service runtime does: the store is global, every module of the service may inject it.
  @Global()
  @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
  class StoreModule {}

  @Module({
    imports: [
      StoreModule,
      SecurityModule.forRoot({
        context: EXAMPLE_CONTEXT,
        jwt: { kind: 'secret', secret: new TextEncoder().encode(SECRET), issuer: 'alongside', audience: 'alongside', clockToleranceSeconds: 0 },
        throttle: false,
        pii: { connectionString: database.url, schema: EXAMPLE_CONTEXT },
      }),
      ExampleRegistryModule,
    ],
  })
  class ExampleApp {}

  app = await NestFactory.create(ExampleApp, { logger: ['error'], abortOnError: false });
  await app.init();

  const register = async (site: SiteId, name: string) =>
    (
      await request(app.getHttpServer())
        .post(`/sites/${site}/participants`)
        .set('Authorization', await bearer({ roles: ['clinician'], sites: [site] }))
        .send({ name, dateOfBirth: '1984-06-02', programme: 'outpatient' })
        .expect(201)
    ).body.id as string;
  northParticipant = await register(north, 'Maria Lopez');
  southParticipant = await register(south, 'Dana Brooks');
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  await database?.drop();
});

describe('Example service routes', () => {
  describeRouteSecurity({
    app: () => app.getHttpServer(),
    mint,
    site: north,
    otherSite: south,
    appendedCount: eventCount,
    routes: [
      {
        method: 'post',
        path: (site) => `/sites/${site}/participants`,
        roles: ['clinician'],
        body: { name: 'Lee Park', dateOfBirth: '1990-01-01', programme: 'outpatient' },
        badBody: { body: { name: 'Lee Park', dateOfBirth: 'last spring', programme: 'outpatient' }, field: 'dateOfBirth' },
      },
      {
        method: 'get',
        path: (site, { id }) => `/sites/${site}/participants/${id}`,
        roles: ['clinician', 'site-manager', 'peer-mentor', 'participant'],
        crossSite: () => ({ id: southParticipant }),
      },
      {
        method: 'post',
        path: (site, { id }) => `/sites/${site}/participants/${id}/check-ins`,
        roles: ['participant', 'clinician'],
        crossSite: () => ({ id: southParticipant }),
        body: { mood: 3, craving: 2 },
        badBody: { body: { mood: 9, craving: 2 }, field: 'mood' },
      },
      {
        method: 'post',
        path: (site, { id }) => `/sites/${site}/participants/${id}/transfers`,
        roles: ['clinician', 'site-manager'],
        crossSite: () => ({ id: southParticipant }),
        body: { toSite: 'east', purpose: 'treatment' },
        badBody: { body: { purpose: 'treatment' }, field: 'toSite' },
      },
      {
        method: 'get',
        path: (site, { id }) => `/sites/${site}/participants/${id}/disclosures`,
        roles: ['clinician', 'site-manager'],
        crossSite: () => ({ id: southParticipant }),
      },
      {
        method: 'post',
        path: (site, { id }) => `/sites/${site}/participants/${id}/erasure`,
        roles: ['site-manager'],
        crossSite: () => ({ id: southParticipant }),
      },
    ],
  });

  it("keeps a participant's own check-in open to them (the kit's refusals are not refusing everyone)", async () => {
    await request(app.getHttpServer())
      .post(`/sites/north/participants/${northParticipant}/check-ins`)
      .set('Authorization', await bearer({ roles: ['participant'], sites: ['north'], participantId: northParticipant }))
      .send({ mood: 4, craving: 1 })
      .expect(201);
  });
});
