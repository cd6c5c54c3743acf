import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Message, Producer } from 'kafkajs';
import request from 'supertest';
import { enrolmentEventExamples, enrolmentSchemaVersions } from '@alongside/enrolment/contracts';
import { mentoringEventExamples } from '@alongside/mentoring/contracts';
import { participantStream } from '@alongside/outcomes/application';
import { sessionsEventExamples } from '@alongside/sessions/contracts';
import { eventIdFor, siteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { defaultTopicLayout, ensureTopics, toEventMessage } from '@alongside/platform/messaging-kafka';
import { mintDevToken, siteScope } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { OutcomesAppModule } from './app.module';

/**
 * The outcomes app as it runs in production (ROLE=all) on the real broker: enrolment, sessions and
 * mentoring messages on this file's own topics, recorded in outcomes' own log exactly once, the
 * unreadable ones dead-lettered, and outcomes' own events relayed to its topic.
 */
const north = siteId('north');
const now = new Date('2026-05-01T15:00:00Z');
const prefix = uniqueTopic('outcomes-consumers');
const kafka = testKafka('outcomes-consumers-test');
const participantId = randomUUID();
const episodeId = randomUUID();
const matchId = randomUUID();
const mentorId = randomUUID();

let database: TestDatabase;
let app: INestApplication;
let store: EventStore;
let producer: Producer;

const http = () => request(app.getHttpServer());
const manager = async () => `Bearer ${await mintDevToken({ roles: ['site-manager', 'clinician'], sites: [north] })}`;

const message = (context: string, type: string, data: Record<string, unknown>, id: string = randomUUID()): Message =>
  toEventMessage({
    id,
    type,
    data,
    metadata: {
      siteId: north,
      schemaVersion: context === 'enrolment' ? (enrolmentSchemaVersions as Record<string, number>)[type] : 1,
      correlationId: id,
      causationId: id,
      actor: { sub: `${context}-user`, role: 'clinician' },
      occurredAt: now.toISOString(),
    },
    streamId: `${context}.participant-${north}-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
  } as never);

const publish = (context: string, ...messages: Message[]) => producer.send({ topic: `${prefix}.${context}.events`, acks: -1, messages });
const typesIn = async (stream: string) => (await store.readStream(stream)).events.map((e) => e.type);

const createTopics = () =>
  waitFor(
    async () => {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const topics = ['enrolment', 'sessions', 'mentoring', 'outcomes'].flatMap((c) => [`${prefix}.${c}.events`, `${prefix}.${c}.events.dlq`]);
        await ensureTopics(admin, topics, defaultTopicLayout);
        const existing = new Set(await admin.listTopics());
        return topics.every((t) => existing.has(t));
      } finally {
        await admin.disconnect();
      }
    },
    { timeoutMs: 30_000, intervalMs: 500, what: 'the test topics' },
  );

const readTopic = async (topic: string, until: (messages: Message[]) => boolean): Promise<Message[]> => {
  const consumer = kafka.consumer({ groupId: `${prefix}.reader-${randomUUID()}` });
  const messages: Message[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message: m }) => void messages.push(m as Message) });
    await waitFor(() => until(messages), { timeoutMs: 30_000, what: `messages on ${topic}` });
  } finally {
    await consumer.disconnect();
  }
  return messages;
};

beforeAll(async () => {
  await createTopics();
  database = await createTestDatabase('outcomes-consumers');
  app = await createServiceApp(OutcomesAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'all' }, topicPrefix: prefix, clock: () => now }) as never);
  await app.init();
  store = app.get(EVENT_STORE);
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
}, 90_000);

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
  await database?.drop();
});

describe('Outcomes consumers on the broker', () => {
  const enrolledId = randomUUID();

  it('records an admission heard from enrolment once, however often it is delivered', async () => {
    const enrolled = message('enrolment', 'Enrolled', { ...enrolmentEventExamples.Enrolled.data, participantId, episodeId, siteId: north, admittedOn: '2026-04-01', transferredFrom: null }, enrolledId);
    await publish('enrolment', enrolled, enrolled);
    const stream = participantStream(north, participantId);
    await waitFor(async () => (await typesIn(stream)).includes('ParticipantAdmitted'), { timeoutMs: 30_000, what: 'the admission in the log' });
    const { events } = await store.readStream(stream);
    expect(events.filter((e) => e.type === 'ParticipantAdmitted')).toHaveLength(1);
    expect(events[0].id).toBe(eventIdFor(enrolledId, stream, 0));
    expect(events[0].data).toMatchObject({ episodeId, heardFrom: { context: 'enrolment', eventId: enrolledId, eventType: 'Enrolled' } });
  });

  it("applies the site's lapse policy heard from enrolment", async () => {
    await publish('enrolment', message('enrolment', 'SiteConfigured', { ...enrolmentEventExamples.SiteConfigured.data, siteId: north, milestonePolicy: { milestoneDays: [30, 90], lapseRestartsCount: true } }));
    // The policy reaches the command through the read model: wait until it is there, then lapse once.
    await waitFor(
      // Read as the service's own role, behind the site wall: the test says it looks at every site.
      async () => (await siteScope.allSites(() => app.get(DataSource).query(`select lapse_restarts_sobriety from outcomes.outcome_site_v6 where site_id = 'north'`)))[0]?.lapse_restarts_sobriety === true,
      { timeoutMs: 30_000, what: 'the heard policy in the read model' },
    );
    const lapse = await http()
      .post(`/sites/north/participants/${participantId}/lapses`)
      .set('Authorization', await manager())
      .send({ occurredOn: '2026-04-20', substances: ['alcohol'] })
      .expect(201);
    expect(lapse.body.recorded).toEqual(['LapseRecorded', 'SobrietyStartSet']);
  });

  it('hears attendance from sessions and contacts from mentoring', async () => {
    await publish('sessions', message('sessions', 'AttendanceRecorded', { ...sessionsEventExamples.AttendanceRecorded.data, participantId, localDate: '2026-04-10' }));
    await publish(
      'mentoring',
      message('mentoring', 'MatchAccepted', { ...mentoringEventExamples.MatchAccepted.data, matchId, mentorId, participantId }),
      message('mentoring', 'ContactLogged', { ...mentoringEventExamples.ContactLogged.data, contactId: randomUUID(), matchId, mentorId, participantId, minutes: 45 }),
    );
    const auth = await manager();
    const view = await waitFor(async () => {
      const body = (await http().get('/sites/north/dashboards/engagement').set('Authorization', auth)).body;
      return body.contacts?.total === 1 && body.sessionsByGroupKind?.length === 1 ? body : null;
    }, { timeoutMs: 30_000, what: 'attendance and contacts on the engagement view' });
    expect(view.caseloads).toEqual([{ mentorId, participants: 1 }]);
    expect(view.contacts.minutes).toBe(45);
  });

  it("follows sessions' attendance corrections in the dose and the engagement view: the newest revision replaces, an older one heard late changes nothing", async () => {
    const auth = await manager();
    const sessionId = randomUUID();
    const readModel = (sql: string, params: unknown[]) => siteScope.allSites(() => app.get(DataSource).query(sql, params));
    const dose = async (): Promise<number> =>
      (await readModel('select sessions_attended from outcomes.outcome_episode_v6 where site_id = $1 and participant_id = $2', [north, participantId]))[0].sessions_attended;
    const entry = async (session: string): Promise<{ status: string; minutes: number; revision: number } | undefined> =>
      (await readModel('select status, minutes, revision from outcomes.outcome_attendance_v6 where site_id = $1 and session_id = $2 and participant_id = $3', [north, session, participantId]))[0];
    const therapy = async () =>
      ((await http().get('/sites/north/dashboards/engagement').set('Authorization', auth).expect(200)).body.sessionsByGroupKind as { groupKind: string }[]).find((k) => k.groupKind === 'group-therapy');
    const attendance = { ...sessionsEventExamples.AttendanceRecorded.data, sessionId, participantId, groupKind: 'group-therapy', localDate: '2026-04-12' };
    const correction = (revision: number, status: string, minutesAttended: number) =>
      message('sessions', 'AttendanceCorrected', { ...sessionsEventExamples.AttendanceCorrected.data, sessionId, participantId, groupKind: 'group-therapy', localDate: '2026-04-12', revision, status, minutesAttended });
    const before = await dose();

    await publish('sessions', message('sessions', 'AttendanceRecorded', { ...attendance, status: 'present', minutesAttended: 90 }));
    await waitFor(async () => (await entry(sessionId))?.revision === 0, { timeoutMs: 30_000, what: 'the attendance in the read model' });
    expect(await dose()).toBe(before + 1);
    expect(await therapy()).toMatchObject({ attendances: 1, attended: 1 });

    const toAbsent = correction(1, 'absent', 0);
    await publish('sessions', toAbsent, toAbsent);
    await waitFor(async () => (await entry(sessionId))?.revision === 1, { timeoutMs: 30_000, what: 'the correction in the read model' });
    expect(await entry(sessionId)).toEqual({ status: 'absent', minutes: 0, revision: 1 });
    expect(await dose()).toBe(before);
    expect(await therapy()).toMatchObject({ attendances: 1, attended: 0 });

    // Revision 3 overtakes revision 2; a later attendance at another session shows when both were applied.
    const marker = randomUUID();
    await publish('sessions', correction(3, 'late', 60), correction(2, 'absent', 0), message('sessions', 'AttendanceRecorded', { ...attendance, sessionId: marker, status: 'excused', minutesAttended: 0 }));
    await waitFor(async () => (await entry(marker)) !== undefined, { timeoutMs: 30_000, what: 'the attendance heard after both corrections' });
    expect(await entry(sessionId)).toEqual({ status: 'late', minutes: 60, revision: 3 });
    expect(await dose()).toBe(before + 1);
    expect(await therapy()).toMatchObject({ sessions: 2, attendances: 2, attended: 1 });
    // Every correction is kept in outcomes' log as heard, once each; the read side chose the newest.
    const corrections = (await store.readStream(participantStream(north, participantId))).events.filter((e) => e.type === 'SessionAttendanceCorrected');
    expect(corrections.map((e) => (e.data as { revision: number }).revision)).toEqual([1, 3, 2]);
  });

  it('dead-letters a message that breaks its contract and goes on', async () => {
    const broken = message('enrolment', 'Enrolled', { ...enrolmentEventExamples.Enrolled.data, participantId: 'not-a-uuid', siteId: north });
    await publish('enrolment', broken);
    const letters = await readTopic(`${prefix}.enrolment.events.dlq`, (messages) => messages.length >= 1);
    expect(String(letters[0].headers?.['event-type'] ?? '')).toBe('Enrolled');
    const later = randomUUID();
    await publish('enrolment', message('enrolment', 'Enrolled', { ...enrolmentEventExamples.Enrolled.data, participantId: later, episodeId: randomUUID(), siteId: north, admittedOn: '2026-04-02', transferredFrom: null }));
    await waitFor(async () => (await typesIn(participantStream(north, later))).includes('ParticipantAdmitted'), { timeoutMs: 30_000, what: 'the next admission' });
  });

  it("relays outcomes' own events to its topic, keyed by stream", async () => {
    const messages = await readTopic(`${prefix}.outcomes.events`, (ms) => ms.some((m) => String(m.headers?.['event-type'] ?? '') === 'LapseRecorded'));
    const lapse = messages.find((m) => String(m.headers?.['event-type']) === 'LapseRecorded')!;
    expect(String(lapse.key)).toBe(participantStream(north, participantId));
    expect(String(lapse.headers?.['site-id'])).toBe('north');
  });
});
