import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { appendPlanToStores, decideNetwork, STORE_ORDER } from './into-stores';
import { generatePlan, planCounts } from './plan';

describe('Direct appends of a generated network (mode b)', () => {
  let database: TestDatabase;
  const plan = generatePlan({ sites: ['tiny'], participantsPerSite: 12, months: 4, seed: 11, asOf: '2026-05-01' });
  const counts = planCounts(plan);

  beforeAll(async () => {
    database = await createTestDatabase('demo-into-stores');
  });
  afterAll(async () => {
    await database.drop();
  });

  const query = async <Row extends object>(sql: string): Promise<Row[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<Row>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const storedCounts = async (schema: string): Promise<Record<string, number>> =>
    Object.fromEntries((await query<{ type: string; count: string }>(`SELECT type, count(*) FROM ${schema}.events GROUP BY type`)).map((r) => [r.type, Number(r.count)]));
  const tallyOf = (types: readonly string[]) => types.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t]: (acc[t] ?? 0) + 1 }), {});

  it("lands every event the four services' deciders decide in that service's store, with the service's metadata", async () => {
    const decided = await decideNetwork(plan);
    const tally = await appendPlanToStores(plan, { connectionString: database.url });

    const everything: string[] = [];
    for (const service of STORE_ORDER) {
      const types = decided[service].events().map((e) => e.type);
      everything.push(...types);
      expect(await storedCounts(service)).toEqual(tallyOf(types));
    }
    expect(Object.fromEntries(tally.byType)).toEqual(tallyOf(everything));
    // The plan's facts, each where its service keeps it.
    const enrolment = await storedCounts('enrolment');
    expect(enrolment['ParticipantRegistered']).toBe(counts.participants);
    expect(enrolment['Discharged']).toBe(counts.discharges);
    const outcomes = await storedCounts('outcomes');
    expect(outcomes['ParticipantAdmitted']).toBe(counts.participants);
    expect(outcomes['AssessmentRecorded']).toBe(counts.assessments);
    expect(outcomes['RelapseRecorded']).toBe(counts.relapses);
    expect(outcomes['MentorMatched']).toBe(counts.matches);
    expect(outcomes['MentorContactRecorded']).toBe(counts.contacts);
    expect(outcomes['ReintegrationRecorded']).toBe(counts.reintegrationReviews);
    // One start date set at intake for everyone, one more for each relapse.
    expect(outcomes['SobrietyStartSet']).toBe(counts.participants + counts.relapses);
    expect((await storedCounts('mentoring'))['ContactLogged']).toBe(counts.contacts);
    expect((await storedCounts('sessions'))['SessionHeld']).toBe(counts.sessions);
    // Attendance is heard by outcomes one for one.
    expect(outcomes['SessionAttendanceRecorded']).toBe((await storedCounts('sessions'))['AttendanceRecorded']);

    const [enrolled] = await query<{ metadata: Record<string, unknown>; stream_id: string }>("SELECT metadata, stream_id FROM enrolment.events WHERE type = 'Enrolled' LIMIT 1");
    expect(enrolled.stream_id).toMatch(/^enrolment\.participant-tiny-[0-9a-f-]{36}$/);
    expect(enrolled.metadata).toEqual(expect.objectContaining({ siteId: 'tiny', schemaVersion: expect.any(Number), actor: { sub: 'demo-generator', role: 'clinician' } }));
  });

  it("records what outcomes hears exactly as its consumer would: the heard event's id is the command id", async () => {
    const [admitted] = await query<{ id: string; data: { heardFrom: { eventId: string } }; metadata: { causationId: string; actor: unknown } }>(
      "SELECT event_id AS id, data, metadata FROM outcomes.events WHERE type = 'ParticipantAdmitted' LIMIT 1",
    );
    const [enrolled] = await query<{ event_id: string }>(`SELECT event_id FROM enrolment.events WHERE event_id = '${admitted.data.heardFrom.eventId}'`);
    expect(enrolled).toBeDefined();
    expect(admitted.metadata.causationId).toBe(enrolled.event_id);
    expect(admitted.metadata.actor).toEqual({ sub: 'outcomes.enrolment', role: 'system' });
  });

  it('appends nothing twice when run again with the same seed', async () => {
    const before = await Promise.all(STORE_ORDER.map(storedCounts));
    const tally = await appendPlanToStores(plan, { connectionString: database.url });
    expect(tally.total).toBe(0);
    expect(await Promise.all(STORE_ORDER.map(storedCounts))).toEqual(before);
  });
});
