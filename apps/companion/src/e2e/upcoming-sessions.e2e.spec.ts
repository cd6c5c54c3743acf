import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { siteId } from '@alongside/platform/event-sourcing';
import { describeRouteSecurity, mintDevToken } from '@alongside/platform/security';
import type { TestDatabase } from '@alongside/platform/testing';
import { groupWithSessions, startSessions, upcomingFor } from './sessions-under-test';

const north = siteId('north');
const south = siteId('south');
const now = new Date('2026-05-01T10:00:00Z');
let app: INestApplication;
let database: TestDatabase;
const me = randomUUID();
const neighbour = randomUUID();
const southern = randomUUID();

beforeAll(async () => {
  ({ app, database } = await startSessions(() => now));
  await groupWithSessions(app, north, me, 'Tuesday evening group', ['2026-04-28T18:00:00+01:00', '2026-05-05T18:00:00+01:00', '2026-05-12T18:00:00+01:00']);
  await groupWithSessions(app, north, neighbour, 'Thursday group', ['2026-05-07T18:00:00+01:00']);
  await groupWithSessions(app, south, southern, 'South group', ['2026-05-07T18:00:00+01:00']);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe("A participant's upcoming sessions", () => {
  it('lists the next sessions of their own groups only, soonest first, none already past', async () => {
    const upcoming = await upcomingFor(app, north, me, 2);
    expect(upcoming.map((s) => [s.groupName, s.startsAt, s.venue])).toEqual([
      ['Tuesday evening group', '2026-05-05T17:00:00.000Z', 'Room 2, Riverside centre'],
      ['Tuesday evening group', '2026-05-12T17:00:00.000Z', 'Room 2, Riverside centre'],
    ]);
  });

  it("answers 404 for another participant's sessions", async () => {
    const auth = `Bearer ${await mintDevToken({ roles: ['participant'], sites: [north], participantId: me })}`;
    await request(app.getHttpServer()).get(`/sites/north/participants/${neighbour}/upcoming-sessions`).set('Authorization', auth).expect(404);
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
      path: (site, ids) => `/sites/${site}/participants/${ids.participantId ?? me}/upcoming-sessions`,
      roles: ['participant'],
      crossSite: () => ({ participantId: southern }),
      claims: { participantId: me },
    },
  ],
});
