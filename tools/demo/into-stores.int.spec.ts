import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { appendPlanToStores, decideEnrolment } from './into-stores';
import { generatePlan } from './plan';

describe('Direct appends of a generated network (mode b)', () => {
  let database: TestDatabase;
  const plan = generatePlan({ sites: ['tiny'], participantsPerSite: 12, months: 4, seed: 11, asOf: '2026-05-01' });

  beforeAll(async () => {
    database = await createTestDatabase('demo-into-stores');
  });
  afterAll(async () => {
    await database.drop();
  });

  const storedCounts = async (): Promise<Record<string, number>> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ type: string; count: string }>('SELECT type, count(*) FROM enrolment.events GROUP BY type');
      return Object.fromEntries(rows.map((r) => [r.type, Number(r.count)]));
    } finally {
      await client.end();
    }
  };

  it("lands every event the plan decides in enrolment's store, with the service's metadata", async () => {
    const decided = [...(await decideEnrolment(plan)).streams.values()].flat();
    const expected: Record<string, number> = {};
    for (const event of decided) expected[event.type] = (expected[event.type] ?? 0) + 1;

    const tally = await appendPlanToStores(plan, { connectionString: database.url });

    expect(Object.fromEntries(tally.byType)).toEqual(expected);
    expect(await storedCounts()).toEqual(expected);
    expect(expected['ParticipantRegistered']).toBe(12);
    expect(expected['Enrolled']).toBe(12);
    expect(expected['SiteConfigured']).toBe(1);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ metadata: Record<string, unknown>; stream_id: string }>(
        "SELECT metadata, stream_id FROM enrolment.events WHERE type = 'Enrolled' LIMIT 1",
      );
      expect(rows[0].stream_id).toMatch(/^enrolment\.participant-tiny-[0-9a-f-]{36}$/);
      expect(rows[0].metadata).toEqual(expect.objectContaining({ siteId: 'tiny', schemaVersion: expect.any(Number), actor: { sub: 'demo-generator', role: 'clinician' } }));
    } finally {
      await client.end();
    }
  });

  it('appends nothing twice when run again with the same seed', async () => {
    const before = await storedCounts();
    const tally = await appendPlanToStores(plan, { connectionString: database.url });
    expect(tally.total).toBe(0);
    expect(await storedCounts()).toEqual(before);
  });
});
