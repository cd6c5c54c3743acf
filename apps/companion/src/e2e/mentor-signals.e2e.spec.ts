import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import request from 'supertest';
import { CompanionListener, MentoringModule, QuietWeekSweeper } from '@alongside/mentoring/application';
import { mentoringUpcasters } from '@alongside/mentoring/contracts';
import type { CheckInRecorded, MentorContactRequested } from '@alongside/outcomes/contracts';
import { siteId, type SiteId } from '@alongside/platform/event-sourcing';
import type { ConsumedEvent } from '@alongside/platform/messaging-kafka';
import { describeRouteSecurity, mintDevToken } from '@alongside/platform/security';
import { createServiceApp, ServiceRuntimeModule } from '@alongside/platform/service-runtime';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';

const north = siteId('north');
const south = siteId('south');
let now = new Date('2026-05-03T20:00:00Z');
let app: INestApplication;
let database: TestDatabase;
let pool: Pool;
const me = randomUUID();
const neighbour = randomUUID();
const southern = randomUUID();

/** An outcomes event as the consumer base hands it to a handler. */
const heard = <E extends CheckInRecorded | MentorContactRequested>(site: SiteId, type: E['type'], data: E['data'], at: string): ConsumedEvent => {
  const id = randomUUID();
  return {
    id,
    type,
    data,
    metadata: { siteId: site, schemaVersion: 1, correlationId: id, causationId: id, actor: { sub: 'p', role: 'participant' }, occurredAt: at },
    streamId: `outcomes.check-ins-${site}-${data.participantId}`,
    streamPosition: 0n,
    globalPosition: 1n,
    origin: { topic: 'test', partition: 0, offset: '0' },
  } as unknown as ConsumedEvent;
};

const checkIn = (site: SiteId, participantId: string, day: string, craving: number, usedToday: 'yes' | 'no' | 'rather-not-say' = 'no') =>
  heard<CheckInRecorded>(site, 'CheckInRecorded', {
    checkInId: randomUUID(), participantId, checkedInAt: `${day}T19:00:00Z`, checkedInOn: day, mood: 3, craving, usedToday, hasNote: false, noteShared: false,
  }, `${day}T19:00:00Z`);

/** Delivers as the consumer would: the handler's effect and nothing else in one transaction. */
const deliver = async (event: ConsumedEvent) => {
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    await app.get(CompanionListener).handlers[event.type as 'CheckInRecorded'](event, tx);
    await tx.query('commit');
  } finally {
    tx.release();
  }
};

const participant = (participantId: string) => mintDevToken({ roles: ['participant'], sites: [north], participantId }).then((t) => `Bearer ${t}`);
const signalsOf = async (participantId: string) =>
  (await request(app.getHttpServer()).get(`/sites/north/participants/${participantId}/companion-signals`).set('Authorization', await participant(participantId)).expect(200)).body as { kind: string; explanation: string }[];

beforeAll(async () => {
  database = await createTestDatabase('companion-mentoring');
  const env = { ...process.env, DATABASE_URL: database.url, ROLE: 'api' };
  @Module({ imports: [ServiceRuntimeModule.forRoot({ context: 'mentoring', upcasters: mentoringUpcasters, env }), MentoringModule.forRoot({ clock: () => now, sweepIntervalMs: 0 })] })
  class MentoringUnderTest {}
  app = await createServiceApp(MentoringUnderTest as never);
  await app.init();
  pool = new Pool({ connectionString: database.url, max: 2 });
  await deliver(checkIn(north, neighbour, '2026-05-01', 1));
  await deliver(checkIn(south, southern, '2026-05-01', 1));
});

afterAll(async () => {
  await pool?.end();
  await app?.close();
  await database?.drop();
});

describe("Risk flags on the mentor's caseload, heard from check-ins", () => {
  it('flags three days in a row of craving 7 or more, once, even when a message is delivered twice', async () => {
    const third = checkIn(north, me, '2026-05-03', 8);
    for (const event of [checkIn(north, me, '2026-05-01', 7), checkIn(north, me, '2026-05-02', 9), third, third]) await deliver(event);
    const signals = await signalsOf(me);
    expect(signals.map((s) => s.kind)).toEqual(['craving-high-three-days']);
    expect(signals[0].explanation).toMatch(/three days in a row/);
  });

  it('flags a day they said they used, and a request for contact; the participant reads the same words', async () => {
    await deliver(checkIn(north, me, '2026-05-04', 2, 'yes'));
    await deliver(heard<MentorContactRequested>(north, 'MentorContactRequested', { requestId: randomUUID(), participantId: me, requestedAt: '2026-05-04T21:00:00Z' }, '2026-05-04T21:00:00Z'));
    expect((await signalsOf(me)).map((s) => s.kind)).toEqual(['contact-requested', 'used-today', 'craving-high-three-days']);
  });

  it('flags a quiet week after daily check-ins when the sweep runs a week later, once', async () => {
    now = new Date('2026-05-11T09:00:00Z');
    expect(await app.get(QuietWeekSweeper).sweep()).toBe(1);
    expect(await app.get(QuietWeekSweeper).sweep()).toBe(0);
    expect((await signalsOf(me))[0].kind).toBe('quiet-week-after-daily');
    // One check-in is not a run of daily ones: no flag for the neighbour.
    expect(await signalsOf(neighbour)).toEqual([]);
  });

  it("answers 404 to a participant asking for another participant's flags", async () => {
    await request(app.getHttpServer()).get(`/sites/north/participants/${neighbour}/companion-signals`).set('Authorization', await participant(me)).expect(404);
  });
});

describeRouteSecurity({
  app: () => app.getHttpServer(),
  mint: mintDevToken,
  site: north,
  otherSite: south,
  routes: [
    {
      method: 'get',
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/companion-signals`,
      roles: ['participant', 'peer-mentor', 'site-manager'],
      crossSite: () => ({ participantId: southern }),
    },
  ],
});
