import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { describeRouteSecurity, mintDevToken, type DevTokenClaims } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { CertificationExpirySweeper, EnrolmentListener } from '@alongside/mentoring/application';
import { DataSource } from 'typeorm';
import { MentoringAppModule } from '../app.module';

const north = siteId('north');
const south = siteId('south');
const mentorA = '3f1b7a52-58a4-4c1e-9a1c-0d7a3c1c2b01';
const mentorB = '4a2c8b63-69b5-4d2f-8b2d-1e8b4d2d3c02';
const mentorSouth = '5b3d9c74-7ac6-4e30-9c3e-2f9c5e3e4d03';
const participant = '9a0c2f3e-1d5b-4f6a-8b7c-2e3d4f5a6b02';
let now = new Date('2025-03-10T14:00:00Z');

let database: TestDatabase;
let app: INestApplication;

const token = (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) => mintDevToken({ sites: [north], ...claims });
const manager = () => token({ roles: ['site-manager'] });
const as = async (bearer: Promise<string>) => `Bearer ${await bearer}`;
/**
 * What is committed, counted in the table. Not `store.readAll`: the global log stops below the oldest
 * transaction still open anywhere on the Postgres server (so a reader never skips a position), and
 * the test server is shared with every other test file running, so readAll can hide an append for
 * seconds and then show it between a "before" and an "after" count.
 */
const count = async () => Number((await app.get(DataSource).query('select count(*)::int as n from mentoring.events'))[0].n);
const eventsOfType = async (type: string): Promise<{ stream_id: string }[]> =>
  app.get(DataSource).query('select stream_id from mentoring.events where type = $1', [type]);
/** The read models follow the same global log, so they may lag by as long as someone else's transaction. */
const projected = { timeoutMs: 30_000 };
const http = () => request(app.getHttpServer());

const consentGranted = (site: SiteId, participantId: string): ConsumedEvent => {
  const example = (enrolmentEventExamples as Record<string, { type: string; data: Record<string, unknown> }>).ConsentGranted;
  return {
    id: '5b3f4c2e-7d1a-4e9b-8c6d-0f1e2d3c4b5a',
    type: 'ConsentGranted',
    data: { ...example.data, participantId, siteId: site, purpose: 'peer-support', recipient: { kind: 'peer-support', siteId: site }, grantedAt: '2025-03-01T10:00:00Z', expiry: { kind: 'event', event: 'discharge' } },
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'enrolment', role: 'clinician' }, occurredAt: '2025-03-01T10:00:00Z' },
    streamId: `enrolment.participant-${site}-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  } as ConsumedEvent;
};

const onboard = async (site: SiteId, mentorId: string) => {
  const auth = await as(token({ roles: ['site-manager'], sites: [site] }));
  await http().post(`/sites/${site}/mentors`).set('Authorization', auth)
    .send({ mentorId, displayName: 'Sam Rivera', livedExperience: ['opioid-use'], languages: ['en', 'es'], specialities: ['opioid-use'], maxCaseload: 2 })
    .expect(201);
  await http().post(`/sites/${site}/mentors/${mentorId}/trainings`).set('Authorization', auth).send({ course: 'Peer ethics', hours: 40, completedOn: '2025-01-20' }).expect(201);
  return (
    await http().post(`/sites/${site}/mentors/${mentorId}/certifications`).set('Authorization', auth)
      .send({ credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2025-04-01T00:00:00Z' })
      .expect(201)
  ).body.id as string;
};

beforeAll(async () => {
  database = await createTestDatabase('mentoring-e2e');
  app = await createServiceApp(
    MentoringAppModule.forRoot({
      env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' },
      clock: () => now,
      sweepIntervalMs: 0,
    }) as never,
  );
  await app.init();
  await onboard(north, mentorA);
  await onboard(north, mentorB);
  southObjects.certificationId = await onboard(south, mentorSouth);
  southObjects.match = await southMatch();
});

/** Objects of the other site, for the security kit's cross-site requests. */
const southObjects: { certificationId?: string; match?: Awaited<ReturnType<typeof southMatch>> } = {};
const southParticipant = '2c3d4e5f-6071-4829-8a0b-2d3e4f5a6b7c';

const southMatch = async () => {
  const auth = await as(token({ roles: ['site-manager'], sites: [south] }));
  await app.get(EnrolmentListener).handlers.ConsentGranted({ ...consentGranted(south, southParticipant), id: '6c4f5d3e-8e2b-4fa0-9d7e-1a2b3c4d5e6f' }, undefined as never);
  const matchId = (await http().post('/sites/south/matches').set('Authorization', auth).send({ participantId: southParticipant, mentorId: mentorSouth }).expect(201)).body.matchId as string;
  await http().post(`/sites/south/matches/${matchId}/acceptance`).set('Authorization', auth).expect(200);
  const escalationId = (await http().post(`/sites/south/matches/${matchId}/escalations`).set('Authorization', auth).send({ risk: 'missed-contacts', urgency: 'routine' }).expect(201)).body.escalationId as string;
  const referralId = (await http().post(`/sites/south/matches/${matchId}/referrals`).set('Authorization', auth).send({ category: 'housing' }).expect(201)).body.referralId as string;
  const resourceId = (
    await http().post('/sites/south/community-resources').set('Authorization', auth)
      .send({ category: 'housing', name: 'South housing desk', description: 'Walk-in advice', contact: '1 Quay Road' }).expect(201)
  ).body.resourceId as string;
  return { matchId, escalationId, referralId, resourceId };
};
const southMatchIds = () => ({ id: southObjects.match!.matchId });

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('Mentoring API', () => {
  it('refuses a match for a participant without consent for peer contact, appending nothing', async () => {
    const before = await count();
    const response = await http().post('/sites/north/matches').set('Authorization', await as(manager())).send({ participantId: participant, mentorId: mentorA });
    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(/consent for peer contact/);
    expect(await count()).toBe(before);
  });

  let matchId: string;

  it('matches once enrolment says the participant consented, and the mentor accepts', async () => {
    await app.get(EnrolmentListener).handlers.ConsentGranted(consentGranted(north, participant), undefined as never);
    const proposed = await http().post('/sites/north/matches').set('Authorization', await as(manager())).set('Idempotency-Key', 'propose-0001')
      .send({ participantId: participant, mentorId: mentorA }).expect(201);
    matchId = proposed.body.matchId;
    const repeat = await http().post('/sites/north/matches').set('Authorization', await as(manager())).set('Idempotency-Key', 'propose-0001')
      .send({ participantId: participant, mentorId: mentorA }).expect(201);
    expect(repeat.body.matchId).toBe(matchId);
    await http().post(`/sites/north/matches/${matchId}/acceptance`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorA }))).expect(200);
  });

  it("logs a contact with billable units, keeping the note sealed and out of the event", async () => {
    now = new Date('2025-03-12T18:00:00Z');
    const logged = await http().post(`/sites/north/matches/${matchId}/contacts`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorA })))
      .send({ kind: 'in-person', minutes: 50, contactAt: '2025-03-12T16:00:00Z', note: 'talked about going back to work' });
    expect(logged.body).toMatchObject({ recorded: ['ContactLogged'] });
    const events = await app.get(DataSource).query<{ type: string; data: Record<string, unknown>; metadata: unknown }[]>('select type, data, metadata from mentoring.events');
    const contact = events.find((e) => e.type === 'ContactLogged')!;
    expect(contact.data).toMatchObject({ contactId: logged.body.contactId, billing: { code: 'H0038', units: 3 }, hasNote: true });
    expect(JSON.stringify(events.map(({ type, data, metadata }) => ({ type, data, metadata })))).not.toContain('going back to work');
    const [row] = await app.get(DataSource).query('select sealed from mentoring.contact_note where contact_id = $1', [logged.body.contactId]);
    expect(row.sealed).not.toContain('going back to work');
  });

  it("shows a peer mentor their own caseload, and another mentor's as not found", async () => {
    await waitFor(async () => {
      const own = await http().get(`/sites/north/mentors/${mentorA}/caseload`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorA })));
      return own.status === 200 && own.body.items.length === 1 && own.body.items[0].lastContactAt !== null;
    }, projected);
    await http().get(`/sites/north/mentors/${mentorA}/caseload`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorB }))).expect(404);
    await http().get(`/sites/north/participants/${participant}/mentoring`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorB }))).expect(404);
    await http().post(`/sites/north/matches/${matchId}/contacts`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorB })))
      .send({ kind: 'phone', minutes: 10, contactAt: '2025-03-12T16:30:00Z' }).expect(404);
    const history = await http().get(`/sites/north/participants/${participant}/mentoring`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorA }))).expect(200);
    expect(history.body.contacts).toHaveLength(1);
  });

  it('raises an urgent escalation that shows as overdue when nobody acknowledges it in time', async () => {
    await http().post(`/sites/north/matches/${matchId}/escalations`).set('Authorization', await as(token({ roles: ['peer-mentor'], mentorId: mentorA })))
      .send({ risk: 'intent-to-use', urgency: 'urgent' }).expect(201);
    now = new Date('2025-03-12T19:30:00Z');
    await waitFor(async () => {
      const open = await http().get('/sites/north/escalations').set('Authorization', await as(token({ roles: ['clinician'] })));
      return open.status === 200 && open.body.items.length === 1 && open.body.items[0].overdue === true;
    }, projected);
  });

  it('expires a certification on its date by the sweeper, and then refuses new matches', async () => {
    now = new Date('2025-04-02T00:00:00Z');
    // The sweeper finds due certifications in the mentor view; a repeated sweep at the same instant appends nothing twice.
    await waitFor(async () => {
      await app.get(CertificationExpirySweeper).sweep(now);
      return (await eventsOfType('CertificationExpired')).length >= 3;
    }, { ...projected, what: 'the three certifications to expire' });
    expect((await eventsOfType('CertificationExpired')).length).toBe(3);
    const refused = await http().post('/sites/north/matches').set('Authorization', await as(manager()))
      .send({ participantId: '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b', mentorId: mentorB });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/certification has lapsed/);
  });

  describeRouteSecurity({
    app: () => app.getHttpServer(),
    mint: mintDevToken,
    site: north,
    otherSite: south,
    appendedCount: count,
    routes: [
      { method: 'post', path: (s) => `/sites/${s}/mentors`, roles: ['site-manager'], body: { displayName: 'Lee', livedExperience: ['opioid-use'], languages: ['en'], specialities: [], maxCaseload: 5 }, badBody: { body: { displayName: 'Lee', livedExperience: ['opioid-use'], languages: ['en'], specialities: [], maxCaseload: 0 }, field: 'maxCaseload' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/mentors/${id}/trainings`, roles: ['site-manager'], crossSite: () => ({ id: mentorSouth }), body: { course: 'x', hours: 2, completedOn: '2025-01-01' }, badBody: { body: { course: 'x', hours: 2, completedOn: 'yesterday' }, field: 'completedOn' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/mentors/${id}/supervisions`, roles: ['site-manager'], crossSite: () => ({ id: mentorSouth }), body: { supervisorId: mentorB, heldAt: '2025-03-01T10:00:00Z', minutes: 60, topics: [] }, badBody: { body: { supervisorId: mentorB, heldAt: '2025-03-01T10:00:00Z', minutes: -1, topics: [] }, field: 'minutes' } },
      { method: 'post', path: (s) => `/sites/${s}/matches`, roles: ['site-manager'], body: { participantId: participant, mentorId: mentorA }, badBody: { body: { participantId: 'someone', mentorId: mentorA }, field: 'participantId' } },
      { method: 'post', path: (s, { id, cert }) => `/sites/${s}/mentors/${id}/certifications/${cert}/renewals`, roles: ['site-manager'], crossSite: () => ({ id: mentorSouth, cert: southObjects.certificationId! }), body: { expiresAt: '2027-04-01T00:00:00Z' }, badBody: { body: { expiresAt: '2027-04-01' }, field: 'expiresAt' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/mentors/${id}/certifications`, roles: ['site-manager'], crossSite: () => ({ id: mentorSouth }), body: { credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }, badBody: { body: { credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: 'never' }, field: 'expiresAt' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/mentors/${id}/boundary-concerns`, roles: ['site-manager'], crossSite: () => ({ id: mentorSouth }), body: { concern: 'dual-relationship' }, badBody: { body: { concern: 'gossip' }, field: 'concern' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/acceptance`, roles: ['site-manager', 'peer-mentor'], crossSite: southMatchIds },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/end`, roles: ['site-manager', 'peer-mentor'], crossSite: southMatchIds, body: { reason: 'goals-met' }, badBody: { body: { reason: 'bored' }, field: 'reason' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/contacts`, roles: ['peer-mentor', 'site-manager'], crossSite: southMatchIds, body: { kind: 'phone', minutes: 10, contactAt: '2025-03-09T16:30:00Z' }, badBody: { body: { kind: 'phone', minutes: 0, contactAt: '2025-03-09T16:30:00Z' }, field: 'minutes' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/aftercare-check-ins`, roles: ['peer-mentor', 'site-manager'], crossSite: southMatchIds, body: { day: 7, heldAt: '2025-03-09T16:30:00Z' }, badBody: { body: { day: 'first', heldAt: '2025-03-09T16:30:00Z' }, field: 'day' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/escalations`, roles: ['peer-mentor', 'site-manager'], crossSite: southMatchIds, body: { risk: 'safety-concern', urgency: 'soon' }, badBody: { body: { risk: 'safety-concern', urgency: 'whenever' }, field: 'urgency' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/escalations/${id}/acknowledgement`, roles: ['clinician'], crossSite: () => ({ id: southObjects.match!.escalationId }) },
      { method: 'post', path: (s, { id }) => `/sites/${s}/escalations/${id}/resolution`, roles: ['clinician'], crossSite: () => ({ id: southObjects.match!.escalationId }), body: { resolution: 'care-plan-changed' }, badBody: { body: { resolution: 'shrugged' }, field: 'resolution' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/matches/${id}/referrals`, roles: ['peer-mentor', 'site-manager'], crossSite: southMatchIds, body: { category: 'employment' }, badBody: { body: { category: 'lottery' }, field: 'category' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/referrals/${id}/follow-ups`, roles: ['peer-mentor', 'site-manager'], crossSite: () => ({ id: southObjects.match!.referralId }), body: { followedUpAt: '2025-03-09T16:30:00Z' }, badBody: { body: { followedUpAt: '2025-03-09T16:30:00' }, field: 'followedUpAt' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/referrals/${id}/outcome`, roles: ['peer-mentor', 'site-manager'], crossSite: () => ({ id: southObjects.match!.referralId }), body: { outcome: 'connected' }, badBody: { body: { outcome: 'maybe' }, field: 'outcome' } },
      { method: 'post', path: (s) => `/sites/${s}/community-resources`, roles: ['site-manager'], body: { category: 'legal-aid', name: 'Law centre', description: '', contact: '2 Court St' }, badBody: { body: { category: 'legal-aid', name: '', description: '', contact: '2 Court St' }, field: 'name' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/community-resources/${id}/withdrawal`, roles: ['site-manager'], crossSite: () => ({ id: southObjects.match!.resourceId }) },
      { method: 'get', path: (s) => `/sites/${s}/community-resources`, roles: ['site-manager', 'peer-mentor', 'clinician'] },
      { method: 'get', path: (s) => `/sites/${s}/mentoring-policy`, roles: ['site-manager', 'peer-mentor', 'clinician'] },
      { method: 'get', path: (s, { id }) => `/sites/${s}/mentors/${id}/caseload`, roles: ['site-manager', 'peer-mentor'], crossSite: () => ({ id: mentorSouth }) },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id}/mentoring`, roles: ['site-manager', 'clinician', 'peer-mentor'], crossSite: () => ({ id: southParticipant }) },
      { method: 'get', path: (s) => `/sites/${s}/match-suggestions`, roles: ['site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/workforce`, roles: ['site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/escalations`, roles: ['clinician', 'site-manager'] },
      { method: 'put', path: (s) => `/sites/${s}/mentoring-policy`, roles: ['site-manager'], body: { aftercareCheckInDays: [7, 30], checkInMissedAfterDays: 7, urgentAcknowledgeWithinMinutes: 60, soonAcknowledgeWithinMinutes: 480, routineAcknowledgeWithinMinutes: 4320, referralFollowUpDays: 7 }, badBody: { body: { aftercareCheckInDays: 'weekly', checkInMissedAfterDays: 7, urgentAcknowledgeWithinMinutes: 60, soonAcknowledgeWithinMinutes: 480, routineAcknowledgeWithinMinutes: 4320, referralFollowUpDays: 7 }, field: 'aftercareCheckInDays' } },
    ],
  });
});
