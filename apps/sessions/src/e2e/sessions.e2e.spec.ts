import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { deadLetterTopic, defaultTopicLayout, ensureTopics, toEventMessage, type ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { describeRouteSecurity, mintDevToken, type DevTokenClaims } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { mentoringEventExamples } from '@alongside/mentoring/contracts';
import { HeardFacts } from '@alongside/sessions/application';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { SessionsAppModule } from '../app.module';

const north = siteId('north');
const south = siteId('south');
const mentor = '3f1b7a52-58a4-4c1e-9a1c-0d7a3c1c2b01';
const clinician = '6e1b4c7a-8f9d-4a2b-9c4d-4e5f6a7b8c9d';
const p = (n: number) => `9a0c2f3e-1d5b-4f6a-8b7c-${String(n).padStart(12, '0')}`;
let now = new Date('2025-03-20T10:00:00Z');

let database: TestDatabase;
let app: INestApplication;
let store: EventStore;
let producer: Producer;
const prefix = uniqueTopic('sessions-e2e');

const token = (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) => mintDevToken({ sites: [north], ...claims });
const as = async (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) => `Bearer ${await token(claims)}`;
const facilitator = () => as({ roles: ['facilitator'] });
const all = async () => (await store.readAll({ limit: 1_000_000 })).events;
// Every committed row, whatever transactions are still open (readAll shows only what is below their xmin).
const count = async () => Number((await app.get(DataSource).query('select count(*)::int as n from sessions.events'))[0].n);
/** The log once it shows at least `n` events of `type`: readAll lags behind transactions still open elsewhere. */
const eventsOf = async (type: string, n: number, where: (data: Record<string, unknown>) => boolean = () => true) => {
  await waitFor(async () => (await all()).filter((e) => e.type === type && where(e.data as Record<string, unknown>)).length >= n);
  return (await all()).filter((e) => e.type === type && where(e.data as Record<string, unknown>));
};
const http = () => request(app.getHttpServer());

const siteConfigured = (site: SiteId, timeZone: string, id: string): ConsumedEvent =>
  ({
    id,
    type: 'SiteConfigured',
    data: { ...enrolmentEventExamples.SiteConfigured.data, siteId: site, timeZone, payerRulesRef: 'standard@1' },
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'admin', role: 'platform-admin' }, occurredAt: '2025-01-06T15:00:00Z' },
    streamId: `enrolment.site-${site}-${id}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  }) as ConsumedEvent;

/** A CertificationGranted exactly as mentoring's relay puts it on Kafka. */
const certificationMessage = (site: SiteId, mentorId: string) => {
  const example = mentoringEventExamples.CertificationGranted;
  return toEventMessage({
    id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    type: example.type,
    data: { ...example.data, mentorId, grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' },
    metadata: { siteId: site, schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'manager', role: 'site-manager' }, occurredAt: '2025-02-01T00:00:00Z' },
    streamId: `mentoring.mentor-${site}-${mentorId}`,
    streamPosition: 2n,
    globalPosition: 17n,
    recordedAt: '2025-02-01T00:00:00Z',
  });
};

const groupBody = (change: Record<string, unknown> = {}) => ({
  name: 'Tuesday evening peer support',
  kind: 'peer-support',
  facilitator: { kind: 'peer', id: mentor },
  capacity: 2,
  location: 'Room 2, Riverside centre',
  schedule: { slots: [{ weekday: 2, startTime: '18:00', durationMinutes: 90 }], startsOn: '2025-03-01', endsOn: null, exceptions: [] },
  ...change,
});

let southGroup: string;
let southSession: string;

beforeAll(async () => {
  database = await createTestDatabase('sessions-e2e');
  // Created up front: the relay and both consumers would otherwise race to create them at start.
  const admin = testKafka('sessions-e2e-admin').admin();
  await admin.connect();
  const topics = ['sessions', 'enrolment', 'mentoring'].map((context) => `${prefix}.${context}.events`);
  await ensureTopics(admin, [...topics, ...topics.map(deadLetterTopic)], defaultTopicLayout);
  await admin.disconnect();
  app = await createServiceApp(SessionsAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'all' }, topicPrefix: prefix, clock: () => now }) as never);
  await app.init();
  store = app.get(EVENT_STORE);
  producer = testKafka('sessions-e2e-mentoring').producer();
  await producer.connect();
  const heard = app.get(HeardFacts);
  await heard.fromEnrolment.SiteConfigured(siteConfigured(north, 'Europe/London', '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b'), undefined as never);
  await heard.fromEnrolment.SiteConfigured(siteConfigured(south, 'America/New_York', '2e3d4c5b-6a79-4899-8a1b-2c3d4e5f6a7b'), undefined as never);
  const southAuth = await as({ roles: ['site-manager'], sites: [south] });
  southGroup = (
    await http().post('/sites/south/groups').set('Authorization', southAuth)
      .send(groupBody({ kind: 'group-therapy', facilitator: { kind: 'clinician', id: clinician } })).expect(201)
  ).body.groupId;
  southSession = (await http().post(`/sites/south/groups/${southGroup}/sessions`).set('Authorization', southAuth).send({ startsAt: '2025-03-25T18:00:00-04:00', durationMinutes: 60 }).expect(201)).body.sessionId;
}, 60_000);

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
  await database?.drop();
});

describe('Sessions API', () => {
  let groupId: string;
  let firstSession: string;
  let secondSession: string;

  it("refuses a group-therapy group led by a peer, appending nothing", async () => {
    const before = await count();
    const response = await http().post('/sites/north/groups').set('Authorization', await facilitator()).send(groupBody({ kind: 'group-therapy' }));
    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(/clinician/);
    expect(await count()).toBe(before);
  });

  it("creates a peer-led group in the site's time zone, and schedules nothing while the peer's certification is unknown", async () => {
    const created = await http().post('/sites/north/groups').set('Authorization', await facilitator()).send(groupBody()).expect(201);
    groupId = created.body.groupId;
    expect(created.body.timeZone).toBe('Europe/London');
    const run = await http().post(`/sites/north/groups/${groupId}/schedule-runs`).set('Authorization', await facilitator()).send({ from: '2025-03-24', weeks: 2 }).expect(201);
    expect(run.body).toMatchObject({ scheduled: 0, sessionIds: [] });
    expect(run.body.refused).toHaveLength(2);
    expect(run.body.refused[0].reason).toMatch(/no current certification/);
  });

  it("schedules once mentoring's CertificationGranted arrives through Kafka, at 18:00 London on both sides of the clock change, idempotently", async () => {
    await producer.send({ topic: `${prefix}.mentoring.events`, messages: [certificationMessage(north, mentor)] });
    await waitFor(async () => (await all()).some((e) => e.type === 'PeerCertificationRecorded' && e.streamId.includes(mentor)), { timeoutMs: 30_000 });
    const run = await http().post(`/sites/north/groups/${groupId}/schedule-runs`).set('Authorization', await facilitator()).send({ from: '2025-03-24', weeks: 2 });
    expect({ status: run.status, body: run.body }).toMatchObject({ status: 201 });
    expect(run.body).toMatchObject({ scheduled: 2, refused: [] });
    [firstSession, secondSession] = run.body.sessionIds;
    const scheduled = await eventsOf('SessionScheduled', 2, (data) => data.groupId === groupId);
    expect(scheduled.map((e) => (e.data as { startsAt: string }).startsAt)).toEqual(['2025-03-25T18:00:00+00:00', '2025-04-01T18:00:00+01:00']);
    const before = await count();
    const again = await http().post(`/sites/north/groups/${groupId}/schedule-runs`).set('Authorization', await facilitator()).send({ from: '2025-03-24', weeks: 2 }).expect(201);
    expect(again.body).toMatchObject({ scheduled: 0, sessionIds: [firstSession, secondSession] });
    expect(await count()).toBe(before);
  });

  it('waitlists past capacity and promotes the first waiting when a place frees', async () => {
    const enrol = async (n: number) => (await http().post(`/sites/north/groups/${groupId}/members`).set('Authorization', await facilitator()).send({ participantId: p(n) }).expect(201)).body.recorded;
    expect(await enrol(1)).toEqual(['MemberEnrolled']);
    expect(await enrol(2)).toEqual(['MemberEnrolled']);
    expect(await enrol(3)).toEqual(['MemberWaitlisted']);
    expect(await enrol(4)).toEqual(['MemberWaitlisted']);
    const left = await http().delete(`/sites/north/groups/${groupId}/members/${p(2)}`).set('Authorization', await facilitator()).expect(200);
    expect(left.body.recorded).toEqual(['MemberWithdrawn', 'MemberPromoted']);
    // The read model follows the log: wait until it has seen the promotion (the withdrawn member
    // gone, the promoted one in), not merely two members, which it also shows before the fourth
    // enrolment reaches it.
    await waitFor(async () => {
      const roster = await http().get(`/sites/north/groups/${groupId}/roster`).set('Authorization', await as({ roles: ['clinician'] }));
      const members: string[] = roster.status === 200 ? roster.body.members.map((m: { participantId: string }) => m.participantId) : [];
      return members.includes(p(3)) && !members.includes(p(2));
    });
    const roster = await http().get(`/sites/north/groups/${groupId}/roster`).set('Authorization', await as({ roles: ['clinician'] })).expect(200);
    expect(roster.body.members.map((m: { participantId: string }) => m.participantId).sort()).toEqual([p(1), p(3)]);
    expect(roster.body.waitlist).toMatchObject([{ participantId: p(4), position: 2 }]);
  });

  const everyone = [
    { participantId: p(1), status: 'present', minutesAttended: 90 },
    { participantId: p(3), status: 'late', minutesAttended: 70 },
  ];

  it('refuses attendance for a session not held, appending nothing', async () => {
    const before = await count();
    const response = await http().post(`/sites/north/sessions/${firstSession}/attendance`).set('Authorization', await facilitator()).send({ entries: everyone });
    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(/held/);
    expect(await count()).toBe(before);
  });

  it('takes the whole attendance in one submit, with one group note kept out of every event, and computes H0038 units', async () => {
    now = new Date('2025-03-25T20:00:00Z');
    await http().post(`/sites/north/sessions/${firstSession}/held`).set('Authorization', await facilitator())
      .send({ startedAt: '2025-03-25T18:00:00Z', endedAt: '2025-03-25T19:30:00Z', topic: 'Coping with cravings' }).expect(200);
    const note = 'Group talked about a hard week; J. shared about relapse risk';
    const taken = await http().post(`/sites/north/sessions/${firstSession}/attendance`).set('Authorization', await facilitator()).set('Idempotency-Key', 'attendance-0001')
      .send({ entries: everyone, groupNote: note }).expect(200);
    expect(taken.body).toMatchObject({ recorded: 2, units: { [p(1)]: 6, [p(3)]: 5 } });
    const attendance = await eventsOf('AttendanceRecorded', 2);
    await eventsOf('UnitsComputed', 2);
    const events = await all();
    expect(attendance).toHaveLength(2);
    expect(new Set(attendance.map((e) => (e.data as { groupNoteId: string }).groupNoteId))).toEqual(new Set([taken.body.groupNoteId]));
    expect(JSON.stringify(events, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('hard week');
    const stored = await http().get(`/sites/north/sessions/${firstSession}/note`).set('Authorization', await as({ roles: ['clinician'] })).expect(200);
    expect(stored.body.text).toBe(note);

    const before = await count();
    const repeat = await http().post(`/sites/north/sessions/${firstSession}/attendance`).set('Authorization', await facilitator()).set('Idempotency-Key', 'attendance-0001')
      .send({ entries: everyone, groupNote: note }).expect(200);
    expect(repeat.body.recorded).toBe(2);
    expect(await count()).toBe(before);
    const duplicate = await http().post(`/sites/north/sessions/${firstSession}/attendance`).set('Authorization', await facilitator()).send({ entries: everyone });
    expect(duplicate.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it("shows a participant's attendance, the group's history, the facilitator's upcoming sessions, rates and the units report", async () => {
    const clinicianAuth = await as({ roles: ['clinician'] });
    await waitFor(async () => {
      const mine = await http().get(`/sites/north/participants/${p(1)}/attendance`).set('Authorization', clinicianAuth);
      return mine.status === 200 && mine.body.items.length === 1 && mine.body.items[0].billing !== null;
    });
    const mine = await http().get(`/sites/north/participants/${p(1)}/attendance`).set('Authorization', clinicianAuth).expect(200);
    expect(mine.body.items[0]).toMatchObject({ sessionId: firstSession, status: 'present', minutesAttended: 90, localDate: '2025-03-25', billing: { code: 'H0038', units: 6 } });

    const history = await http().get(`/sites/north/groups/${groupId}/sessions?limit=1`).set('Authorization', clinicianAuth).expect(200);
    expect(history.body.items).toMatchObject([{ sessionId: secondSession, status: 'scheduled' }]);
    const older = await http().get(`/sites/north/groups/${groupId}/sessions?limit=1&cursor=${history.body.nextCursor}`).set('Authorization', clinicianAuth).expect(200);
    expect(older.body.items).toMatchObject([{ sessionId: firstSession, status: 'held', attended: 2, topic: 'Coping with cravings' }]);

    const upcoming = await http().get(`/sites/north/facilitators/${mentor}/sessions`).set('Authorization', await facilitator()).query({ from: '2025-03-26T00:00:00Z' }).expect(200);
    expect(upcoming.body.items).toMatchObject([{ sessionId: secondSession, startsAt: '2025-04-01T18:00:00+01:00' }]);

    const rates = await http().get('/sites/north/attendance-rates').query({ from: '2025-03-01', to: '2025-04-30' }).set('Authorization', clinicianAuth).expect(200);
    expect(rates.body.rows).toEqual([{ groupKind: 'peer-support', week: '2025-W13', sessions: 1, attended: 2, recorded: 2, rate: 1 }]);

    const manager = await as({ roles: ['site-manager'] });
    const json = await http().get('/sites/north/billable-units').query({ from: '2025-03-01', to: '2025-03-31' }).set('Authorization', manager).expect(200);
    expect(json.body).toMatchObject({ totalUnits: 11 });
    const csv = await http().get('/sites/north/billable-units').query({ from: '2025-03-01', to: '2025-03-31', format: 'csv' }).set('Authorization', manager).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trim().split('\n')).toEqual([
      'service_date,participant_id,code,units,minutes,sessions,payer_rules_ref',
      `2025-03-25,${p(1)},H0038,6,90,1,standard@1`,
      `2025-03-25,${p(3)},H0038,5,70,1,standard@1`,
    ]);
  });

  it('corrects one entry with a reason as a new event beside it, re-bills it, and refuses a correction that changes nothing', async () => {
    const manager = await as({ roles: ['site-manager'] });
    const correction = { status: 'left-early', minutesAttended: 40, reason: 'early-departure-missed' };
    const corrected = await http().post(`/sites/north/sessions/${firstSession}/attendance/${p(3)}/corrections`).set('Authorization', await facilitator()).send(correction).expect(200);
    expect(corrected.body).toEqual({ revision: 1, previous: { status: 'late', minutesAttended: 70 }, units: 3 });

    // Not an overwrite: the entry as taken is still in the log, the correction beside it.
    const [fix] = await eventsOf('AttendanceCorrected', 1);
    expect(fix.data).toMatchObject({ participantId: p(3), previous: { status: 'late', minutesAttended: 70 }, status: 'left-early', minutesAttended: 40, reason: 'early-departure-missed', revision: 1 });
    expect(await eventsOf('AttendanceRecorded', 1, (d) => d.participantId === p(3))).toMatchObject([{ data: { status: 'late', minutesAttended: 70 } }]);
    const [rebilled] = await eventsOf('UnitsCorrected', 1);
    expect(rebilled.data).toMatchObject({ participantId: p(3), previousUnits: 5, units: 3, minutes: 40, revision: 1 });
    expect(rebilled.metadata.causationId).toBe(fix.id);

    await waitFor(async () => (await http().get('/sites/north/billable-units').query({ from: '2025-03-01', to: '2025-03-31' }).set('Authorization', manager)).body.totalUnits === 9);
    const theirs = await http().get(`/sites/north/participants/${p(3)}/attendance`).set('Authorization', manager).expect(200);
    expect(theirs.body.items[0]).toMatchObject({ sessionId: firstSession, status: 'left-early', minutesAttended: 40, billing: { code: 'H0038', units: 3 } });

    const before = await count();
    const again = await http().post(`/sites/north/sessions/${firstSession}/attendance/${p(3)}/corrections`).set('Authorization', await facilitator()).send(correction);
    expect(again.status).toBe(422);
    expect(again.body.detail).toMatch(/already says this/);
    const stranger = await http().post(`/sites/north/sessions/${firstSession}/attendance/${p(2)}/corrections`).set('Authorization', await facilitator()).send(correction);
    expect(stranger.status).toBe(422);
    expect(stranger.body.detail).toMatch(/not in this session's attendance/);
    expect(await count()).toBe(before);
  });

  it('cancels a session with its reason, and then refuses to hold it', async () => {
    await http().post(`/sites/north/sessions/${secondSession}/cancellation`).set('Authorization', await facilitator()).send({ reason: 'holiday' }).expect(200);
    now = new Date('2025-04-01T20:00:00Z');
    const refused = await http().post(`/sites/north/sessions/${secondSession}/held`).set('Authorization', await facilitator())
      .send({ startedAt: '2025-04-01T17:00:00Z', endedAt: '2025-04-01T18:30:00Z', topic: 'x' });
    expect(refused.status).toBe(422);
  });

  describeRouteSecurity({
    app: () => app.getHttpServer(),
    mint: mintDevToken,
    site: north,
    otherSite: south,
    appendedCount: count,
    routes: [
      { method: 'post', path: (s) => `/sites/${s}/groups`, roles: ['facilitator', 'site-manager'], body: groupBody({ kind: 'workshop', facilitator: { kind: 'staff', id: clinician } }), badBody: { body: groupBody({ capacity: 0 }), field: 'capacity' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/groups/${id}/members`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southGroup }), body: { participantId: p(7) }, badBody: { body: { participantId: 'someone' }, field: 'participantId' } },
      { method: 'delete', path: (s, { id }) => `/sites/${s}/groups/${id}/members/${p(1)}`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southGroup }) },
      { method: 'post', path: (s, { id }) => `/sites/${s}/groups/${id}/schedule-runs`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southGroup }), body: { from: '2025-03-24', weeks: 1 }, badBody: { body: { from: '2025-03-24', weeks: 0 }, field: 'weeks' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/groups/${id}/sessions`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southGroup }), body: { startsAt: '2025-05-01T18:00:00Z', durationMinutes: 60 }, badBody: { body: { startsAt: '2025-05-01T18:00:00', durationMinutes: 60 }, field: 'startsAt' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/sessions/${id}/cancellation`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southSession }), body: { reason: 'holiday' }, badBody: { body: { reason: 'bored' }, field: 'reason' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/sessions/${id}/held`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southSession }), body: { startedAt: '2025-03-25T22:00:00Z', endedAt: '2025-03-25T23:00:00Z', topic: 'x' }, badBody: { body: { startedAt: '2025-03-25T22:00:00Z', endedAt: '2025-03-25T23:00:00Z', topic: '' }, field: 'topic' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/sessions/${id}/attendance`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southSession }), body: { entries: [{ participantId: p(1), status: 'present', minutesAttended: 30 }] }, badBody: { body: { entries: [] }, field: 'entries' } },
      { method: 'post', path: (s, { id }) => `/sites/${s}/sessions/${id}/attendance/${p(1)}/corrections`, roles: ['facilitator', 'site-manager'], crossSite: () => ({ id: southSession }), body: { status: 'late', minutesAttended: 80, reason: 'late-arrival-missed' }, badBody: { body: { status: 'late', minutesAttended: 80, reason: 'he said so' }, field: 'reason' } },
      { method: 'get', path: (s, { id }) => `/sites/${s}/sessions/${id}/note`, roles: ['facilitator', 'site-manager', 'clinician'], crossSite: () => ({ id: southSession }) },
      { method: 'get', path: (s) => `/sites/${s}/facilitators/${mentor}/sessions`, roles: ['facilitator', 'site-manager', 'clinician'] },
      { method: 'get', path: (s, { id }) => `/sites/${s}/groups/${id}/roster`, roles: ['facilitator', 'site-manager', 'clinician'], crossSite: () => ({ id: southGroup }) },
      { method: 'get', path: (s, { id }) => `/sites/${s}/groups/${id}/sessions`, roles: ['facilitator', 'site-manager', 'clinician'], crossSite: () => ({ id: southGroup }) },
      { method: 'get', path: (s) => `/sites/${s}/participants/${p(1)}/attendance`, roles: ['facilitator', 'site-manager', 'clinician'] },
      { method: 'get', path: (s) => `/sites/${s}/attendance-rates?from=2025-03-01&to=2025-03-31`, roles: ['facilitator', 'site-manager', 'clinician'] },
      { method: 'get', path: (s) => `/sites/${s}/billable-units?from=2025-03-01&to=2025-03-31`, roles: ['facilitator', 'site-manager'] },
    ],
  });
});
