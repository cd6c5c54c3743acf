import { Client } from 'pg';
import request from 'supertest';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { mintExampleToken, startExampleApp, type ExampleApp } from '../spec-support/example-app';
import { EXAMPLE_CONTEXT } from '../spec-support/example-registry.module';
import { describeRouteSecurity } from './describe-route-security';

const north = 'north' as SiteId;
const south = 'south' as SiteId;

let database: TestDatabase;
let example: ExampleApp;
let northParticipant: string;
let southParticipant: string;

const register = async (site: SiteId, name: string) =>
  (
    await request(example.app.getHttpServer())
      .post(`/sites/${site}/participants`)
      .set('Authorization', `Bearer ${await mintExampleToken({ roles: ['clinician'], sites: [site] })}`)
      .send({ name, dateOfBirth: '1984-06-02', programme: 'outpatient' })
      .expect(201)
  ).body.id as string;

beforeAll(async () => {
  database = await createTestDatabase('security-route-kit');
  example = await startExampleApp(database.url);
  northParticipant = await register(north, 'Maria Lopez');
  southParticipant = await register(south, 'Dana Brooks');
});

afterAll(async () => {
  await example?.close();
  await database?.drop();
});

describe('Example service routes', () => {
  describeRouteSecurity({
    app: () => example.app.getHttpServer(),
    mint: mintExampleToken,
    site: north,
    otherSite: south,
    // Counted in SQL: a read of the global log may hold back events behind a transaction still open
    // elsewhere in the cluster, so two reads of it can differ with nothing appended in between.
    appendedCount: async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return Number((await client.query(`select count(*)::int as n from ${EXAMPLE_CONTEXT}.events`)).rows[0].n);
      } finally {
        await client.end();
      }
    },
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

  it("keeps a participant's own check-in open to them (the kit's refusals do not refuse everyone)", async () => {
    await request(example.app.getHttpServer())
      .post(`/sites/north/participants/${northParticipant}/check-ins`)
      .set('Authorization', `Bearer ${await mintExampleToken({ roles: ['participant'], sites: ['north'], participantId: northParticipant })}`)
      .send({ mood: 4, craving: 1 })
      .expect(201);
  });
});
