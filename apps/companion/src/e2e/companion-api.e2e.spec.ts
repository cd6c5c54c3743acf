import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { siteId, streamName } from '@alongside/platform/event-sourcing';
import { EVENT_STORE, type EventStore } from '@alongside/platform/event-store';
import { describeRouteSecurity, mintDevToken } from '@alongside/platform/security';
import type { TestDatabase } from '@alongside/platform/testing';
import { admit, startOutcomes } from './outcomes-under-test';

const north = siteId('north');
const south = siteId('south');
const now = new Date('2026-05-01T18:00:00Z');

let app: INestApplication;
let database: TestDatabase;
let store: EventStore;
const me = randomUUID();
let neighbour: string;
let southern: string;

const participant = (participantId: string, site = north) =>
  mintDevToken({ roles: ['participant'], sites: [site], participantId, sub: `p-${participantId}` }).then((t) => `Bearer ${t}`);
const myLog = async () => (await store.readStream(streamName('outcomes', 'check-ins', north, me))).events;
const http = () => request(app.getHttpServer());
const count = async () => (await store.readAll({ limit: 1_000_000 })).events.length;
const checkIn = (over: Record<string, unknown> = {}) => ({
  checkInId: randomUUID(),
  checkedInAt: '2026-05-01T17:59:00Z',
  mood: 4,
  craving: 3,
  usedToday: 'no',
  ...over,
});

beforeAll(async () => {
  ({ app, database } = await startOutcomes(() => now));
  store = app.get(EVENT_STORE);
  await admit(app, north, me);
  neighbour = await admit(app, north);
  southern = await admit(app, south);
  await http()
    .put(`/sites/north/participants/${me}/sobriety-date`)
    .set('Authorization', `Bearer ${await mintDevToken({ roles: ['clinician'], sites: [north] })}`)
    .send({ startedOn: '2026-03-01' })
    .expect(200);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('Companion API for the participant', () => {
  it('records a check-in once, however often the phone sends it', async () => {
    const body = checkIn({ note: 'Walked by the river', shareNoteWithMentor: false });
    const first = await http().post(`/sites/north/participants/${me}/check-ins`).set('Authorization', await participant(me)).send(body).expect(201);
    expect(first.body).toEqual({ checkInId: body.checkInId, recordedNow: true });
    const before = await count();
    const again = await http().post(`/sites/north/participants/${me}/check-ins`).set('Authorization', await participant(me)).set('Idempotency-Key', `retry-${body.checkInId}`).send(body).expect(201);
    expect(again.body.recordedNow).toBe(false);
    expect(await count()).toBe(before);
    const mine = await http().get(`/sites/north/participants/${me}/check-ins`).set('Authorization', await participant(me)).expect(200);
    expect(mine.body.filter((c: { checkInId: string }) => c.checkInId === body.checkInId)).toEqual([
      expect.objectContaining({ mood: 4, craving: 3, usedToday: 'no', note: 'Walked by the river', noteShared: false, checkedInOn: '2026-05-01' }),
    ]);
  });

  it('shows the mentor a note only when the participant shares it', async () => {
    const privateOne = checkIn({ note: 'only mine' });
    const sharedOne = checkIn({ note: 'please call', shareNoteWithMentor: true, checkedInAt: '2026-05-01T17:00:00Z' });
    for (const body of [privateOne, sharedOne]) {
      await http().post(`/sites/north/participants/${me}/check-ins`).set('Authorization', await participant(me)).send(body).expect(201);
    }
    const asMentor = await http()
      .get(`/sites/north/participants/${me}/check-ins`)
      .set('Authorization', `Bearer ${await mintDevToken({ roles: ['clinician'], sites: [north] })}`);
    expect(asMentor.status).toBe(403);
    const events = (await myLog()).filter((e) => e.type === 'CheckInRecorded');
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/only mine|please call|river/);
  });

  it('refuses a mood out of range with 400 naming the field, appending nothing', async () => {
    const before = await count();
    const response = await http().post(`/sites/north/participants/${me}/check-ins`).set('Authorization', await participant(me)).send(checkIn({ mood: 9 }));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mood' })]));
    expect(await count()).toBe(before);
  });

  it('shows days, the next milestone, milestones reached and the lapse policy, plainly', async () => {
    const view = await http().get(`/sites/north/participants/${me}/companion`).set('Authorization', await participant(me)).expect(200);
    expect(view.body).toMatchObject({ startedOn: '2026-03-01', days: 61, nextMilestone: 90, daysToNext: 29, newStart: false });
    expect(view.body.reached).toEqual([{ days: 30, reachedOn: '2026-03-31' }, { days: 60, reachedOn: '2026-04-30' }]);
    expect(view.body.lapsePolicy).toMatch(/lapse does not reset/);
    expect(JSON.stringify(view.body)).not.toMatch(/streak|broken|fail/i);
  });

  it('records a request for contact once per tap', async () => {
    const requestId = randomUUID();
    for (let i = 0; i < 2; i++) {
      await http().post(`/sites/north/participants/${me}/contact-requests`).set('Authorization', await participant(me)).send({ requestId }).expect(201);
    }
    const requested = (await myLog()).filter((e) => e.type === 'MentorContactRequested');
    expect(requested).toHaveLength(1);
  });

  it.each(['check-ins', 'companion'])("answers 404 to another participant's %s, and audits nothing of theirs", async (route) => {
    await http().get(`/sites/north/participants/${neighbour}/${route}`).set('Authorization', await participant(me)).expect(404);
  });

  it('answers 404 to a participant never admitted here', async () => {
    const stranger = randomUUID();
    await http().get(`/sites/north/participants/${stranger}/companion`).set('Authorization', await participant(stranger)).expect(404);
  });
});

describeRouteSecurity({
  app: () => app.getHttpServer(),
  mint: mintDevToken,
  site: north,
  otherSite: south,
  appendedCount: count,
  routes: [
    {
      method: 'post',
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/check-ins`,
      roles: ['participant'],
      crossSite: () => ({ participantId: southern }),
      body: checkIn(),
      claims: { participantId: me },
    },
    {
      // Apart: the kit sends bad bodies to the cross-site ids, where the participant guard answers 404 first.
      name: 'POST check-ins with a bad body',
      method: 'post',
      path: (site) => `/sites/${site}/participants/${me}/check-ins`,
      roles: ['participant'],
      body: checkIn(),
      badBody: { body: checkIn({ craving: 11 }), field: 'craving' },
      claims: { participantId: me },
    },
    {
      method: 'get',
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/check-ins`,
      roles: ['participant', 'peer-mentor'],
      crossSite: () => ({ participantId: southern }),
      claims: { participantId: me },
    },
    {
      method: 'post',
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/contact-requests`,
      roles: ['participant'],
      crossSite: () => ({ participantId: southern }),
      body: { requestId: randomUUID() },
      claims: { participantId: me },
    },
    {
      name: 'POST contact-requests with a bad body',
      method: 'post',
      path: (site) => `/sites/${site}/participants/${me}/contact-requests`,
      roles: ['participant'],
      body: { requestId: randomUUID() },
      badBody: { body: { requestId: 'not-a-uuid' }, field: 'requestId' },
      claims: { participantId: me },
    },
    {
      method: 'get',
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/companion`,
      roles: ['participant'],
      crossSite: () => ({ participantId: southern }),
      claims: { participantId: me },
    },
  ],
});
