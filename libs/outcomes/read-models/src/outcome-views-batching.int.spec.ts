import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  ATTENDANCE_STATUSES,
  DISCHARGE_REASONS,
  INSTRUMENTS,
  REINTEGRATION_CHECKPOINTS,
  type OutcomesEvent,
} from '@alongside/outcomes/contracts';
import { siteId } from '@alongside/platform/event-sourcing';
import { tableOf } from '@alongside/platform/projections';
import { createTestDatabase, type TestDatabase } from '@alongside/platform/testing';
import { CohortCellRow } from './cohort-cell-row.entity';
import { CohortDischargeRow } from './cohort-discharge-row.entity';
import { EpisodeRow } from './episode-row.entity';
import { OUTCOME_VIEW_ENTITIES, outcomeViewsProjection } from './outcome-views.projection';
import { applyInBatches, emptyViews, like, recordedLog } from './testing';

/**
 * A batch is folded in memory and written set-wise; the rows must not depend on where the log was
 * cut into batches. Random histories over a few participants, sessions, matches and fact ids (so
 * events collide: corrections, replays, late admissions, facts before any episode) are applied one
 * event per transaction in one schema and in random batches in another, and every table compared.
 */
const SITES = [siteId('north'), siteId('south')];
const PARTICIPANTS = ['5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c01', '5b7e0c1a-2d3f-4a5b-8c6d-7e8f9a0b1c02', '5B7E0C1A-2D3F-4A5B-8C6D-7E8F9A0B1C03'];
const EPISODES = ['c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b601', 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b602', 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b603', 'c7c6c5c4-d3d2-4e1e-8f0f-a9a8b7b6b604'];
const SESSIONS = ['d7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c601', 'd7d6d5d4-e3e2-4f1f-8a0a-b9b8c7c6c602'];
const MATCHES = ['e7e6e5e4-f3f2-4a1a-8b0b-c9c8d7d6d601', 'e7e6e5e4-f3f2-4a1a-8b0b-c9c8d7d6d602'];
const FACTS = ['a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f601', 'a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f602', 'a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f603', 'a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f604', 'a8a7a6a5-b4b3-4c2c-8d1d-e0e9f8f7f605'];

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const instant = fc.tuple(day, fc.integer({ min: 0, max: 23 })).map(([d, h]) => `${d}T${String(h).padStart(2, '0')}:00:00Z`);
const participant = fc.constantFrom(...PARTICIPANTS);
const fact = fc.constantFrom(...FACTS);

const anEvent: fc.Arbitrary<OutcomesEvent> = fc.oneof(
  fc.record({ e: fc.integer({ min: 0, max: EPISODES.length - 1 }), on: day, transferredIn: fc.boolean() }).map(({ e, on, transferredIn }) =>
    like('ParticipantAdmitted', { episodeId: EPISODES[e], participantId: PARTICIPANTS[e % PARTICIPANTS.length], admittedOn: on, transferredIn }),
  ),
  fc.record({ e: fc.integer({ min: 0, max: EPISODES.length - 1 }), on: day, reason: fc.constantFrom(...DISCHARGE_REASONS) }).map(({ e, on, reason }) =>
    like('ParticipantDischarged', { episodeId: EPISODES[e], participantId: PARTICIPANTS[e % PARTICIPANTS.length], dischargedOn: on, reason }),
  ),
  fc.record({ e: fc.integer({ min: 0, max: EPISODES.length - 1 }), level: fc.constantFrom('1', '2.1', '3.5') }).map(({ e, level }) =>
    like('ParticipantLevelOfCareChanged', { episodeId: EPISODES[e], participantId: PARTICIPANTS[e % PARTICIPANTS.length], levelOfCare: level }),
  ),
  fc
    .record({
      participantId: participant,
      sessionId: fc.constantFrom(...SESSIONS),
      // A correction may move an entry to another day or kind: the session's counts must follow it.
      heldOn: fc.constantFrom('2026-03-05', '2026-03-06'),
      groupKind: fc.constantFrom('peer-support', 'group-therapy'),
      status: fc.constantFrom(...ATTENDANCE_STATUSES),
      minutes: fc.integer({ min: 0, max: 120 }),
      revision: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ revision, ...data }) => (revision === 0 ? like('SessionAttendanceRecorded', data) : like('SessionAttendanceCorrected', { ...data, revision }))),
  fc.record({ participantId: participant, matchId: fc.constantFrom(...MATCHES), matchedAt: instant }).map((data) => like('MentorMatched', data)),
  fc.record({ participantId: participant, matchId: fc.constantFrom(...MATCHES), endedAt: instant }).map((data) => like('MentorMatchEnded', data)),
  fc.record({ participantId: participant, contactId: fact, minutes: fc.integer({ min: 5, max: 90 }) }).map((data) => like('MentorContactRecorded', data)),
  fc
    .record({ participantId: participant, assessmentId: fact, instrument: fc.constantFrom(...INSTRUMENTS), total: fc.integer({ min: 0, max: 27 }), administeredAt: instant })
    .map((data) => like('AssessmentRecorded', data)),
  fc.record({ participantId: participant, alertId: fc.constantFrom(...MATCHES), raisedAt: instant }).map((data) => like('SafetyAlertRaised', data)),
  fc.record({ participantId: participant, alertId: fc.constantFrom(...MATCHES), acknowledgedAt: instant }).map((data) => like('SafetyAlertAcknowledged', data)),
  fc.record({ participantId: participant, alertId: fc.constantFrom(...MATCHES), resolvedAt: instant }).map((data) => like('SafetyAlertResolved', data)),
  fc.record({ participantId: participant, screenId: fact, positive: fc.boolean() }).map((data) => like('DrugScreenRecorded', data)),
  fc.record({ participantId: participant, relapseId: fact, occurredOn: day }).map((data) => like('RelapseRecorded', data)),
  fc.record({ participantId: participant, lapseId: fact, occurredOn: day }).map((data) => like('LapseRecorded', data)),
  fc.record({ participantId: participant, startedOn: day }).map((data) => like('SobrietyStartSet', data)),
  fc.record({ participantId: participant, milestoneDays: fc.constantFrom(30, 60, 90), reachedOn: day }).map((data) => like('SobrietyMilestoneReached', data)),
  fc.record({ participantId: participant, readmissionId: fact }).map((data) => like('ReadmissionRecorded', data)),
  fc.record({ participantId: participant, visitId: fact, overdose: fc.boolean() }).map((data) => like('EmergencyVisitRecorded', data)),
  fc.record({ participantId: participant, checkpoint: fc.constantFrom(...REINTEGRATION_CHECKPOINTS), socialConnectedness: fc.integer({ min: 0, max: 4 }) }).map((data) => like('ReintegrationRecorded', data)),
  fc.record({ lapseRestartsSobriety: fc.boolean(), milestoneDays: fc.constantFrom<number[]>([30, 90], [30, 60, 90, 180, 365]) }).map((data) => like('OutcomePolicySet', data)),
);

let database: TestDatabase;
const oneByOne = { dataSource: undefined as unknown as DataSource, schema: 'one_by_one' };
const batched = { dataSource: undefined as unknown as DataSource, schema: 'batched' };

const openSchema = async (target: { dataSource: DataSource; schema: string }) => {
  target.dataSource = new DataSource({ type: 'postgres', url: database.url, schema: target.schema, entities: [...OUTCOME_VIEW_ENTITIES], synchronize: true });
  await target.dataSource.initialize();
};

/** Every row of every table, in a fixed order, as Postgres renders it. */
const tables = async (dataSource: DataSource): Promise<Record<string, unknown[]>> => {
  const all: Record<string, unknown[]> = {};
  for (const entity of OUTCOME_VIEW_ENTITIES) {
    const table = tableOf(dataSource.manager, entity);
    const rows: { row: unknown }[] = await dataSource.query(`select to_jsonb(t) as row from ${table} t order by to_jsonb(t)::text`);
    all[dataSource.getMetadata(entity).tableName] = rows.map(({ row }) => row);
  }
  return all;
};

/**
 * The cohort cells as the episodes themselves give them: what the projection keeps by adding each
 * changed episode's difference must always equal this.
 */
const cellsFromEpisodes = async (dataSource: DataSource) => ({
  measures: await dataSource.query(
    `select site_id, admission_month, programme, level_of_care, mentored,
            count(*)::int episodes, count(*) filter (where discharged_on is null)::int active,
            count(*) filter (where discharge_reason = 'completed')::int completed,
            count(*) filter (where discharged_on is null or discharged_on - admitted_on >= 90)::int stayed90,
            coalesce(sum(discharged_on - admitted_on + 1), 0)::text stay_days,
            coalesce(sum(admitted_on - date '1970-01-01') filter (where discharged_on is null), 0)::text admitted_days,
            sum(relapses)::int relapses, sum(lapses)::int lapses, sum(screens)::int screens, sum(positive_screens)::int positive_screens
     from ${tableOf(dataSource.manager, EpisodeRow)} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  ),
  discharges: await dataSource.query(
    `select site_id, admission_month, programme, level_of_care, mentored, coalesce(discharge_reason, '') discharge_reason, count(*)::int episodes
     from ${tableOf(dataSource.manager, EpisodeRow)} where discharged_on is not null group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
  ),
});
const cellsKept = async (dataSource: DataSource) => ({
  measures: await dataSource.query(`select * from ${tableOf(dataSource.manager, CohortCellRow)} order by 1, 2, 3, 4, 5`),
  discharges: await dataSource.query(`select * from ${tableOf(dataSource.manager, CohortDischargeRow)} order by 1, 2, 3, 4, 5, 6`),
});

beforeAll(async () => {
  database = await createTestDatabase('outcome-views-batching');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query(`create schema ${oneByOne.schema}; create schema ${batched.schema}`);
  await client.end();
  await openSchema(oneByOne);
  await openSchema(batched);
});

afterAll(async () => {
  await oneByOne.dataSource?.destroy();
  await batched.dataSource?.destroy();
  await database?.drop();
});

describe('Outcome views projection, batched', () => {
  it('gives the same tables whether the log is applied one event at a time or in random batches', async () => {
    let histories = 0;
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: anEvent, site: fc.integer({ min: 0, max: SITES.length - 1 }) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
        async (history, cuts) => {
          const log = recordedLog(history, SITES);
          await emptyViews(oneByOne.dataSource);
          await emptyViews(batched.dataSource);
          for (const event of log) await oneByOne.dataSource.transaction((tx) => outcomeViewsProjection.apply([event], tx));
          await applyInBatches(batched.dataSource, log, cuts);
          const expected = await tables(oneByOne.dataSource);
          expect(await tables(batched.dataSource)).toEqual(expected);
          expect(await cellsKept(batched.dataSource)).toEqual(await cellsFromEpisodes(batched.dataSource));
          histories++;
          if (Object.values(expected).filter((rows) => rows.length > 0).length > 3) nonEmpty++;
        },
      ),
      { numRuns: 40 },
    );
    // The comparison means something only if histories fill several tables, not just the site row.
    expect(nonEmpty).toBeGreaterThan(histories / 4);
  });

  it("keeps each cohort cell equal to its episodes' sums, for histories of admissions, discharges and changes over months", async () => {
    // Days over half a year, so that stays cross 90 days and admissions fall in several months.
    const anyDay = fc.integer({ min: 0, max: 180 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const episode = fc.integer({ min: 0, max: EPISODES.length - 1 });
    const ofEpisode = (e: number) => ({ episodeId: EPISODES[e], participantId: PARTICIPANTS[e % PARTICIPANTS.length] });
    const aChange: fc.Arbitrary<OutcomesEvent> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .record({ e: episode, on: anyDay, programme: fc.constantFrom('outpatient-peer-recovery', 'residential') })
          .map(({ e, on, programme }) => like('ParticipantAdmitted', { ...ofEpisode(e), admittedOn: on, programme })),
      },
      {
        weight: 2,
        arbitrary: fc
          .record({ e: episode, on: anyDay, reason: fc.constantFrom(...DISCHARGE_REASONS) })
          .map(({ e, on, reason }) => like('ParticipantDischarged', { ...ofEpisode(e), dischargedOn: on, reason })),
      },
      { weight: 1, arbitrary: fc.record({ e: episode, level: fc.constantFrom('1', '2.1', '3.5') }).map(({ e, level }) => like('ParticipantLevelOfCareChanged', { ...ofEpisode(e), levelOfCare: level })) },
      { weight: 1, arbitrary: fc.record({ participantId: participant, matchId: fc.constantFrom(...MATCHES), matchedAt: instant }).map((data) => like('MentorMatched', data)) },
      { weight: 1, arbitrary: fc.record({ participantId: participant, relapseId: fact, occurredOn: anyDay }).map((data) => like('RelapseRecorded', data)) },
      { weight: 1, arbitrary: fc.record({ participantId: participant, lapseId: fact, occurredOn: anyDay }).map((data) => like('LapseRecorded', data)) },
      { weight: 1, arbitrary: fc.record({ participantId: participant, screenId: fact, positive: fc.boolean() }).map((data) => like('DrugScreenRecorded', data)) },
    );
    let histories = 0;
    let several = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: aChange, site: fc.integer({ min: 0, max: SITES.length - 1 }) }), { minLength: 10, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }),
        async (history, cuts) => {
          await emptyViews(batched.dataSource);
          await applyInBatches(batched.dataSource, recordedLog(history, SITES), cuts);
          const kept = await cellsKept(batched.dataSource);
          expect(kept).toEqual(await cellsFromEpisodes(batched.dataSource));
          histories++;
          if (kept.measures.length > 2 && kept.discharges.length > 0) several++;
        },
      ),
      { numRuns: 60 },
    );
    expect(several).toBeGreaterThan(histories / 4);
  });

  it('keeps one episode per admission and counts each fact once, however the batches fall', async () => {
    const history = [
      { event: like('ParticipantAdmitted', { episodeId: EPISODES[0], participantId: PARTICIPANTS[0], admittedOn: '2026-03-01' }), site: 0 },
      { event: like('RelapseRecorded', { participantId: PARTICIPANTS[0], relapseId: FACTS[0], occurredOn: '2026-03-05' }), site: 0 },
      { event: like('ParticipantAdmitted', { episodeId: EPISODES[1], participantId: PARTICIPANTS[0], admittedOn: '2026-03-10' }), site: 0 },
      { event: like('RelapseRecorded', { participantId: PARTICIPANTS[0], relapseId: FACTS[1], occurredOn: '2026-03-12' }), site: 0 },
      { event: like('RelapseRecorded', { participantId: PARTICIPANTS[0], relapseId: FACTS[1], occurredOn: '2026-03-12' }), site: 0 },
    ];
    const log = recordedLog(history, SITES);
    await emptyViews(batched.dataSource);
    await batched.dataSource.transaction((tx) => outcomeViewsProjection.apply(log, tx));
    const rows = await tables(batched.dataSource);
    // Each relapse lands on the episode that was the latest when it happened; the replayed one counts nothing.
    expect(rows['outcome_episode_v6']).toEqual([
      expect.objectContaining({ episode_id: EPISODES[0], relapses: 1, first_relapse_on: '2026-03-05' }),
      expect.objectContaining({ episode_id: EPISODES[1], relapses: 1, first_relapse_on: '2026-03-12' }),
    ]);
    expect(rows['outcome_fact_v6']).toHaveLength(2);
  });
});
