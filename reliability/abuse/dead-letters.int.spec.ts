// Bad input on the broker, item 5 of issue 13: malformed, header-less, wrong-schema, oversized and
// too-new messages on every service's topic, against the four services as they run (ROLE=all, the
// real broker). Every consumer of the topic parks what it cannot read on `<topic>.dlq`, with its
// name, and goes on: a good message after the bad ones is handled by each consumer that hears it.
import { randomUUID } from 'node:crypto';
import type { Message, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { enrolmentEventExamples, enrolmentSchemaVersions } from '@alongside/enrolment/contracts';
import { mentoringEventExamples } from '@alongside/mentoring/contracts';
import { defaultTopicLayout, ensureTopics, toEventMessage } from '@alongside/platform/messaging-kafka';
import { testKafka, uniqueTopic, waitFor } from '@alongside/platform/testing';
import { sessionsEventExamples } from '@alongside/sessions/contracts';
import { recordTrial } from '../report/trials';
import { SERVICES, startServices, type ServicesUnderTest } from './fixtures/services-under-test';

const prefix = uniqueTopic('abuse-dead-letters');
const kafka = testKafka('abuse-dead-letters');
const topicOf = (context: string) => `${prefix}.${context}.events`;

/** Who reads each topic (the app modules' consumers), and which of them handle the type the bad messages claim to be. */
const READERS = {
  enrolment: { consumers: ['enrolment.transfers', 'sessions.enrolment', 'mentoring.enrolment', 'outcomes.enrolment'], subject: 'SiteConfigured', handlers: ['sessions.enrolment', 'mentoring.enrolment', 'outcomes.enrolment'] },
  sessions: { consumers: ['outcomes.sessions'], subject: 'AttendanceRecorded', handlers: ['outcomes.sessions'] },
  mentoring: { consumers: ['sessions.mentoring', 'outcomes.mentoring'], subject: 'MatchAccepted', handlers: ['outcomes.mentoring'] },
  outcomes: { consumers: ['mentoring.companion'], subject: 'CheckInRecorded', handlers: ['mentoring.companion'] },
} as const;
type Context = keyof typeof READERS;

const now = '2025-04-10T12:00:00Z';
const participantId = randomUUID();

/** A valid event of each subject type, and good messages each consumer handles. */
const goodData: Record<string, Record<string, unknown>> = {
  SiteConfigured: { ...enrolmentEventExamples.SiteConfigured.data, siteId: 'north' },
  AttendanceRecorded: { ...sessionsEventExamples.AttendanceRecorded.data, participantId },
  MatchAccepted: { ...mentoringEventExamples.MatchAccepted.data, participantId },
  CertificationGranted: { ...mentoringEventExamples.CertificationGranted.data, mentorId: randomUUID(), certificationId: randomUUID() },
  CheckInRecorded: { checkInId: randomUUID(), participantId, checkedInAt: now, checkedInOn: '2025-04-10', mood: 3, craving: 2, usedToday: 'no', hasNote: false, noteShared: false },
};
const GOOD: Record<Context, Array<{ type: string; heardBy: string[] }>> = {
  enrolment: [{ type: 'SiteConfigured', heardBy: ['sessions.enrolment', 'mentoring.enrolment', 'outcomes.enrolment'] }],
  sessions: [{ type: 'AttendanceRecorded', heardBy: ['outcomes.sessions'] }],
  mentoring: [{ type: 'CertificationGranted', heardBy: ['sessions.mentoring'] }, { type: 'MatchAccepted', heardBy: ['outcomes.mentoring'] }],
  outcomes: [{ type: 'CheckInRecorded', heardBy: ['mentoring.companion'] }],
};

const messageOf = (context: Context, type: string, data: Record<string, unknown>, id = randomUUID(), schemaVersion?: number): Message =>
  toEventMessage({
    id,
    type,
    data,
    metadata: {
      siteId: 'north',
      schemaVersion: schemaVersion ?? (context === 'enrolment' ? (enrolmentSchemaVersions as Record<string, number>)[type] : 1),
      correlationId: id,
      causationId: id,
      actor: { sub: `${context}-user`, role: 'clinician' },
      occurredAt: now,
    },
    streamId: `${context}.participant-north-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
  } as never);

/** The bad messages, each keyed so its letters can be told apart; `all`: every reader of the topic refuses it. */
const badMessages = (context: Context): Array<{ kind: string; all: boolean; message: Message }> => {
  const { subject } = READERS[context];
  const good = messageOf(context, subject, goodData[subject]);
  const key = (kind: string) => `bad-${kind}-${context}`;
  const { name: _name, ...withoutName } = goodData[subject];
  const oversized = subject === 'SiteConfigured' ? { ...goodData[subject], name: 'x'.repeat(600_000) } : { ...goodData[subject], padding: 'x'.repeat(600_000) };
  return [
    { kind: 'malformed JSON', all: true, message: { ...good, key: key('malformed'), value: '{"id": "half a message' } },
    { kind: 'no headers, binary value', all: true, message: { key: key('binary'), value: Buffer.from([0xff, 0xfe, 0x00, 0x9f]) } },
    { kind: 'wrong schema', all: false, message: { ...messageOf(context, subject, subject === 'SiteConfigured' ? withoutName : { ...goodData[subject], participantId: 42 }), key: key('schema') } },
    { kind: 'oversized (600 KB)', all: false, message: { ...messageOf(context, subject, oversized), key: key('oversized') } },
    { kind: 'schema version from the future', all: false, message: { ...messageOf(context, subject, goodData[subject], randomUUID(), 99), key: key('future') } },
  ];
};

let under: ServicesUnderTest;
let producer: Producer;

const readLetters = async (topics: string[], until: (letters: Message[]) => boolean): Promise<Message[]> => {
  const consumer = kafka.consumer({ groupId: `${prefix}.letters-${randomUUID()}` });
  const letters: Message[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void letters.push(message as Message) });
    await waitFor(() => until(letters), { timeoutMs: 60_000, what: 'the dead letters' });
  } finally {
    await consumer.disconnect();
  }
  return letters;
};

beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, SERVICES.flatMap((c) => [topicOf(c), `${topicOf(c)}.dlq`]), defaultTopicLayout);
  } finally {
    await admin.disconnect();
  }
  under = await startServices('abuse-dead-letters', { env: { ROLE: 'all' }, topicPrefix: prefix });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
}, 120_000);

afterAll(async () => {
  await producer?.disconnect();
  await under?.close();
});

describe('consumers of every topic under bad messages', () => {
  it('dead-letters each bad message once per consumer that cannot read it, and each consumer handles the good message after them', async () => {
    const sent: Array<{ context: Context; kind: string; key: string; expected: string[] }> = [];
    const goodIds: Array<{ id: string; consumer: string }> = [];
    for (const context of SERVICES) {
      const bad = badMessages(context);
      const good = GOOD[context].map(({ type, heardBy }) => {
        const id = randomUUID();
        heardBy.forEach((consumer) => goodIds.push({ id, consumer: `${prefix}.${consumer}` }));
        return messageOf(context, type, goodData[type], id);
      });
      await producer.send({ topic: topicOf(context), acks: -1, messages: [...bad.map((b) => b.message), ...good] });
      for (const b of bad) sent.push({ context, kind: b.kind, key: String(b.message.key), expected: (b.all ? READERS[context].consumers : READERS[context].handlers).map((c) => `${prefix}.${c}`) });
    }

    const expectedLetters = sent.reduce((n, s) => n + s.expected.length, 0);
    const letters = await readLetters(SERVICES.map((c) => `${topicOf(c)}.dlq`), (found) => found.length >= expectedLetters);
    const lettered = (key: string) => [...new Set(letters.filter((l) => String(l.key) === key).map((l) => String(l.headers?.['dlq-consumer'])))].sort();
    const wrong = sent.filter((s) => JSON.stringify(lettered(s.key)) !== JSON.stringify([...s.expected].sort()));

    // The good messages after the bad: in each consumer's inbox, in the service that hears them.
    const handled = async ({ id, consumer }: { id: string; consumer: string }) => {
      const service = under.services[consumer.slice(prefix.length + 1).split('.')[0] as (typeof SERVICES)[number]];
      const rows = await service.app.get(DataSource).query(`select 1 from "${service.name}".inbox where event_id = $1 and consumer = $2`, [id, consumer]);
      return rows.length > 0;
    };
    await waitFor(async () => (await Promise.all(goodIds.map(handled))).every(Boolean), { timeoutMs: 60_000, what: 'every consumer to handle the good message after the bad ones' });

    recordTrial({
      area: 'Bad input',
      tried: 'malformed JSON, header-less binary, wrong-schema, oversized (600 KB) and future-version messages on each of the four topics, with the eight consumers of the four services running',
      times: sent.length,
      held: 'each parked on <topic>.dlq by exactly the consumers that cannot read it, naming them; each consumer then handled the good message that followed',
      passed: wrong.length === 0,
      figures: { 'dead letters': letters.length, 'good messages handled': goodIds.length },
    });
    expect(wrong.map((s) => `${s.context} ${s.kind}: lettered by ${lettered(s.key).join(', ') || 'nobody'}`)).toEqual([]);
    expect(letters.every((l) => ['unreadable', 'schema-invalid'].includes(String(l.headers?.['dlq-reason'])))).toBe(true);
  }, 150_000);
});
