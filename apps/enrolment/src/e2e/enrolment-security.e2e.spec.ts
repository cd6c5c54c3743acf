import { siteId } from '@alongside/platform/event-sourcing';
import { describeRouteSecurity, mintDevToken, type Role } from '@alongside/platform/security';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { admissionBody, personBody, siteBody, transferBody, transferConsentBody } from './enrolment-fixtures';
import { bearer, createEnrolmentTopic, eventually, startEnrolmentApp, type EnrolmentTestApp } from './enrolment-test-app';

/**
 * The security every route owes (DESIGN §7), from the platform's test kit: another site's object
 * answers 404, another site's path 404, a wrong role 403, no or a forged token 401, a bad body 400
 * naming the field — and none of them records anything.
 */
const clock = { now: new Date('2025-03-20T15:00:00Z') };
const prefix = uniqueTopic('enrolment-security');
const north = siteId('north');
const south = siteId('south');
let database: TestDatabase;
let service: EnrolmentTestApp;

// Objects of the other site (south), which north's tokens must never reach.
const at = { participantId: '', consentId: '', episodeId: '', transferId: '' };

const clinical: Role[] = ['clinician', 'site-manager'];
const siteReaders: Role[] = ['platform-admin', 'site-manager', 'clinician', 'facilitator', 'peer-mentor'];
const count = () => service.count();

beforeAll(async () => {
  database = await createTestDatabase('enrolment-security');
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

  // An incoming transfer at south, heard through Kafka from north.
  const northAuth = await bearer({ roles: ['clinician'], sites: [north] });
  const traveller = (await http().post('/sites/north/participants').set('Authorization', northAuth).send(personBody({ givenName: 'Cam' })).expect(201)).body.participantId;
  await http().post(`/sites/north/participants/${traveller}/consents`).set('Authorization', northAuth).send(transferConsentBody('south')).expect(201);
  await http().post(`/sites/north/participants/${traveller}/episodes`).set('Authorization', northAuth).send(admissionBody()).expect(201);
  at.transferId = (await http().post(`/sites/north/participants/${traveller}/transfers`).set('Authorization', northAuth).send(transferBody('south')).expect(201)).body.transferId;
  await eventually(
    async () => (await service.app.get(DataSource).query(`select 1 from enrolment.events where type = 'TransferReceived' and data->>'transferId' = $1`, [at.transferId])).length > 0,
    { timeoutMs: 30_000, what: 'the transfer heard at south' },
  );
  // …and in the incoming queue, which is what the answer routes look the transfer up in.
  await eventually(async () => (await http().get('/sites/south/transfers/incoming').set('Authorization', southAuth)).body.items?.length === 1, { timeoutMs: 20_000 });
}, 90_000);

afterAll(async () => {
  await service?.close();
  await database?.drop();
});

describe('Enrolment routes', () => {
  it('has objects at the other site to probe with', () => {
    expect(Object.values(at).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  describeRouteSecurity({
    app: () => service.app.getHttpServer(),
    mint: mintDevToken,
    site: north,
    otherSite: south,
    appendedCount: count,
    routes: [
      {
        method: 'put',
        path: (s) => `/sites/${s}/configuration`,
        roles: ['platform-admin'],
        body: siteBody('North', 'America/Chicago', ['residential']),
        badBody: { body: siteBody('North', 'Narnia/Cair_Paravel', ['residential']), field: 'timeZone' },
      },
      { method: 'get', path: (s) => `/sites/${s}/configuration`, roles: siteReaders },
      { method: 'get', path: (s) => `/sites/${s}/reference-data`, roles: siteReaders },
      {
        method: 'post',
        path: (s) => `/sites/${s}/participants`,
        roles: clinical,
        body: personBody(),
        badBody: { body: personBody({ dateOfBirth: '14/07/1991' }), field: 'dateOfBirth' },
      },
      { method: 'get', path: (s) => `/sites/${s}/participants?name=lopez`, roles: clinical },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/details-corrections`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: { familyName: 'Ortega' },
        badBody: { body: { contact: { email: 'not-an-email' } }, field: 'contact.email' },
      },
      { method: 'post', path: (s, { id }) => `/sites/${s}/participants/${id}/erasure`, roles: ['site-manager'], crossSite: () => ({ id: at.participantId }) },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/consents`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: transferConsentBody('east'),
        badBody: { body: transferConsentBody('east', { purpose: 'marketing' }), field: 'purpose' },
      },
      {
        method: 'post',
        path: (s, { id, consentId }) => `/sites/${s}/participants/${id}/consents/${consentId}/revocation`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, consentId: at.consentId }),
      },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/consents`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/episodes`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: admissionBody(),
        badBody: { body: admissionBody({ levelOfCare: '5' }), field: 'levelOfCare' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/readmissions`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: admissionBody(),
        badBody: { body: admissionBody({ admittedOn: '2025-02-30' }), field: 'admittedOn' },
      },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/episodes`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
      {
        method: 'post',
        path: (s, { id, episodeId }) => `/sites/${s}/participants/${id}/episodes/${episodeId}/level-of-care-changes`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, episodeId: at.episodeId }),
        body: { levelOfCare: '3.1', reason: 'clinical-improvement', changedOn: '2025-03-10' },
        badBody: { body: { levelOfCare: '3.1', reason: 'whim', changedOn: '2025-03-10' }, field: 'reason' },
      },
      {
        method: 'post',
        path: (s, { id, episodeId }) => `/sites/${s}/participants/${id}/episodes/${episodeId}/discharge`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId, episodeId: at.episodeId }),
        body: { reason: 'completed', dischargedOn: '2025-03-15' },
        badBody: { body: { reason: 'bored', dischargedOn: '2025-03-15' }, field: 'reason' },
      },
      { method: 'get', path: (s) => `/sites/${s}/census`, roles: clinical },
      { method: 'get', path: (s) => `/sites/${s}/episodes?status=active`, roles: clinical },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id}/transfers`,
        roles: clinical,
        crossSite: () => ({ id: at.participantId }),
        body: transferBody('east'),
        badBody: { body: transferBody('East Side!'), field: 'toSiteId' },
      },
      {
        method: 'post',
        path: (s, { transferId }) => `/sites/${s}/transfers/incoming/${transferId}/acceptance`,
        roles: clinical,
        crossSite: () => ({ transferId: at.transferId }),
        body: { programme: 'outpatient', levelOfCare: '1', admittedOn: '2025-03-20' },
        badBody: { body: { programme: 'outpatient', levelOfCare: '1', admittedOn: 'tomorrow' }, field: 'admittedOn' },
      },
      {
        method: 'post',
        path: (s, { transferId }) => `/sites/${s}/transfers/incoming/${transferId}/decline`,
        roles: clinical,
        crossSite: () => ({ transferId: at.transferId }),
        body: { reason: 'no-capacity' },
        badBody: { body: { reason: 'busy' }, field: 'reason' },
      },
      { method: 'get', path: (s) => `/sites/${s}/transfers/incoming`, roles: clinical },
      { method: 'get', path: (s) => `/sites/${s}/transfers/outgoing`, roles: clinical },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/disclosures`, roles: clinical, crossSite: () => ({ id: at.participantId }) },
    ],
  });
});
