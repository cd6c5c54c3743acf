import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { siteId } from '@alongside/platform/event-sourcing';
import { mintDevToken } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, uniqueTopic, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { MentoringAppModule } from '../../../mentoring/src/app.module';
import { OutcomesAppModule } from '../../../outcomes/src/app.module';
import { admit } from './outcomes-under-test';

/**
 * The whole path of a check-in, on the real database and broker: the participant checks in at
 * outcomes, the relay publishes it, mentoring's consumer hears it and flags the caseload, and the
 * participant reads the flag their mentor reads.
 */
const north = siteId('north');
const prefix = uniqueTopic('companion-flow');
let outcomes: INestApplication;
let mentoring: INestApplication;
const databases: TestDatabase[] = [];
const participantId = randomUUID();

const token = () => mintDevToken({ roles: ['participant'], sites: [north], participantId }).then((t) => `Bearer ${t}`);

beforeAll(async () => {
  const [outcomesDb, mentoringDb] = [await createTestDatabase('companion-flow-o'), await createTestDatabase('companion-flow-m')];
  databases.push(outcomesDb, mentoringDb);
  outcomes = await createServiceApp(OutcomesAppModule.forRoot({ env: { ...process.env, DATABASE_URL: outcomesDb.url, ROLE: 'relay' }, topicPrefix: prefix }) as never);
  mentoring = await createServiceApp(
    MentoringAppModule.forRoot({ env: { ...process.env, DATABASE_URL: mentoringDb.url, ROLE: 'all' }, topicPrefix: prefix, sweepIntervalMs: 0 }) as never,
  );
  await outcomes.init();
  await mentoring.init();
  await admit(outcomes, north, participantId);
}, 90_000);

afterAll(async () => {
  await mentoring?.close();
  await outcomes?.close();
  for (const database of databases) await database.drop();
});

it('a check-in saying "used" reaches the mentor as a flag the participant also sees, through Kafka', async () => {
  await request(outcomes.getHttpServer())
    .post(`/sites/north/participants/${participantId}/check-ins`)
    .set('Authorization', await token())
    .send({ checkInId: randomUUID(), checkedInAt: new Date().toISOString(), mood: 2, craving: 5, usedToday: 'yes' })
    .expect(201);
  await request(outcomes.getHttpServer())
    .post(`/sites/north/participants/${participantId}/contact-requests`)
    .set('Authorization', await token())
    .send({ requestId: randomUUID() })
    .expect(201);
  const flags = await waitFor(
    async () => {
      const response = await request(mentoring.getHttpServer()).get(`/sites/north/participants/${participantId}/companion-signals`).set('Authorization', await token());
      return response.status === 200 && response.body.length >= 2 ? (response.body as { kind: string }[]) : undefined;
    },
    { timeoutMs: 45_000, what: 'the flags on the caseload' },
  );
  expect(flags.map((f) => f.kind).sort()).toEqual(['contact-requested', 'used-today']);
}, 60_000);
