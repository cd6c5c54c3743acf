import type { RecordedEvent } from '@alongside/platform/event-sourcing';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '@alongside/platform/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { admissionBody, personBody, siteBody, transferBody, transferConsentBody } from './enrolment-fixtures';
import { bearer, createEnrolmentTopic, eventually, startEnrolmentApp, type EnrolmentTestApp, type TestClock } from './enrolment-test-app';

const clock: TestClock = { now: new Date('2025-03-20T15:00:00Z') };
const prefix = uniqueTopic('enrolment-e2e');
let database: TestDatabase;
let service: EnrolmentTestApp;

const clinician = (site = 'north') => bearer({ roles: ['clinician'], sites: [site] }, site);
const manager = (site = 'north') => bearer({ roles: ['site-manager'], sites: [site] }, site);
const admin = () => bearer({ roles: ['platform-admin'], sites: ['north', 'south'] });
type Row = Pick<RecordedEvent, 'type' | 'data' | 'streamId'>;
// Every committed row: the store's readAll stops below transactions still open elsewhere (relay, projections).
const log = async (): Promise<Row[]> =>
  (await service.app.get(DataSource).query('select type, data, stream_id as "streamId" from enrolment.events order by global_position')) as Row[];
const ofType = async (type: string, where: (data: Record<string, unknown>) => boolean = () => true) =>
  (await log()).filter((e) => e.type === type && where(e.data as Record<string, unknown>));
const problem = (response: { status: number; body: unknown; headers: Record<string, string> }) => ({
  status: response.status,
  body: response.body,
  type: response.headers['content-type'],
});

beforeAll(async () => {
  database = await createTestDatabase('enrolment-e2e');
  await createEnrolmentTopic(prefix);
  service = await startEnrolmentApp({ databaseUrl: database.url, prefix, clock });
  const auth = await admin();
  await service.http().put('/sites/north/configuration').set('Authorization', auth).send(siteBody('North Recovery Centre', 'America/Chicago', ['residential', 'outpatient', 'intensive-outpatient'])).expect(200);
  await service.http().put('/sites/south/configuration').set('Authorization', auth).send(siteBody('South Recovery Centre', 'America/New_York', ['outpatient', 'recovery-housing'])).expect(200);
}, 60_000);

afterAll(async () => {
  await service?.close();
  await database?.drop();
});

describe('Sites', () => {
  it('takes a new revision on each change and records nothing for an identical configuration', async () => {
    const auth = await admin();
    const changed = await service.http().put('/sites/north/configuration').set('Authorization', auth)
      .send(siteBody('North Recovery Centre', 'America/Chicago', ['residential', 'outpatient', 'intensive-outpatient'], { milestonePolicy: { milestoneDays: [30, 90], lapseRestartsCount: true } }));
    expect(changed.body).toEqual({ siteId: 'north', revision: 2 });
    const before = await service.count();
    const same = await service.http().put('/sites/north/configuration').set('Authorization', auth)
      .send(siteBody('North Recovery Centre', 'America/Chicago', ['residential', 'outpatient', 'intensive-outpatient'], { milestonePolicy: { milestoneDays: [30, 90], lapseRestartsCount: true } }));
    expect(same.body).toEqual({ siteId: 'north', revision: 2 });
    expect(await service.count()).toBe(before);
  });

  it('publishes the time zone and policies for every service, readable by the roles that need them', async () => {
    const facilitator = await bearer({ roles: ['facilitator'] });
    const view = await eventually(async () => {
      const response = await service.http().get('/sites/north/configuration').set('Authorization', facilitator);
      return response.status === 200 && response.body.revision === 2 && response.body;
    });
    expect(view).toMatchObject({ siteId: 'north', timeZone: 'America/Chicago', programmes: ['outpatient', 'intensive-outpatient', 'residential'], milestonePolicy: { lapseRestartsCount: true } });
    const [configured] = await ofType('SiteConfigured', (d) => d.siteId === 'north' && d.revision === 2);
    expect(configured.data).toMatchObject({ referenceDataVersion: 1 });
  });

  it('refuses an unknown time zone with a 400 naming the field, recording nothing', async () => {
    const before = await service.count();
    const response = await service.http().put('/sites/north/configuration').set('Authorization', await admin()).send(siteBody('North', 'Mars/Olympus', ['residential']));
    expect(problem(response)).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/), body: { errors: [expect.objectContaining({ field: 'timeZone' })] } });
    expect(await service.count()).toBe(before);
  });

  it('serves the versioned reference data', async () => {
    const response = await service.http().get('/sites/north/reference-data').set('Authorization', await clinician()).expect(200);
    expect(response.body.version).toBe(1);
    expect(response.body.asamLevels.map((l: { code: string }) => l.code)).toEqual(['0.5', '1', '2.1', '2.5', '3.1', '3.3', '3.5', '3.7', '4']);
    expect(response.body.dischargeReasons.map((l: { code: string }) => l.code)).toContain('left-against-advice');
  });
});

describe('The service', () => {
  it('documents every route in OpenAPI, with its problem answers', async () => {
    const document = (await service.http().get('/openapi.json').expect(200)).body;
    const paths = Object.keys(document.paths);
    for (const path of [
      '/sites/{siteId}/configuration',
      '/sites/{siteId}/participants',
      '/sites/{siteId}/participants/{id}',
      '/sites/{siteId}/participants/{id}/consents/{consentId}/revocation',
      '/sites/{siteId}/participants/{id}/episodes/{episodeId}/discharge',
      '/sites/{siteId}/transfers/incoming/{transferId}/acceptance',
      '/sites/{siteId}/participants/{id}/disclosures',
      '/sites/{siteId}/census',
    ]) {
      expect(paths).toContain(path);
    }
    const operations = paths.filter((p) => p.startsWith('/sites/')).flatMap((p) => Object.values(document.paths[p]) as { responses: Record<string, unknown> }[]);
    expect(operations.length).toBeGreaterThanOrEqual(25);
    for (const operation of operations) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403', '404']));
  });

  it('reports the relay, the transfer-saga consumer and the projections in its readiness', async () => {
    const ready = await service.http().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ relay: { status: 'up' }, consumers: { status: 'up' }, projections: { status: 'up' } });
  });
});

describe('Queries', () => {
  it.each([
    ['/sites/north/census?programme=spa', 'programme'],
    ['/sites/north/episodes?status=gone', 'status'],
    ['/sites/north/episodes?limit=0', 'limit'],
    ['/sites/north/transfers/incoming?overdue=maybe', 'overdue'],
    ['/sites/north/transfers/outgoing?status=lost', 'status'],
    ['/sites/north/participants', 'name'],
    ['/sites/north/participants?name=ana&limit=500', 'limit'],
    ['/sites/north/reference-data?version=zero', 'version'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const response = await service.http().get(path).set('Authorization', await manager());
    expect(problem(response)).toMatchObject({ status: 400, type: expect.stringMatching(/problem\+json/), body: { errors: expect.arrayContaining([expect.objectContaining({ field })]) } });
  });

  it('answers 400 for a participant id that is not a UUID', async () => {
    const response = await service.http().get('/sites/north/participants/ana/consents?status=sometimes').set('Authorization', await manager());
    expect(response.status).toBe(400);
  });
});

describe('Participants', () => {
  let participantId: string;

  it('registers a person without any personal data in the log; the details are sealed', async () => {
    const response = await service.http().post('/sites/north/participants').set('Authorization', await clinician()).set('Idempotency-Key', 'register-ana-0001').send(personBody()).expect(201);
    participantId = response.body.participantId;
    const [registered] = await eventually(() => ofType('ParticipantRegistered', (d) => d.participantId === participantId).then((e) => (e.length > 0 ? e : undefined)));
    expect(Object.keys(registered.data as object).sort()).toEqual(['participantId', 'referenceDataVersion', 'registeredAt', 'siteId']);
    const everything = JSON.stringify(await log());
    for (const clear of ['Ana', 'López', 'Lopez', 'Annie', '1991-07-14', '555 0142', 'ana@example.org', 'she/her']) expect(everything).not.toContain(clear);
    const rows = await service.app.get(DataSource).query('select sealed::text as sealed from enrolment.enrolment_personal_details where participant_id = $1', [participantId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].sealed).toMatch(/"givenName": "pii\.v1\./);
    expect(rows[0].sealed).not.toMatch(/Ana|López/);
  });

  it('repeats a registration with the same Idempotency-Key without recording anything new', async () => {
    const before = await service.count();
    const again = await service.http().post('/sites/north/participants').set('Authorization', await clinician()).set('Idempotency-Key', 'register-ana-0001').send(personBody()).expect(201);
    expect(again.body.participantId).toBe(participantId);
    expect(await service.count()).toBe(before);
  });

  it('finds the person by name through the blind index, whatever the case or accents, and audits each person shown', async () => {
    const auth = await clinician();
    const found = await eventually(async () => {
      const response = await service.http().get('/sites/north/participants').query({ name: 'lopez' }).set('Authorization', auth);
      return response.status === 200 && response.body.items.length === 1 && response.body;
    });
    expect(found.items[0]).toMatchObject({ participantId, givenName: 'Ana', familyName: 'López', dateOfBirth: '1991-07-14', inTreatment: false });
    expect((await service.http().get('/sites/north/participants').query({ name: 'ANA lópez' }).set('Authorization', auth)).body.items).toHaveLength(1);
    expect((await service.http().get('/sites/north/participants').query({ name: 'maria lopez' }).set('Authorization', auth)).body.items).toHaveLength(0);
    expect((await service.http().get('/sites/south/participants').query({ name: 'lopez' }).set('Authorization', await clinician('south'))).body.items).toHaveLength(0);
    const reads = await ofType('PersonLevelDataRead', (d) => d.participantId === participantId);
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the record with its details, and records the read in the audit trail', async () => {
    const before = (await ofType('PersonLevelDataRead', (d) => d.participantId === participantId)).length;
    const view = await service.http().get(`/sites/north/participants/${participantId}`).set('Authorization', await clinician()).expect(200);
    expect(view.body).toMatchObject({
      participantId,
      siteId: 'north',
      status: 'registered',
      erased: false,
      details: { givenName: 'Ana', familyName: 'López', preferredName: 'Annie', contact: { phone: '+1 312 555 0142' }, preferredLanguage: 'es', pronouns: 'she/her' },
      activeEpisode: null,
    });
    await eventually(async () => (await ofType('PersonLevelDataRead', (d) => d.participantId === participantId)).length === before + 1);
  });

  it('records a correction as a new version; the old version stays, the search follows the new name', async () => {
    const auth = await clinician();
    const response = await service.http().post(`/sites/north/participants/${participantId}/details-corrections`).set('Authorization', auth).send({ familyName: 'López Ortega' }).expect(201);
    expect(response.body.correctedFields).toEqual(['familyName']);
    await eventually(async () => (await service.http().get(`/sites/north/participants/${participantId}`).set('Authorization', auth)).body.details?.familyName === 'López Ortega');
    const view = await service.http().get(`/sites/north/participants/${participantId}`).set('Authorization', auth);
    expect(view.body.details).toMatchObject({ givenName: 'Ana', familyName: 'López Ortega', pronouns: 'she/her' });
    const versions = await service.app.get(DataSource).query('select count(*)::int as n from enrolment.enrolment_personal_details where participant_id = $1', [participantId]);
    expect(versions[0].n).toBe(2);
    expect((await service.http().get('/sites/north/participants').query({ name: 'ortega' }).set('Authorization', auth)).body.items).toHaveLength(1);
  });

  it("gives a facilitator only the name the participant goes by, and audits it", async () => {
    const facilitator = await bearer({ roles: ['facilitator'] });
    const card = await service.http().get(`/sites/north/participants/${participantId}/name-card`).set('Authorization', facilitator).expect(200);
    expect(card.body).toEqual({ participantId, displayName: 'Annie L.', pronouns: 'she/her', preferredLanguage: 'es' });
    await service.http().get(`/sites/north/participants/${participantId}`).set('Authorization', facilitator).expect(403);
    await eventually(async () => (await ofType('PersonLevelDataRead', (d) => d.participantId === participantId && d.purpose === 'health-care-operations')).length === 1);
  });

  it('answers 404 for a participant of another site, and for no one', async () => {
    await service.http().get(`/sites/south/participants/${participantId}`).set('Authorization', await clinician('south')).expect(404);
    await service.http().get('/sites/north/participants/00000000-0000-4000-8000-000000000000').set('Authorization', await clinician()).expect(404);
  });

  describe('consents, enrolment and transfer', () => {
    let consentId: string;
    let episodeId: string;
    let transferId: string;
    let ben: string;

    it('records a transfer consent and lists it as active', async () => {
      const response = await service.http().post(`/sites/north/participants/${participantId}/consents`).set('Authorization', await clinician()).send(transferConsentBody('south')).expect(201);
      consentId = response.body.consentId;
      const listed = await eventually(async () => {
        const r = await service.http().get(`/sites/north/participants/${participantId}/consents`).set('Authorization', await clinician());
        return r.status === 200 && r.body.items.length === 1 && r.body;
      });
      expect(listed.items[0]).toMatchObject({ consentId, purpose: 'transfer', recipient: { kind: 'site', siteId: 'south' }, active: true, expiry: { kind: 'date', on: '2025-12-31' } });
    });

    it('refuses a consent signed in the future (the site\'s today), recording nothing', async () => {
      const before = await service.count();
      const response = await service.http().post(`/sites/north/participants/${participantId}/consents`).set('Authorization', await clinician()).send(transferConsentBody('south', { signedOn: '2025-03-21' }));
      expect(problem(response)).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/after today/) } });
      expect(await service.count()).toBe(before);
    });

    it('enrols once: a second active enrolment at the site is refused', async () => {
      const response = await service.http().post(`/sites/north/participants/${participantId}/episodes`).set('Authorization', await clinician()).send(admissionBody()).expect(201);
      episodeId = response.body.episodeId;
      const before = await service.count();
      const again = await service.http().post(`/sites/north/participants/${participantId}/episodes`).set('Authorization', await clinician()).send(admissionBody());
      expect(problem(again)).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/already has an active enrolment/) } });
      expect(await service.count()).toBe(before);
    });

    it('refuses an admission dated tomorrow at the site', async () => {
      ben = (await service.http().post('/sites/north/participants').set('Authorization', await clinician()).send(personBody({ givenName: 'Ben', familyName: 'Okafor' })).expect(201)).body.participantId;
      const response = await service.http().post(`/sites/north/participants/${ben}/episodes`).set('Authorization', await clinician()).send(admissionBody({ admittedOn: '2025-03-21' }));
      expect(problem(response)).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/after today \(2025-03-20\)/) } });
    });

    it('counts the participant in the census, and moves them when the level of care changes', async () => {
      const auth = await manager();
      await eventually(async () => (await service.http().get('/sites/north/census').set('Authorization', auth)).body.byLevelOfCare?.['3.5'] === 1);
      await service.http().post(`/sites/north/participants/${participantId}/episodes/${episodeId}/level-of-care-changes`).set('Authorization', await clinician())
        .send({ levelOfCare: '2.1', programme: 'intensive-outpatient', reason: 'clinical-improvement', changedOn: '2025-03-15' }).expect(201);
      const census = await eventually(async () => {
        const r = await service.http().get('/sites/north/census').set('Authorization', auth);
        return r.body.byLevelOfCare?.['2.1'] === 1 && r.body;
      });
      expect(census).toMatchObject({ siteId: 'north', active: 1, byProgramme: { 'intensive-outpatient': 1 }, cells: [{ programme: 'intensive-outpatient', levelOfCare: '2.1', active: 1 }] });
      const filtered = await service.http().get('/sites/north/census').query({ programme: 'residential' }).set('Authorization', auth).expect(200);
      expect(filtered.body.active).toBe(0);
    });

    it('refuses a transfer without an active consent naming the receiving site', async () => {
      const before = await service.count();
      const response = await service.http().post(`/sites/north/participants/${participantId}/transfers`).set('Authorization', await clinician()).send(transferBody('east'));
      expect(problem(response)).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/no active consent naming site "east"/) } });
      expect(await service.count()).toBe(before);
    });

    it('requests a transfer; the destination sees it in its incoming queue, overdue once its time to answer passed', async () => {
      const response = await service.http().post(`/sites/north/participants/${participantId}/transfers`).set('Authorization', await clinician()).send(transferBody('south')).expect(201);
      transferId = response.body.transferId;
      expect(response.body).toMatchObject({ consentId, respondBy: '2025-03-23T15:00:00.000Z' });
      const southAuth = await clinician('south');
      const queue = await eventually(async () => {
        const r = await service.http().get('/sites/south/transfers/incoming').set('Authorization', southAuth);
        return r.body.items?.length === 1 && r.body;
      }, { timeoutMs: 30_000, what: 'the request in the incoming queue' });
      expect(queue.items[0]).toMatchObject({ transferId, participantId, fromSiteId: 'north', toSiteId: 'south', status: 'pending', overdue: false, requestedProgramme: 'outpatient' });
      clock.now = new Date('2025-03-24T15:00:00Z');
      const overdue = await service.http().get('/sites/south/transfers/incoming').query({ overdue: 'true' }).set('Authorization', southAuth).expect(200);
      expect(overdue.body.items).toHaveLength(1);
      const outgoing = await service.http().get('/sites/north/transfers/outgoing').query({ overdue: true }).set('Authorization', await clinician()).expect(200);
      expect(outgoing.body.items[0]).toMatchObject({ transferId, overdue: true });
    });

    it('accepts at the destination: a new enrolment there, and the source episode closes as transferred', async () => {
      const accepted = await service.http().post(`/sites/south/transfers/incoming/${transferId}/acceptance`).set('Authorization', await clinician('south'))
        .send({ programme: 'outpatient', levelOfCare: '1', admittedOn: '2025-03-24' }).expect(201);
      expect(accepted.body).toMatchObject({ transferId, participantId });
      const [discharged] = await eventually(() => ofType('Discharged', (d) => d.episodeId === episodeId).then((e) => (e.length > 0 ? e : undefined)), { timeoutMs: 30_000, what: 'the source discharge' });
      expect(discharged.data).toMatchObject({ reason: 'transferred', transferId, dischargedOn: '2025-03-24', siteId: 'north' });
      const [southEnrolled] = await ofType('Enrolled', (d) => d.siteId === 'south' && d.participantId === participantId);
      expect(southEnrolled.data).toMatchObject({ transferredFrom: { transferId, siteId: 'north', participantId, episodeId }, referralSource: 'treatment-provider' });
      const outgoing = await eventually(async () => {
        const r = await service.http().get('/sites/north/transfers/outgoing').set('Authorization', await clinician());
        return r.body.items?.[0]?.status === 'accepted' && r.body;
      });
      expect(outgoing.items[0]).toMatchObject({ destinationEpisodeId: accepted.body.episodeId, overdue: false });
      const southView = await eventually(async () => {
        const r = await service.http().get(`/sites/south/participants/${participantId}`).set('Authorization', await clinician('south'));
        return r.status === 200 && r.body.activeEpisode && r.body;
      });
      expect(southView).toMatchObject({ status: 'referenced', referencedFromSiteId: 'north', details: null, activeEpisode: { admissionKind: 'transfer-in' } });
    });

    it("keeps the source episode's history: levels of care and how it ended", async () => {
      const listed = await eventually(async () => {
        const r = await service.http().get(`/sites/north/participants/${participantId}/episodes`).set('Authorization', await clinician());
        return r.body.items?.[0]?.status === 'discharged' && r.body;
      });
      expect(listed.items).toEqual([
        expect.objectContaining({ episodeId, dischargeReason: 'transferred', transferredOutId: transferId, levels: [expect.objectContaining({ levelOfCare: '3.5' }), expect.objectContaining({ levelOfCare: '2.1', reason: 'clinical-improvement' })] }),
      ]);
      expect(listed.nextCursor).toBeNull();
    });

    it('refuses a discharge before the admission, discharges, and readmits as a new episode linked to the previous one', async () => {
      const auth = await clinician();
      const first = (await service.http().post(`/sites/north/participants/${ben}/episodes`).set('Authorization', auth).send(admissionBody({ admittedOn: '2025-03-10' })).expect(201)).body.episodeId;
      const before = await service.count();
      const early = await service.http().post(`/sites/north/participants/${ben}/episodes/${first}/discharge`).set('Authorization', auth).send({ reason: 'completed', dischargedOn: '2025-03-09' });
      expect(problem(early)).toMatchObject({ status: 422, body: { detail: expect.stringMatching(/cannot be before the admission/) } });
      expect(await service.count()).toBe(before);
      const discharged = await service.http().post(`/sites/north/participants/${ben}/episodes/${first}/discharge`).set('Authorization', auth).send({ reason: 'left-against-advice', dischargedOn: '2025-03-12' }).expect(200);
      expect(discharged.body).toEqual({ episodeId: first, lengthOfStayDays: 2 });
      const readmitted = await service.http().post(`/sites/north/participants/${ben}/readmissions`).set('Authorization', auth)
        .send(admissionBody({ programme: 'outpatient', levelOfCare: '1', referralSource: 'self', admittedOn: '2025-03-22' })).expect(201);
      expect(readmitted.body.previousEpisodeId).toBe(first);
      const page1 = await eventually(async () => {
        const r = await service.http().get(`/sites/north/participants/${ben}/episodes`).query({ limit: 1 }).set('Authorization', auth);
        return r.body.items?.[0]?.episodeId === readmitted.body.episodeId && r.body;
      });
      expect(page1.items[0]).toMatchObject({ admissionKind: 'readmission', previousEpisodeId: first, status: 'active' });
      const page2 = await service.http().get(`/sites/north/participants/${ben}/episodes`).query({ limit: 1, cursor: page1.nextCursor }).set('Authorization', auth).expect(200);
      expect(page2.body).toMatchObject({ items: [{ episodeId: first, dischargeReason: 'left-against-advice' }], nextCursor: null });
      const bad = await service.http().get(`/sites/north/participants/${ben}/episodes`).query({ cursor: 'not-a-cursor' }).set('Authorization', auth);
      expect(problem(bad)).toMatchObject({ status: 400, body: { errors: [expect.objectContaining({ field: 'cursor' })] } });
    });

    it('lists the active episodes of the site by programme', async () => {
      const listed = await eventually(async () => {
        const r = await service.http().get('/sites/north/episodes').query({ programme: 'outpatient' }).set('Authorization', await manager());
        return r.body.items?.length === 1 && r.body;
      });
      expect(listed.items[0]).toMatchObject({ participantId: ben, programme: 'outpatient', levelOfCare: '1', status: 'active' });
    });

    it('gives the accounting of disclosures, with the transfer under its consent', async () => {
      const response = await service.http().get(`/sites/north/participants/${participantId}/disclosures`).set('Authorization', await manager()).expect(200);
      expect(response.body.disclosures).toEqual([
        expect.objectContaining({ kind: 'transfer', recipient: 'south', purpose: 'transfer', consentId, information: ['enrolment-and-attendance', 'level-of-care', 'discharge-summary'] }),
      ]);
    });

    it('revokes a consent: it is no longer active from then on', async () => {
      const auth = await clinician();
      const granted = await service.http().post(`/sites/north/participants/${ben}/consents`).set('Authorization', auth)
        .send({ recipient: { kind: 'peer-support', siteId: 'north' }, purpose: 'peer-support', informationCategories: ['enrolment-and-attendance'], expiry: { kind: 'event', event: 'discharge' }, signedOn: '2025-03-22' })
        .expect(201);
      await service.http().post(`/sites/north/participants/${ben}/consents/${granted.body.consentId}/revocation`).set('Authorization', auth).expect(200);
      const again = await service.http().post(`/sites/north/participants/${ben}/consents/${granted.body.consentId}/revocation`).set('Authorization', auth);
      expect(again.status).toBe(422);
      const all = await eventually(async () => {
        const r = await service.http().get(`/sites/north/participants/${ben}/consents`).query({ status: 'all' }).set('Authorization', auth);
        return r.body.items?.[0]?.revokedAt && r.body;
      });
      expect(all.items[0]).toMatchObject({ consentId: granted.body.consentId, active: false, purpose: 'peer-support' });
      expect((await service.http().get(`/sites/north/participants/${ben}/consents`).set('Authorization', auth)).body.items).toEqual([]);
      const [revoked] = await ofType('ConsentRevoked', (d) => d.consentId === granted.body.consentId);
      expect(revoked.data).toMatchObject({ purpose: 'peer-support', recipient: { kind: 'peer-support', siteId: 'north' } });
    });

    it('erases (crypto-shredding): refused in treatment; afterwards the events stay and the details read as erased', async () => {
      const auth = await manager();
      const inTreatment = await service.http().post(`/sites/north/participants/${ben}/erasure`).set('Authorization', auth);
      expect(inTreatment.status).toBe(422);
      const active = (await service.http().get(`/sites/north/participants/${ben}/episodes`).set('Authorization', auth)).body.items[0].episodeId;
      await service.http().post(`/sites/north/participants/${ben}/episodes/${active}/discharge`).set('Authorization', await clinician()).send({ reason: 'completed', dischargedOn: '2025-03-24' }).expect(200);
      const eventsBefore = (await ofType('Enrolled', (d) => d.participantId === ben)).length;
      const erased = await service.http().post(`/sites/north/participants/${ben}/erasure`).set('Authorization', auth).expect(200);
      expect(erased.body).toEqual({ participantId: ben, erasedAt: '2025-03-24T15:00:00.000Z' });
      const view = await eventually(async () => {
        const r = await service.http().get(`/sites/north/participants/${ben}`).set('Authorization', auth);
        return r.body.erased && r.body;
      });
      expect(view).toMatchObject({ erased: true, details: null });
      expect((await ofType('Enrolled', (d) => d.participantId === ben)).length).toBe(eventsBefore);
      expect((await service.http().get('/sites/north/participants').query({ name: 'okafor' }).set('Authorization', auth)).body.items).toEqual([]);
      const keys = await service.app.get(DataSource).query('select wrapped_key, erased_at is not null as erased from enrolment.pii_keys where participant_id = $1', [ben]);
      expect(keys).toEqual([{ wrapped_key: null, erased: true }]);
      const correction = await service.http().post(`/sites/north/participants/${ben}/details-corrections`).set('Authorization', auth).send({ familyName: 'Again' });
      expect(correction.status).toBe(422);
    });
  });
});

describe('Registration', () => {
  // The key, the sealed details and the events commit together: a failure anywhere in between,
  // as a crash would be, leaves no key, no details and no event, and the same request then succeeds.
  it.each([
    ['its append fails', 'enrolment.events', `new.type = 'ParticipantRegistered'`],
    ['its details fail after the events and the key were written', 'enrolment.enrolment_personal_details', 'true'],
  ])('writes nothing of a registration when %s; the retry registers it whole', async (_, table, when) => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    const written = async () =>
      (await admin.query(`select (select count(*) from enrolment.pii_keys)::int as keys, (select count(*) from enrolment.enrolment_personal_details)::int as details,
        (select count(*) from enrolment.events where type = 'ParticipantRegistered')::int as registrations`)).rows[0];
    const key = `register-failing-${table}`;
    try {
      await admin.query(`create function enrolment.injected_failure() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
      await admin.query(`create trigger injected_failure before insert on ${table} for each row when (${when}) execute function enrolment.injected_failure()`);
      const before = await written();
      const failed = await service.http().post('/sites/north/participants').set('Authorization', await clinician()).set('Idempotency-Key', key).send(personBody({ givenName: 'Iris', familyName: 'Novak' }));
      expect(problem(failed)).toMatchObject({ status: 500, type: expect.stringMatching(/problem\+json/) });
      expect(await written()).toEqual(before);

      await admin.query(`drop trigger injected_failure on ${table}`);
      const retried = await service.http().post('/sites/north/participants').set('Authorization', await clinician()).set('Idempotency-Key', key).send(personBody({ givenName: 'Iris', familyName: 'Novak' })).expect(201);
      expect(await written()).toEqual({ keys: before.keys + 1, details: before.details + 1, registrations: before.registrations + 1 });
      const auth = await clinician();
      const view = await eventually(async () => {
        const response = await service.http().get(`/sites/north/participants/${retried.body.participantId}`).set('Authorization', auth);
        return response.status === 200 && response.body;
      });
      expect(view.details).toMatchObject({ givenName: 'Iris', familyName: 'Novak' });
    } finally {
      await admin.query(`drop trigger if exists injected_failure on ${table}`);
      await admin.query('drop function if exists enrolment.injected_failure()');
      await admin.end();
    }
  });
});
