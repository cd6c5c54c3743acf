import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Message, Producer } from 'kafkajs';
import { siteId } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { defaultTopicLayout, ensureTopics, toEventMessage } from '@alongside/platform/messaging-kafka';
import { mintDevToken, siteScope } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, testKafka, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { enrolmentEventExamples, enrolmentSchemaVersions } from '@alongside/enrolment/contracts';
import { MentoringViews } from '@alongside/mentoring/application';
import { matchStream, participantStream } from '@alongside/mentoring/domain';
import { DataSource } from 'typeorm';
import { MentoringAppModule } from './app.module';

/**
 * The enrolment consumer on the real broker: enrolment-shaped messages on a topic of this file's
 * own, heard by the mentoring app as it runs in production (ROLE=all), with its inbox and DLQ.
 */
const north = siteId('north');
const mentorId = '6c4e0d85-8bd7-4f41-8d4f-3a0d6f4f5e11';
const now = new Date('2025-03-10T14:00:00Z');
const prefix = uniqueTopic('mentoring-consumer');
const topic = `${prefix}.enrolment.events`;
const kafka = testKafka('mentoring-consumer-test');

let database: TestDatabase;
let app: INestApplication;
let store: EventStore;
let producer: Producer;

const http = () => request(app.getHttpServer());
const as = async (claims: Parameters<typeof mintDevToken>[0]) => `Bearer ${await mintDevToken(claims)}`;
const manager = () => as({ roles: ['site-manager'], sites: [north] });
const mentor = () => as({ roles: ['peer-mentor'], sites: [north], mentorId });

type Heard = 'SiteConfigured' | 'ConsentGranted' | 'ConsentRevoked' | 'Discharged';

/** An enrolment event as enrolment's relay publishes it, from its contract's example. */
const enrolmentMessage = <T extends Heard>(type: T, participantId: string | null, data: Partial<(typeof enrolmentEventExamples)[T]['data']> = {}) => {
  const id = randomUUID();
  const message = toEventMessage({
    id,
    type,
    data: { ...enrolmentEventExamples[type].data, ...(participantId && { participantId }), siteId: north, ...data },
    metadata: {
      siteId: north,
      schemaVersion: enrolmentSchemaVersions[type],
      correlationId: id,
      causationId: id,
      actor: { sub: 'clinician-1', role: 'clinician' },
      occurredAt: now.toISOString(),
    },
    streamId: participantId ? `enrolment.participant-${north}-${participantId}` : `enrolment.site-${north}`,
    streamPosition: 0n,
    globalPosition: 1n,
  } as never);
  return { id, message };
};

const publish = (...messages: Message[]) => producer.send({ topic, acks: -1, messages });
const eventsOf = async (stream: string) => (await store.readStream(stream)).events.map((e) => e.type);
const propose = async (participantId: string) =>
  http().post('/sites/north/matches').set('Authorization', await manager()).send({ participantId, mentorId });
/**
 * The consumer finds a participant's open matches in the read model, which follows the global log
 * and so lags while any transaction on the shared server is open: wait until it shows the match.
 */
const projected = (participantId: string, status: string) =>
  // Read in north's scope, as the consumer does for a north event: the read model is behind the site wall.
  waitFor(async () => (await siteScope.run([north], () => app.get(MentoringViews).openMatchesOfParticipant(north, participantId))).some((m) => m.status === status), {
    timeoutMs: 40_000,
    what: `the ${status} match in the read model`,
  });

const deadLetters = async (count: number): Promise<Message[]> => {
  const consumer = kafka.consumer({ groupId: `${prefix}.dlq-reader-${randomUUID()}` });
  const letters: Message[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [`${topic}.dlq`], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void letters.push(message as Message) });
    await waitFor(() => letters.length >= count, { timeoutMs: 30_000, what: `${count} dead letters` });
  } finally {
    await consumer.disconnect();
  }
  return letters;
};

/**
 * The app's relay and consumers each create their missing topics as they start; creating several at
 * once, kafkajs's wait for leaders sometimes meets "This server does not host this topic-partition"
 * and gives up, failing the start. Created here first, retried, the app finds them all.
 */
const createTopics = () =>
  waitFor(async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = ['enrolment', 'outcomes', 'mentoring'].flatMap((context) => [`${prefix}.${context}.events`, `${prefix}.${context}.events.dlq`]);
      await ensureTopics(admin, topics, defaultTopicLayout);
      const existing = new Set(await admin.listTopics());
      return topics.every((t) => existing.has(t));
    } finally {
      await admin.disconnect();
    }
  }, { timeoutMs: 30_000, intervalMs: 500, what: 'the test topics' });

beforeAll(async () => {
  database = await createTestDatabase('mentoring-consumer');
  await createTopics();
  app = await createServiceApp(
    MentoringAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'all' }, topicPrefix: prefix, clock: () => now, sweepIntervalMs: 0 }) as never,
  );
  await app.init();
  store = app.get(EVENT_STORE);
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await http().post('/sites/north/mentors').set('Authorization', await manager())
    .send({ mentorId, displayName: 'Ana Ortiz', livedExperience: ['alcohol-use'], languages: ['en'], specialities: ['alcohol-use'], maxCaseload: 5 })
    .expect(201);
  await http().post(`/sites/north/mentors/${mentorId}/trainings`).set('Authorization', await manager())
    .send({ course: 'Peer ethics', hours: 40, completedOn: '2024-12-10' })
    .expect(201);
  await http().post(`/sites/north/mentors/${mentorId}/certifications`).set('Authorization', await manager())
    .send({ credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' })
    .expect(201);
}, 60_000);

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
  await database?.drop();
});

describe('Mentoring hears enrolment on Kafka', () => {
  it('records a peer-support consent heard twice once, and then allows a match', async () => {
    const participantId = randomUUID();
    expect((await propose(participantId)).status).toBe(422);
    const granted = enrolmentMessage('ConsentGranted', participantId);
    await publish(granted.message, granted.message);
    await waitFor(async () => (await eventsOf(participantStream(north, participantId))).includes('PeerContactConsentRecorded'), { timeoutMs: 30_000 });
    const inbox = await app.get(DataSource).query('select consumer from mentoring.inbox where event_id = $1', [granted.id]);
    expect(inbox).toHaveLength(1);
    expect(await eventsOf(participantStream(north, participantId))).toEqual(['PeerContactConsentRecorded']);
    expect((await propose(participantId)).status).toBe(201);
  });

  it('ends an open match when the peer-support consent is revoked, and refuses a new one', async () => {
    const participantId = randomUUID();
    const consentId = randomUUID();
    await publish(enrolmentMessage('ConsentGranted', participantId, { consentId }).message);
    await waitFor(async () => (await propose(participantId)).status === 201, { timeoutMs: 30_000, what: 'the consent to be heard' });
    await projected(participantId, 'proposed');
    const [{ matchId: proposed }] = await siteScope.run([north], () => app.get(MentoringViews).openMatchesOfParticipant(north, participantId));
    await publish(enrolmentMessage('ConsentRevoked', participantId, { consentId, revokedAt: '2025-03-10T13:00:00.000Z' }).message);
    await waitFor(async () => (await eventsOf(matchStream(north, proposed))).includes('MatchEnded'), { timeoutMs: 30_000, what: 'the match to end' });
    const refused = await propose(participantId);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/consent for peer contact/);
  });

  it("moves an active match into aftercare when the participant is discharged, on the site's follow-up schedule", async () => {
    const participantId = randomUUID();
    await publish(
      enrolmentMessage('SiteConfigured', null, { followUpSchedule: { daysAfterDischarge: [60, 14] }, revision: 1 }).message,
      enrolmentMessage('ConsentGranted', participantId).message,
    );
    let matchId = '';
    await waitFor(async () => {
      const response = await propose(participantId);
      matchId = response.body.matchId;
      return response.status === 201;
    }, { timeoutMs: 30_000, what: 'the consent to be heard' });
    await http().post(`/sites/north/matches/${matchId}/acceptance`).set('Authorization', await mentor()).expect(200);
    await projected(participantId, 'active');
    await publish(enrolmentMessage('Discharged', participantId, { dischargedAt: '2025-03-10T12:00:00.000Z' }).message);
    await waitFor(async () => (await eventsOf(matchStream(north, matchId))).includes('AftercareStarted'), { timeoutMs: 30_000, what: 'aftercare' });
    const events = (await store.readStream(matchStream(north, matchId))).events;
    expect(events.map((e) => e.type)).toEqual(['MatchProposed', 'MatchAccepted', 'AftercareStarted']);
    expect((events[2].data as { checkIns: { day: number }[] }).checkIns.map((c) => c.day)).toEqual([14, 60]);
  });

  it('parks a malformed message on the dead-letter topic and still hears the next one', async () => {
    const participantId = randomUUID();
    await publish({ key: 'garbage', value: '{ not json' }, enrolmentMessage('ConsentGranted', participantId).message);
    await waitFor(async () => (await eventsOf(participantStream(north, participantId))).includes('PeerContactConsentRecorded'), { timeoutMs: 30_000 });
    const [letter] = await deadLetters(1);
    expect(letter.value!.toString()).toBe('{ not json');
    expect(letter.headers!['dlq-reason']!.toString()).toBe('unreadable');
  });

  it("reports its relay and its consumers on the service's /metrics: the lease held, what was published, what was heard", async () => {
    const lineOf = (metrics: string, name: string, label: string) =>
      metrics.split('\n').find((line) => line.startsWith(`${name}{`) && line.includes(label));
    await waitFor(async () => {
      const { text } = await http().get('/metrics').expect(200);
      return (
        lineOf(text, 'alongside_relay_lease_held', 'relay="mentoring"')?.endsWith(' 1') === true &&
        lineOf(text, 'alongside_relay_published_total', 'relay="mentoring"') !== undefined &&
        // The tests above sent a malformed message and several good ones to this consumer.
        lineOf(text, 'alongside_consumer_dlq_total', `consumer="${prefix}.mentoring.enrolment"`) !== undefined
      );
    }, { timeoutMs: 30_000, what: "the relay's lease and published count, and the consumer's dead letters, on /metrics" });
  });
});
