import request from 'supertest';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { auditStream, PiiVault, type DevTokenClaims } from './index';
import { mintExampleToken, startExampleApp, type ExampleApp } from './spec-support/example-app';
import { EXAMPLE_CONTEXT } from './spec-support/example-registry.module';

const north = 'north' as SiteId;
const DAY = 86_400_000;

let database: TestDatabase;
let example: ExampleApp;

const http = () => request(example.app.getHttpServer());
const as = async (claims: DevTokenClaims) => `Bearer ${await mintExampleToken(claims)}`;
const clinician = () => as({ sub: 'dr-hale', roles: ['clinician'], sites: ['north'] });

const register = async (name: string) =>
  (
    await http()
      .post('/sites/north/participants')
      .set('Authorization', await clinician())
      .send({ name, dateOfBirth: '1984-06-02', programme: 'outpatient' })
      .expect(201)
  ).body.id as string;

const grantConsent = async (participantId: string, consent: { recipient: string; expiresOn: string; signedAt?: string }) =>
  (
    await http()
      .post(`/sites/north/participants/${participantId}/consents`)
      .set('Authorization', await clinician())
      .send({ purpose: 'treatment', information: ['enrolment'], signedAt: new Date(Date.now() - 30 * DAY).toISOString(), ...consent })
      .expect(201)
  ).body.consentId as string;

const auditOf = async (participantId: string) => (await example.store.readStream(auditStream(EXAMPLE_CONTEXT, north, participantId))).events;

beforeAll(async () => {
  database = await createTestDatabase('security-e2e');
  example = await startExampleApp(database.url);
});

afterAll(async () => {
  await example?.close();
  await database?.drop();
});

describe('Security of a service, end to end on Postgres', () => {
  describe('audit of person-level reads', () => {
    it('appends an access record to the audit stream for each successful read', async () => {
      const id = await register('Maria Lopez');
      const response = await http()
        .get(`/sites/north/participants/${id}`)
        .set('Authorization', await clinician())
        .set('X-Correlation-Id', 'read-maria-1')
        .expect(200);
      expect(response.body).toMatchObject({ participantId: id, name: 'Maria Lopez', dateOfBirth: '1984-06-02' });

      const [record] = await auditOf(id);
      expect(record).toMatchObject({
        type: 'PersonLevelDataRead',
        data: { participantId: id, purpose: 'treatment', route: '/sites/:siteId/participants/:id', method: 'GET' },
        metadata: { siteId: 'north', actor: { sub: 'dr-hale', role: 'clinician' }, correlationId: 'read-maria-1' },
      });
      expect(Date.now() - new Date(record.metadata.occurredAt).getTime()).toBeLessThan(60_000);
    });

    it('records nothing for a refused read', async () => {
      const id = await register('Ada Byron');
      await http().get(`/sites/north/participants/${id}`).set('Authorization', await as({ roles: ['facilitator'], sites: ['north'] })).expect(403);
      expect(await auditOf(id)).toEqual([]);
    });
  });

  describe('crypto-shredding', () => {
    it("makes an erased participant's PII unreadable while the events still read", async () => {
      const id = await register('Dana Brooks');
      await http()
        .post(`/sites/north/participants/${id}/erasure`)
        .set('Authorization', await as({ roles: ['site-manager'], sites: ['north'] }))
        .expect(204);

      const response = await http().get(`/sites/north/participants/${id}`).set('Authorization', await clinician()).expect(200);
      expect(response.body).toEqual({ participantId: id, name: { erased: true }, dateOfBirth: { erased: true }, programme: 'outpatient' });

      const { events } = await example.store.readStream(`example.participant-north-${id}`);
      expect(events.map((e) => e.type)).toEqual(['ParticipantRegistered']);
      expect(JSON.stringify(events[0].data)).not.toMatch(/Dana|1984/);
      expect((events[0].data as { name: string }).name).toMatch(/^pii\.v1\./);
    });

    it('refuses new personal details for an erased participant', async () => {
      const id = await register('Sam Reyes');
      await http().post(`/sites/north/participants/${id}/erasure`).set('Authorization', await as({ roles: ['site-manager'], sites: ['north'] })).expect(204);
      const vault = example.app.get(PiiVault);
      await expect(vault.encryptFields(id, 'north', { name: 'Sam' }, ['name'])).rejects.toThrow(/erased/);
    });
  });

  describe('disclosures under Part 2 consent', () => {
    it('records an allowed transfer and lists it in the accounting of disclosures', async () => {
      const id = await register('Lee Park');
      const consentId = await grantConsent(id, { recipient: 'east', expiresOn: new Date(Date.now() + 90 * DAY).toISOString() });
      await http()
        .post(`/sites/north/participants/${id}/transfers`)
        .set('Authorization', await clinician())
        .send({ toSite: 'east', purpose: 'treatment' })
        .expect(201, { consentId });

      const response = await http()
        .get(`/sites/north/participants/${id}/disclosures`)
        .set('Authorization', await as({ sub: 'manager-1', roles: ['site-manager'], sites: ['north'] }))
        .expect(200);
      expect(response.body).toMatchObject({ participantId: id, siteId: 'north' });
      expect(response.body.disclosures).toEqual([
        expect.objectContaining({ kind: 'transfer', recipient: 'east', purpose: 'treatment', consentId, disclosedBy: { sub: 'dr-hale', role: 'clinician' } }),
      ]);
      // Reading the accounting is itself a person-level read.
      expect((await auditOf(id)).map((e) => e.type)).toEqual(['DisclosureMade', 'PersonLevelDataRead']);
    });

    it('refuses a transfer whose consent was revoked, saying so, and records nothing', async () => {
      const id = await register('Kim Ortiz');
      const consentId = await grantConsent(id, { recipient: 'east', expiresOn: new Date(Date.now() + 90 * DAY).toISOString() });
      await http().post(`/sites/north/participants/${id}/consents/${consentId}/revocation`).set('Authorization', await clinician()).expect(204);

      const response = await http()
        .post(`/sites/north/participants/${id}/transfers`)
        .set('Authorization', await clinician())
        .send({ toSite: 'east', purpose: 'treatment' })
        .expect(422);
      expect(response.body.detail).toMatch(/^The participant revoked the consent for east on /);
      expect(await auditOf(id)).toEqual([]);
    });

    it('refuses a transfer whose consent expired', async () => {
      const id = await register('Ravi Shah');
      await grantConsent(id, { recipient: 'east', signedAt: new Date(Date.now() - 400 * DAY).toISOString(), expiresOn: new Date(Date.now() - 10 * DAY).toISOString() });
      const response = await http()
        .post(`/sites/north/participants/${id}/transfers`)
        .set('Authorization', await clinician())
        .send({ toSite: 'east', purpose: 'treatment' })
        .expect(422);
      expect(response.body.detail).toMatch(/^The consent for east expired on /);
    });

    it('lists no disclosure to a participant of another site, answering 404', async () => {
      const id = await register('Jo March');
      await http().get(`/sites/south/participants/${id}/disclosures`).set('Authorization', await as({ roles: ['clinician'], sites: ['south'] })).expect(404);
    });
  });
});
