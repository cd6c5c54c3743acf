// The caseload limit and one open match per participant hold when proposals arrive together: holds
// are taken on the mentor's and the participant's own streams with the version read, so the lagging
// read model cannot let two proposals take the last place, or match one person twice.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { enrolmentEventExamples } from '@alongside/enrolment/contracts';
import { EnrolmentListener } from '@alongside/mentoring/application';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { mintDevToken } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { MentoringAppModule } from '../app.module';

const now = new Date('2025-03-10T14:00:00Z');
let database: TestDatabase;
let app: INestApplication;
let url: string;
let auth: string;

const consented = (participantId: string): ConsumedEvent =>
  ({
    id: randomUUID(),
    type: 'ConsentGranted',
    data: { ...enrolmentEventExamples.ConsentGranted.data, consentId: randomUUID(), participantId, siteId: 'north', purpose: 'peer-support', recipient: { kind: 'peer-support', siteId: 'north' }, expiry: { kind: 'event', event: 'discharge' } },
    metadata: { siteId: 'north', schemaVersion: 1, correlationId: 'c', causationId: 'c', actor: { sub: 'enrolment', role: 'clinician' }, occurredAt: '2025-03-01T10:00:00Z' },
    streamId: `enrolment.participant-north-${participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  }) as unknown as ConsumedEvent;

/** A client that, told 409 (someone changed the caseload first), asks again. */
const propose = async (participantId: string, mentorId: string): Promise<number> => {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const { status } = await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId, mentorId });
    if (status !== 409) return status;
  }
  return 409;
};

const proposedFor = async (mentorId: string): Promise<number> =>
  Number((await app.get(DataSource).query(`select count(*)::int as n from mentoring.events where type = 'MatchProposed' and data->>'mentorId' = $1`, [mentorId]))[0].n);

beforeAll(async () => {
  database = await createTestDatabase('mentoring-caseload-race');
  app = await createServiceApp(MentoringAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => now, sweepIntervalMs: 0 }) as never);
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
  auth = `Bearer ${await mintDevToken({ roles: ['site-manager'], sites: ['north'] })}`;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const onboard = async (maxCaseload: number): Promise<string> => {
  const mentorId = randomUUID();
  await request(url).post('/sites/north/mentors').set('Authorization', auth)
    .send({ mentorId, displayName: 'Sam Rivera', livedExperience: ['opioid-use'], languages: ['en'], specialities: ['opioid-use'], maxCaseload }).expect(201);
  await request(url).post(`/sites/north/mentors/${mentorId}/trainings`).set('Authorization', auth).send({ course: 'Peer ethics', hours: 40, completedOn: '2025-01-20' }).expect(201);
  await request(url).post(`/sites/north/mentors/${mentorId}/certifications`).set('Authorization', auth)
    .send({ credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2027-02-01T00:00:00Z' }).expect(201);
  return mentorId;
};

const consentedParticipants = async (n: number): Promise<string[]> => {
  const participants = Array.from({ length: n }, () => randomUUID());
  for (const participantId of participants) await app.get(EnrolmentListener).handlers.ConsentGranted(consented(participantId), undefined as never);
  return participants;
};

describe('Mentor caseload under concurrent proposals', () => {
  it('fills the caseload exactly and refuses the rest as full, however many propose at once', async () => {
    const mentorId = await onboard(2);
    const statuses = await Promise.all((await consentedParticipants(6)).map((participantId) => propose(participantId, mentorId)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 422)).toHaveLength(4);
    expect(await proposedFor(mentorId)).toBe(2);
  });

  it('gives the place back when a match ends, read from the match itself before the read model shows it', async () => {
    const mentorId = await onboard(1);
    const [first, second] = await consentedParticipants(2);
    const { matchId } = (await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId: first, mentorId }).expect(201)).body;
    await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId: second, mentorId }).expect(422);
    await request(url).post(`/sites/north/matches/${matchId}/end`).set('Authorization', auth).send({ reason: 'proposal-withdrawn' }).expect(200);
    await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId: second, mentorId }).expect(201);
  });

  it('matches a participant proposed to several mentors at once exactly once', async () => {
    const mentors = [await onboard(3), await onboard(3), await onboard(3)];
    const [participantId] = await consentedParticipants(1);
    const statuses = await Promise.all(mentors.map((mentorId) => propose(participantId, mentorId)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(2);
    const proposed = await app.get(DataSource).query(`select 1 from mentoring.events where type = 'MatchProposed' and data->>'participantId' = $1`, [participantId]);
    expect(proposed).toHaveLength(1);
  });

  it('holds no place for a proposal the rules refuse', async () => {
    const mentorId = await onboard(1);
    const [withoutConsent] = [randomUUID()];
    await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId: withoutConsent, mentorId }).expect(422);
    const [consenting] = await consentedParticipants(1);
    await request(url).post('/sites/north/matches').set('Authorization', auth).send({ participantId: consenting, mentorId }).expect(201);
  });
});
