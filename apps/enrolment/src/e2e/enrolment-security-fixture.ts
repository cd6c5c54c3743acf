import { siteId } from '@alongside/platform/event-sourcing';
import type { Role } from '@alongside/platform/security';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { admissionBody, personBody, siteBody, transferBody, transferConsentBody } from './enrolment-fixtures';
import { bearer, createEnrolmentTopic, eventually, startEnrolmentApp, type EnrolmentTestApp } from './enrolment-test-app';

export const north = siteId('north');
export const south = siteId('south');
export const clinical: Role[] = ['clinician', 'site-manager'];
export const siteReaders: Role[] = ['platform-admin', 'site-manager', 'clinician', 'facilitator', 'peer-mentor'];

/** Ids of objects of the other site (south), which north's tokens must never reach. */
export type SouthObjects = { participantId: string; consentId: string; episodeId: string; transferId: string };

/**
 * An app serving north and south, with objects at south for the security kit to probe from north:
 * a participant with a consent and an episode, and an incoming transfer heard through Kafka.
 */
export const securityFixture = (label: string) => {
  const clock = { now: new Date('2025-03-20T15:00:00Z') };
  const prefix = uniqueTopic(label);
  const at: SouthObjects = { participantId: '', consentId: '', episodeId: '', transferId: '' };
  let database: TestDatabase;
  let service: EnrolmentTestApp;

  beforeAll(async () => {
    database = await createTestDatabase(label);
    await createEnrolmentTopic(prefix);
    service = await startEnrolmentApp({ databaseUrl: database.url, prefix, clock });
    const http = service.http;
    const admin = await bearer({ roles: ['platform-admin'], sites: [north, south] });
    await http().put('/sites/north/configuration').set('Authorization', admin).send(siteBody('North', 'America/Chicago', ['residential', 'outpatient'])).expect(200);
    await http().put('/sites/south/configuration').set('Authorization', admin).send(siteBody('South', 'America/New_York', ['residential', 'outpatient'])).expect(200);

    const southAuth = await bearer({ roles: ['clinician'], sites: [south] }, south);
    at.participantId = (await http().post('/sites/south/participants').set('Authorization', southAuth).send(personBody()).expect(201)).body.participantId;
    at.consentId = (await http().post(`/sites/south/participants/${at.participantId}/consents`).set('Authorization', southAuth).send(transferConsentBody('north')).expect(201)).body.consentId;
    at.episodeId = (await http().post(`/sites/south/participants/${at.participantId}/episodes`).set('Authorization', southAuth).send(admissionBody()).expect(201)).body.episodeId;

    const northAuth = await bearer({ roles: ['clinician'], sites: [north] });
    const traveller = (await http().post('/sites/north/participants').set('Authorization', northAuth).send(personBody({ givenName: 'Cam' })).expect(201)).body.participantId;
    await http().post(`/sites/north/participants/${traveller}/consents`).set('Authorization', northAuth).send(transferConsentBody('south')).expect(201);
    await http().post(`/sites/north/participants/${traveller}/episodes`).set('Authorization', northAuth).send(admissionBody()).expect(201);
    at.transferId = (await http().post(`/sites/north/participants/${traveller}/transfers`).set('Authorization', northAuth).send(transferBody('south')).expect(201)).body.transferId;
    await eventually(
      async () => (await service.app.get(DataSource).query(`select 1 from enrolment.events where type = 'TransferReceived' and data->>'transferId' = $1`, [at.transferId])).length > 0,
      { timeoutMs: 30_000, what: 'the transfer heard at south' },
    );
    // …and in the incoming queue (and south's participant in the read models): what the routes look up.
    await eventually(async () => (await http().get('/sites/south/transfers/incoming').set('Authorization', southAuth)).body.items?.length === 1, { timeoutMs: 20_000 });
    await eventually(async () => (await http().get(`/sites/south/participants/${at.participantId}`).set('Authorization', southAuth)).status === 200, { timeoutMs: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  return { at, app: () => service.app.getHttpServer(), count: () => service.count() };
};
