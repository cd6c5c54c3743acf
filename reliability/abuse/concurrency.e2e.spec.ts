// Concurrency, item 4 of issue 13: many clients changing the same participant, session and mentor
// at once. Every answer is a success, a 409 (someone else changed it first: retry) or the rule that
// the winner's change now triggers; nothing is lost, nothing is doubled, and no caseload overflows.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { participantStream } from '@alongside/enrolment/domain';
import { matchStream, mentorStream } from '@alongside/mentoring/domain';
import type { SiteId } from '@alongside/platform/event-sourcing';
import { sessionStream } from '@alongside/sessions/domain';
import { recordTrial } from '../report/trials';
import { bySize } from '../report/size';
import { mentoringHearsPeerConsent, sessionsHearsSite } from './fixtures/heard-events';
import { bearer, startServices, type ServicesUnderTest, type ServiceUnderTest } from './fixtures/services-under-test';

const north = 'north' as SiteId;
const SEED = 13_04;
const runs = bySize({ ci: 4, large: 40 });
const clock = { now: new Date('2025-04-10T12:00:00Z') };

let under: ServicesUnderTest;
const tokens: Record<string, string> = {};

type Answer = { status: number; body: Record<string, unknown> };

const eventsOf = async (service: ServiceUnderTest, stream: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
  service.app.get(DataSource).query(`select type, data from "${service.name}".events where stream_id = $1 order by stream_position`, [stream]);

/** A client that retries a 409 (the answer to a concurrent change) until it gets another answer, as the API asks. */
const retryingOn409 = async (send: () => Promise<Answer>, attempts = 30): Promise<Answer & { conflicts: number }> => {
  for (let conflicts = 0; ; conflicts += 1) {
    const answer = await send();
    if (answer.status !== 409 || conflicts + 1 >= attempts) return { ...answer, conflicts };
  }
};

beforeAll(async () => {
  under = await startServices('abuse-concurrency', { only: ['enrolment', 'sessions', 'mentoring'], clock });
  tokens.admin = await bearer({ roles: ['platform-admin'] });
  tokens.clinician = await bearer({ roles: ['clinician'], sub: 'clinician-1' });
  tokens.manager = await bearer({ roles: ['site-manager'], sub: 'manager-1' });
  for (let i = 0; i < 6; i += 1) tokens[`facilitator${i}`] = await bearer({ roles: ['facilitator'], sub: `facilitator-${i}` });
  await under.services.enrolment
    .http()
    .put('/sites/north/configuration')
    .set('Authorization', tokens.admin)
    .send({
      name: 'North',
      timeZone: 'America/Chicago',
      programmes: ['residential', 'outpatient'],
      milestonePolicy: { milestoneDays: [30, 60, 90], lapseRestartsCount: false },
      followUpSchedule: { daysAfterDischarge: [7, 30] },
      payerRulesRef: 'medicaid-peer-support@1',
    })
    .expect(200);
  await sessionsHearsSite(under.services.sessions.app, north);
}, 60_000);

afterAll(async () => {
  await under?.close();
});

describe('enrolment: admissions and discharges of one participant at once', () => {
  it('admits once and discharges once, whoever wins, with the winner’s reason kept', async () => {
    const enrolment = under.services.enrolment;
    const statuses = new Map<number, number>();
    let clients = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 6 }), fc.array(fc.constantFrom('completed', 'left-against-advice', 'transferred', 'other'), { minLength: 6, maxLength: 6 }), async (n, reasons) => {
        const participantId = (
          await enrolment.http().post('/sites/north/participants').set('Authorization', tokens.clinician)
            .send({ givenName: 'Ana', familyName: 'López', dateOfBirth: '1991-07-14' }).expect(201)
        ).body.participantId as string;
        const admissions = await Promise.all(
          Array.from({ length: n }, () =>
            enrolment.http().post(`/sites/north/participants/${participantId}/episodes`).set('Authorization', tokens.clinician)
              .send({ programme: 'residential', levelOfCare: '3.5', referralSource: 'self', admittedOn: '2025-04-01' }),
          ),
        );
        const discharges = await Promise.all(
          reasons.slice(0, n).map((reason) => {
            const episodeId = admissions.find((answer) => answer.status === 201)?.body.episodeId as string;
            return enrolment.http().post(`/sites/north/participants/${participantId}/episodes/${episodeId}/discharge`).set('Authorization', tokens.clinician)
              .send({ reason, dischargedOn: '2025-04-09' });
          }),
        );
        clients += 2 * n;
        for (const answer of [...admissions, ...discharges]) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect([...admissions, ...discharges].map((a) => a.status).filter((status) => ![200, 201, 409, 422].includes(status))).toEqual([]);
        expect(admissions.filter((a) => a.status === 201)).toHaveLength(1);
        const discharged = discharges.filter((a) => a.status < 300);
        expect(discharged).toHaveLength(1);
        const events = await eventsOf(enrolment, participantStream(north, participantId));
        expect(events.filter((e) => e.type === 'Enrolled')).toHaveLength(1);
        const dischargeEvents = events.filter((e) => e.type === 'Discharged');
        expect(dischargeEvents).toHaveLength(1);
        // No lost update: the one discharge in the log is the one that was told it succeeded.
        expect(dischargeEvents[0].data.reason).toBe(reasons[discharges.indexOf(discharged[0])]);
      }),
      { seed: SEED, numRuns: runs },
    );
    recordTrial({
      area: 'Concurrency',
      tried: 'enrolment: 2–6 clients admit one participant at once, then discharge the episode at once (fast-check)',
      times: clients,
      held: 'only 2xx, 409 or 422; one Enrolled and one Discharged in the log, with the reason of the one client told it succeeded',
      passed: true,
      figures: { seed: SEED, runs, ...Object.fromEntries([...statuses].sort().map(([status, count]) => [`http ${status}`, count])) },
    });
  }, bySize({ ci: 120_000, large: 900_000 }));
});

describe('sessions: attendance of one session taken by several facilitators at once', () => {
  it('records exactly one submission, every member once, never a mix of two', async () => {
    const sessions = under.services.sessions;
    const members = Array.from({ length: 4 }, () => randomUUID());
    const groupId = (
      await sessions.http().post('/sites/north/groups').set('Authorization', tokens.manager)
        .send({ name: 'Tuesday group', kind: 'group-therapy', facilitator: { kind: 'clinician', id: randomUUID() }, capacity: 12, location: 'Room 2', schedule: { slots: [], startsOn: '2025-01-01', endsOn: null, exceptions: [] } })
        .expect(201)
    ).body.groupId as string;
    for (const participantId of members) await sessions.http().post(`/sites/north/groups/${groupId}/members`).set('Authorization', tokens.manager).send({ participantId }).expect(201);
    let clients = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom('present', 'late', 'left-early', 'absent', 'excused'), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        async (submissions) => {
          const sessionId = (
            await sessions.http().post(`/sites/north/groups/${groupId}/sessions`).set('Authorization', tokens.manager).send({ startsAt: '2025-04-08T18:00:00Z', durationMinutes: 90 }).expect(201)
          ).body.sessionId as string;
          await sessions.http().post(`/sites/north/sessions/${sessionId}/held`).set('Authorization', tokens.manager)
            .send({ startedAt: '2025-04-08T18:00:00Z', endedAt: '2025-04-08T19:30:00Z', topic: 'Coping with cravings' }).expect(200);
          const answers = await Promise.all(
            submissions.map((statusesOfMembers, submitter) =>
              sessions.http().post(`/sites/north/sessions/${sessionId}/attendance`).set('Authorization', tokens[`facilitator${submitter}`])
                .send({ entries: members.map((participantId, i) => ({ participantId, status: statusesOfMembers[i], minutesAttended: ['absent', 'excused'].includes(statusesOfMembers[i]) ? 0 : 60 })) }),
            ),
          );
          clients += answers.length;
          for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answers.map((a) => a.status).filter((status) => ![200, 201, 409].includes(status))).toEqual([]);
          const winners = answers.flatMap((answer, submitter) => (answer.status < 300 ? [submitter] : []));
          expect(winners).toHaveLength(1);
          const recorded = (await eventsOf(sessions, sessionStream(north, sessionId))).filter((e) => e.type === 'AttendanceRecorded');
          expect(recorded.map((e) => e.data.participantId).sort()).toEqual([...members].sort());
          expect(members.map((participantId) => recorded.find((e) => e.data.participantId === participantId)?.data.status)).toEqual(submissions[winners[0]]);
        },
      ),
      { seed: SEED, numRuns: runs },
    );
    recordTrial({
      area: 'Concurrency',
      tried: 'sessions: 2–6 facilitators take attendance of one session at once (fast-check)',
      times: clients,
      held: 'only 2xx or 409; one submission recorded whole, each member exactly once, never a mix',
      passed: true,
      figures: { seed: SEED, runs, ...Object.fromEntries([...statuses].sort().map(([status, count]) => [`http ${status}`, count])) },
    });
  }, bySize({ ci: 120_000, large: 900_000 }));
});

describe("mentoring: matches proposed against one mentor's caseload at once", () => {
  it('never lets the open matches exceed the caseload limit, and fills it exactly', async () => {
    const mentoring = under.services.mentoring;
    let clients = 0;
    let most = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), async (maxCaseload, extra) => {
        const mentorId = randomUUID();
        await mentoring.http().post('/sites/north/mentors').set('Authorization', tokens.manager)
          .send({ mentorId, displayName: 'Sam Rivera', livedExperience: ['opioid-use'], languages: ['en'], specialities: ['opioid-use'], maxCaseload }).expect(201);
        await mentoring.http().post(`/sites/north/mentors/${mentorId}/trainings`).set('Authorization', tokens.manager).send({ course: 'Peer ethics', hours: 40, completedOn: '2025-01-20' }).expect(201);
        await mentoring.http().post(`/sites/north/mentors/${mentorId}/certifications`).set('Authorization', tokens.manager)
          .send({ credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2027-02-01T00:00:00Z' }).expect(201);
        const participants = Array.from({ length: maxCaseload + extra }, () => randomUUID());
        for (const participantId of participants) await mentoringHearsPeerConsent(mentoring.app, north, participantId);
        const answers = await Promise.all(
          participants.map((participantId) =>
            retryingOn409(async () => {
              const response = await mentoring.http().post('/sites/north/matches').set('Authorization', tokens.manager).send({ participantId, mentorId });
              return { status: response.status, body: response.body };
            }),
          ),
        );
        clients += answers.length;
        for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answers.map((a) => a.status).filter((status) => ![201, 409, 422].includes(status))).toEqual([]);
        const proposed = answers.filter((a) => a.status === 201);
        const openInLog = (
          await Promise.all(proposed.map(async (a) => (await eventsOf(mentoring, matchStream(north, a.body.matchId as string))).some((e) => e.type === 'MatchProposed')))
        ).filter(Boolean).length;
        most = Math.max(most, openInLog - maxCaseload);
        expect(openInLog).toBeLessThanOrEqual(maxCaseload);
        // Every client retried its 409s, so the places were all taken: none lost to a conflict.
        expect(proposed).toHaveLength(maxCaseload);
        expect(answers.filter((a) => a.status === 422).every((a) => /caseload is full/.test(String(a.body.detail)))).toBe(true);
        expect((await eventsOf(mentoring, mentorStream(north, mentorId))).length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: runs },
    ).catch((error: Error) => {
      recordTrial({
        area: 'Concurrency',
        tried: "mentoring: more clients than places propose matches to one mentor at once, retrying 409s (fast-check)",
        times: clients,
        held: 'caseload limit never exceeded, filled exactly',
        passed: false,
        figures: { seed: SEED, runs, 'most over the limit': most },
      });
      throw error;
    });
    recordTrial({
      area: 'Concurrency',
      tried: 'mentoring: more clients than places propose matches to one mentor at once, retrying 409s (fast-check)',
      times: clients,
      held: 'only 201, 409 or 422 (caseload full); open matches never above the limit, and exactly at it once all clients are answered',
      passed: true,
      figures: { seed: SEED, runs, ...Object.fromEntries([...statuses].sort().map(([status, count]) => [`final http ${status}`, count])) },
    });
  }, bySize({ ci: 120_000, large: 900_000 }));

  it('matches one participant once when several mentors are proposed for them at once', async () => {
    const mentoring = under.services.mentoring;
    let clients = 0;
    const statuses = new Map<number, number>();
    const mentors: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const mentorId = randomUUID();
      mentors.push(mentorId);
      await mentoring.http().post('/sites/north/mentors').set('Authorization', tokens.manager)
        .send({ mentorId, displayName: 'Kai Morgan', livedExperience: ['opioid-use'], languages: ['en'], specialities: ['opioid-use'], maxCaseload: 50 }).expect(201);
      await mentoring.http().post(`/sites/north/mentors/${mentorId}/trainings`).set('Authorization', tokens.manager).send({ course: 'Peer ethics', hours: 40, completedOn: '2025-01-20' }).expect(201);
      await mentoring.http().post(`/sites/north/mentors/${mentorId}/certifications`).set('Authorization', tokens.manager)
        .send({ credential: 'CPRS', issuer: 'State Board', grantedAt: '2025-02-01T00:00:00Z', expiresAt: '2027-02-01T00:00:00Z' }).expect(201);
    }
    await fc.assert(
      fc.asyncProperty(fc.subarray(mentors, { minLength: 2 }), async (chosen) => {
        const participantId = randomUUID();
        await mentoringHearsPeerConsent(mentoring.app, north, participantId);
        const answers = await Promise.all(
          chosen.map((mentorId) =>
            retryingOn409(async () => {
              const response = await mentoring.http().post('/sites/north/matches').set('Authorization', tokens.manager).send({ participantId, mentorId });
              return { status: response.status, body: response.body };
            }),
          ),
        );
        clients += answers.length;
        for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
        expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 422 && /already has a mentor/.test(String(a.body.detail)))).toBe(true);
        const proposals = await mentoring.app.get(DataSource).query(`select 1 from mentoring.events where type = 'MatchProposed' and data->>'participantId' = $1`, [participantId]);
        expect(proposals).toHaveLength(1);
      }),
      { seed: SEED, numRuns: runs },
    );
    recordTrial({
      area: 'Concurrency',
      tried: 'mentoring: one participant proposed to 2–4 mentors at once, clients retrying 409s (fast-check)',
      times: clients,
      held: 'exactly one match proposed; the others refused as already matched',
      passed: true,
      figures: { seed: SEED, runs, ...Object.fromEntries([...statuses].sort().map(([status, count]) => [`final http ${status}`, count])) },
    });
  }, bySize({ ci: 120_000, large: 900_000 }));
});
