import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { EnrolmentListener, SessionsListener } from '@alongside/outcomes/application';
import type { AnalystCrossTable, AnalystMeasuresTable, PublishedValue, RelapseView } from '@alongside/outcomes/contracts';
import { siteId } from '@alongside/platform/event-sourcing';
import { describeRouteSecurity, mintDevToken, type DevTokenClaims } from '@alongside/platform/security';
import { createServiceApp } from '@alongside/platform/service-runtime';
import { createTestDatabase, waitFor, type TestDatabase } from '@alongside/platform/testing';
import { DataSource } from 'typeorm';
import { OutcomesAppModule } from '../app.module';
import { attended, discharged, enrolled } from './heard-events';

const north = siteId('north');
const south = siteId('south');
const tiny = siteId('tiny');
let now = new Date('2026-05-01T15:00:00Z');

let database: TestDatabase;
let app: INestApplication;
const northParticipants: string[] = [];
const southParticipants: string[] = [];

const token = (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) => mintDevToken({ sites: [north], sub: `user-${randomUUID()}`, ...claims });
const bearer = async (claims: Partial<DevTokenClaims> & Pick<DevTokenClaims, 'roles'>) => `Bearer ${await token(claims)}`;
const clinician = (site = north) => bearer({ roles: ['clinician'], sites: [site] });
// Every committed row, in SQL: readAll holds events back behind a transaction still open elsewhere, so an
// earlier test's append could surface between `before` and after (and this count would move by itself).
const count = async (): Promise<number> => (await app.get(DataSource).query('select count(*)::int as n from outcomes.events'))[0].n;
const http = () => request(app.getHttpServer());

const admit = async (site: typeof north, admittedOn: string) => {
  const participantId = randomUUID();
  const event = enrolled(site, participantId, admittedOn);
  await app.get(EnrolmentListener).handlers.Enrolled(event, undefined as never);
  return { participantId, episodeId: (event.data as { episodeId: string }).episodeId };
};

const relapseView = async (site: typeof north): Promise<RelapseView> =>
  (await http().get(`/sites/${site}/dashboards/relapse`).set('Authorization', await bearer({ roles: ['site-manager'], sites: [site] })).expect(200)).body;

beforeAll(async () => {
  database = await createTestDatabase('outcomes-e2e');
  app = await createServiceApp(OutcomesAppModule.forRoot({ env: { ...process.env, DATABASE_URL: database.url, ROLE: 'projections' }, clock: () => now }) as never);
  await app.init();
  for (let i = 0; i < 14; i++) northParticipants.push((await admit(north, `2026-0${1 + (i % 3)}-1${i % 9}`)).participantId);
  for (let i = 0; i < 12; i++) southParticipants.push((await admit(south, `2026-02-0${1 + (i % 9)}`)).participantId);
  // A site small enough that its counts must be suppressed for analysts.
  for (let i = 0; i < 3; i++) await admit(tiny, '2026-03-02');
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('Outcomes API', () => {
  it('scores an assessment itself and raises an urgent safety alert on PHQ-9 item 9', async () => {
    const [participant] = northParticipants;
    const response = await http()
      .post(`/sites/north/participants/${participant}/assessments`)
      .set('Authorization', await clinician())
      .send({ instrument: 'PHQ-9', items: [1, 1, 1, 1, 1, 0, 0, 0, 1], administeredAt: '2026-05-01T10:00:00-04:00' })
      .expect(201);
    expect(response.body).toMatchObject({ instrument: 'PHQ-9', total: 6, band: 'mild', safetyAlertId: expect.any(String) });
    const alertId = response.body.safetyAlertId;

    const open = await waitFor(async () => {
      const list = await http().get('/sites/north/safety-alerts').set('Authorization', await clinician()).expect(200);
      return list.body.find((a: { alertId: string }) => a.alertId === alertId);
    });
    expect(open).toMatchObject({ participantId: participant, acknowledgedAt: null });

    await http().post(`/sites/north/participants/${participant}/safety-alerts/${alertId}/acknowledgement`).set('Authorization', await clinician()).expect(200);
    const again = await http().post(`/sites/north/participants/${participant}/safety-alerts/${alertId}/acknowledgement`).set('Authorization', await clinician());
    expect(again.status).toBe(422);
    await http()
      .post(`/sites/north/participants/${participant}/safety-alerts/${alertId}/resolution`)
      .set('Authorization', await clinician())
      .send({ resolution: 'safety-plan-made' })
      .expect(200);
  });

  it('refuses answers out of range with 422 in clinical words, appending nothing', async () => {
    const before = await count();
    const response = await http()
      .post(`/sites/north/participants/${northParticipants[1]}/assessments`)
      .set('Authorization', await clinician())
      .send({ instrument: 'BARC-10', items: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1], administeredAt: '2026-05-01T10:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.detail).toMatch(/question 1 takes a whole number from 1 to 6/);
    expect(await count()).toBe(before);
  });

  it("answers 404 for another site's participant, appending nothing", async () => {
    const before = await count();
    await http()
      .post(`/sites/north/participants/${southParticipants[0]}/relapses`)
      .set('Authorization', await clinician())
      .send({ occurredOn: '2026-04-20', substances: ['alcohol'] })
      .expect(404);
    expect(await count()).toBe(before);
  });

  it('returns the first result for a repeated Idempotency-Key and appends nothing', async () => {
    const send = async () =>
      http()
        .post(`/sites/north/participants/${northParticipants[2]}/drug-screens`)
        .set('Authorization', await clinician())
        .set('Idempotency-Key', 'screen-north-0002')
        .send({ specimen: 'urine', collectedAt: '2026-04-30T09:00:00Z', results: [{ substance: 'fentanyl', result: 'positive', prescribed: false }] })
        .expect(201);
    const first = await send();
    const before = await count();
    const repeat = await send();
    expect(repeat.body.id).toBe(first.body.id);
    expect(await count()).toBe(before);
  });

  it("changes the relapse rate of the site where a relapse is recorded, and not another site's", async () => {
    const northBefore = await waitFor(() => relapseView(north));
    const southBefore = await relapseView(south);
    const recorded = await http()
      .post(`/sites/north/participants/${northParticipants[3]}/relapses`)
      .set('Authorization', await clinician())
      .send({ occurredOn: '2026-04-25', substances: ['opiates'] })
      .expect(201);
    expect(recorded.body.recorded).toEqual(['RelapseRecorded', 'SobrietyStartSet']);
    const northAfter = await waitFor(async () => {
      const view = await relapseView(north);
      return view.relapses.events === northBefore.relapses.events + 1 ? view : null;
    }, { what: "north's relapse count to move" });
    expect(northAfter.relapses.ratePer1000Days).toBeGreaterThan(northBefore.relapses.ratePer1000Days ?? 0);
    expect(northAfter.timeToFirstRelapse.events).toBe(northBefore.timeToFirstRelapse.events + 1);
    const southAfter = await relapseView(south);
    expect(southAfter.relapses).toEqual(southBefore.relapses);
    expect(northAfter.mentoring.interpretation).toMatch(/association, not a cause/);
  });

  it('draws time in treatment with active participants censored, and cohorts by admission month', async () => {
    const { episodeId, participantId } = await admit(north, '2026-01-05');
    await app.get(EnrolmentListener).handlers.Discharged(discharged(north, participantId, episodeId, '2026-01-05', '2026-02-04', 'left-against-advice'), undefined as never);
    const view = await waitFor(async () => {
      const body = (await http().get('/sites/north/dashboards/retention').set('Authorization', await clinician()).expect(200)).body;
      return body.timeInTreatment.events >= 1 ? body : null;
    });
    expect(view.census.active).toBe(14);
    expect(view.timeInTreatment.subjects).toBe(15);
    expect(view.dischargeReasons).toEqual([{ reason: 'left-against-advice', count: 1 }]);
    expect(view.timeInTreatment.points.find((p: { day: number }) => p.day === 30)).toMatchObject({ atRisk: 15, survival: 14 / 15 });
    const january = view.retentionByCohort.find((c: { cohort: string }) => c.cohort === '2026-01');
    expect(january.day30).toEqual({ eligible: 6, retained: 6, share: 1 });
  });

  it('counts each session once by group kind, however many attend it, and attendances and who came', async () => {
    const [a, b, c] = southParticipants;
    const [first, second, walk] = [randomUUID(), randomUUID(), randomUUID()];
    const heard = [
      attended(south, a, first, 'group-therapy', '2026-04-06', 'present'),
      attended(south, b, first, 'group-therapy', '2026-04-06', 'late'),
      attended(south, c, first, 'group-therapy', '2026-04-06', 'absent'),
      attended(south, a, second, 'group-therapy', '2026-04-13', 'present'),
      attended(south, b, second, 'group-therapy', '2026-04-13', 'absent'),
      attended(south, c, walk, 'community-activity', '2026-04-14', 'present'),
    ];
    for (const event of heard) await app.get(SessionsListener).handlers.AttendanceRecorded(event, undefined as never);
    const auth = await bearer({ roles: ['site-manager'], sites: [south] });
    const kinds = await waitFor(async () => {
      const body = (await http().get('/sites/south/dashboards/engagement').set('Authorization', auth).expect(200)).body;
      const total = (body.sessionsByGroupKind as { attendances: number }[]).reduce((n, k) => n + k.attendances, 0);
      return total === heard.length ? body.sessionsByGroupKind : null;
    }, { what: "south's six attendances on the engagement view" });
    expect(kinds).toEqual([
      { groupKind: 'community-activity', sessions: 1, attendances: 1, attended: 1, attendanceRate: 1 },
      { groupKind: 'group-therapy', sessions: 2, attendances: 5, attended: 3, attendanceRate: 3 / 5 },
    ]);
  });

  it('filters the dashboards by cohort and answers 400 to a bad filter', async () => {
    const view = (await http().get('/sites/north/dashboards/retention?cohort=2026-02').set('Authorization', await clinician()).expect(200)).body;
    expect(view.retentionByCohort.map((c: { cohort: string }) => c.cohort)).toEqual(['2026-02']);
    await http().get('/sites/north/dashboards/retention?cohort=February').set('Authorization', await clinician()).expect(400);
  });

  it('reports wellbeing change only for participants with two assessments', async () => {
    const participant = northParticipants[5];
    for (const [items, at] of [
      [[2, 2, 2, 2, 2, 2, 2, 0, 0], '2026-03-01T10:00:00Z'],
      [[1, 1, 1, 1, 0, 0, 0, 0, 0], '2026-04-20T10:00:00Z'],
    ] as const) {
      await http().post(`/sites/north/participants/${participant}/assessments`).set('Authorization', await clinician()).send({ instrument: 'PHQ-9', items, administeredAt: at }).expect(201);
    }
    const view = await waitFor(async () => {
      const body = (await http().get('/sites/north/dashboards/wellbeing').set('Authorization', await clinician()).expect(200)).body;
      return body.instruments[0].withChange === 1 ? body : null;
    });
    expect(view.instruments[0]).toMatchObject({ instrument: 'PHQ-9', assessed: 2, withChange: 1, improved: 1, improvedShare: 1, intakeMean: 14, latestMean: 4 });
    expect(view.instruments[2]).toMatchObject({ instrument: 'BARC-10', assessed: 0, withChange: 0, improvedShare: null });
  });

  it('gives analysts a table where a small site is suppressed and cannot be recomputed from the totals', async () => {
    const analyst = await bearer({ roles: ['analyst'], sites: [north, south, tiny] });
    const table: AnalystMeasuresTable = await waitFor(async () => {
      const body = (await http().get('/analytics/measures?by=site').set('Authorization', analyst).expect(200)).body as AnalystMeasuresTable;
      return body.rows.length === 3 ? body : null;
    });
    const tinyRow = table.rows.find((r) => r.cohort === 'tiny')!;
    expect(tinyRow.values.admitted).toEqual({ suppressed: true, value: null });
    expect(tinyRow.values.participantDays).toEqual({ suppressed: true, value: null });
    // Every published column with a published total has zero or at least two suppressed cells.
    for (const measure of ['admitted', 'active', 'discharged', 'participantDays'] as const) {
      const hidden = table.rows.filter((r) => r.values[measure].suppressed).length;
      if (!table.total[measure].suppressed) expect(hidden).not.toBe(1);
    }
    const published = (v: PublishedValue) => (v.suppressed ? null : v.value);
    const shown = JSON.stringify(table);
    expect(shown).not.toMatch(/participantId|episodeId/);
    expect(table.rows.every((r) => Object.values(r.values).every((v) => v.suppressed || published(v) === null || !(Number(published(v)) >= 1 && Number(published(v)) <= 10) || !Number.isInteger(published(v))))).toBe(true);

    const csv = await http().get('/analytics/measures?by=site&format=csv').set('Authorization', analyst).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n').find((line) => line.startsWith('tiny,'))).toMatch(/^tiny,suppressed,/);

    const reasons: AnalystCrossTable = (await http().get('/analytics/discharge-reasons?by=site').set('Authorization', analyst).expect(200)).body;
    for (const row of reasons.cells) for (const cell of row) if (!cell.suppressed) expect(cell.value === 0 || (cell.value ?? 0) > 10).toBe(true);
  });

  it('never lets an analyst reach a person-level route', async () => {
    await http().get(`/sites/north/participants/${northParticipants[0]}/sobriety`).set('Authorization', await bearer({ roles: ['analyst'] })).expect(403);
  });

  it('moves the dashboard version when a command lands', async () => {
    const auth = await clinician();
    const before = (await http().get('/sites/north/dashboards/version').set('Authorization', auth).expect(200)).body.version;
    now = new Date('2026-05-02T15:00:00Z');
    await http().post(`/sites/north/participants/${northParticipants[6]}/lapses`).set('Authorization', auth).send({ occurredOn: '2026-05-01', substances: ['alcohol'] }).expect(201);
    await waitFor(async () => BigInt((await http().get('/sites/north/dashboards/version').set('Authorization', auth)).body.version) > BigInt(before), { timeoutMs: 2_000, what: 'the version to move within two seconds' });
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
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/assessments`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { instrument: 'GAD-7', items: [0, 0, 0, 0, 0, 0, 0], administeredAt: '2026-04-01T10:00:00Z' },
        badBody: { body: { instrument: 'GAD-8', items: [0, 0, 0, 0, 0, 0, 0], administeredAt: '2026-04-01T10:00:00Z' }, field: 'instrument' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/drug-screens`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { specimen: 'urine', collectedAt: '2026-04-01T10:00:00Z', results: [{ substance: 'alcohol', result: 'negative', prescribed: false }] },
        badBody: { body: { specimen: 'urine', collectedAt: 'yesterday', results: [{ substance: 'alcohol', result: 'negative', prescribed: false }] }, field: 'collectedAt' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/substance-use-reports`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { periodDays: 30, substances: [{ substance: 'alcohol', daysUsed: 1 }] },
        badBody: { body: { periodDays: 0, substances: [] }, field: 'periodDays' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/lapses`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { occurredOn: '2026-04-01', substances: ['alcohol'] },
        badBody: { body: { occurredOn: 'last week', substances: ['alcohol'] }, field: 'occurredOn' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/relapses`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { occurredOn: '2026-04-01', substances: ['alcohol'] },
        badBody: { body: { occurredOn: '2026-04-01', substances: ['chocolate'] }, field: 'substances' },
      },
      {
        method: 'put',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/sobriety-date`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { startedOn: '2026-03-01' },
        badBody: { body: { startedOn: 'March' }, field: 'startedOn' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/milestones`,
        roles: ['clinician', 'peer-mentor'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { milestoneDays: 30 },
        badBody: { body: { milestoneDays: 'thirty' }, field: 'milestoneDays' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/readmissions`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { setting: 'hospital', admittedOn: '2026-04-01' },
        badBody: { body: { setting: 'spa', admittedOn: '2026-04-01' }, field: 'setting' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/emergency-visits`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { visitedOn: '2026-04-01', substanceRelated: true, overdose: false },
        badBody: { body: { visitedOn: '2026-04-01', substanceRelated: 'yes', overdose: false }, field: 'substanceRelated' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/reintegration-reviews`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { checkpoint: 'intake', livingSituation: 'independent', occupation: 'seeking-work', socialConnectedness: 3, recordedOn: '2026-04-01' },
        badBody: { body: { checkpoint: 'intake', livingSituation: 'independent', occupation: 'seeking-work', socialConnectedness: 9, recordedOn: '2026-04-01' }, field: 'socialConnectedness' },
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/safety-alerts/${randomUUID()}/acknowledgement`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
      },
      {
        method: 'post',
        path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/safety-alerts/${randomUUID()}/resolution`,
        roles: ['clinician'],
        crossSite: () => ({ id: southParticipants[1] }),
        body: { resolution: 'no-current-risk' },
        badBody: { body: { resolution: 'fine' }, field: 'resolution' },
      },
      { method: 'get', path: (s, { id }) => `/sites/${s}/participants/${id ?? northParticipants[7]}/sobriety`, roles: ['clinician', 'peer-mentor', 'participant'], crossSite: () => ({ id: southParticipants[1] }) },
      { method: 'get', path: (s) => `/sites/${s}/safety-alerts`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/version`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/facets`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/retention`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/relapse`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/engagement`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/sites/${s}/dashboards/wellbeing`, roles: ['clinician', 'site-manager'] },
      { method: 'get', path: (s) => `/analytics/measures?by=site&sites=${s}`, roles: ['analyst'], name: 'GET /analytics/measures' },
      { method: 'get', path: (s) => `/analytics/discharge-reasons?by=site&sites=${s}`, roles: ['analyst'], name: 'GET /analytics/discharge-reasons' },
    ],
  });
});
